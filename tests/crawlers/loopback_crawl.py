"""A real `pressmon crawl`, in a child process, of one source served on loopback: the source file
and the environment the crawl tests share (no politeness delay, so they run in seconds)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]


def write_source(folder: Path, base: str, **fields: Any) -> None:
    """`folder`/sources.yaml with the one source "bao_thu" reading `base`/feed.xml; `fields`
    replace or add fields (a field given as None is left out)."""
    source = {
        "id": "bao_thu",
        "name": "Báo thử",
        "kind": "provincial",
        "province": "Nghệ An",
        "domain": "127.0.0.1",
        "feeds": [f"{base}/feed.xml"],
        **fields,
    }
    present = {key: value for key, value in source.items() if value is not None}
    (folder / "sources.yaml").write_text(yaml.safe_dump([present], allow_unicode=True), "utf-8")


def crawl_env(folder: Path, **crawl: str) -> dict[str, str]:
    """The environment of a crawl into `folder` (archive, state database, sources.yaml), with
    `crawl` as extra `[crawl]` settings (download_timeout="5": PRESSMON_CRAWL__DOWNLOAD_TIMEOUT)."""
    return {
        **os.environ,
        "PRESSMON_ARCHIVE": str(folder / "archive.db"),
        "PRESSMON_ARCHIVE__STATE_PATH": str(folder / "state.db"),
        "PRESSMON_SOURCES": str(folder / "sources.yaml"),
        "PRESSMON_CRAWL__DOWNLOAD_DELAY": "0",
        "PRESSMON_CRAWL__AUTOTHROTTLE": "false",
        **{f"PRESSMON_CRAWL__{key.upper()}": value for key, value in crawl.items()},
    }


def run_python(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python ARGS` from the repository, its output captured."""
    return subprocess.run(
        [sys.executable, *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


# `pressmon crawl` with the crawl state's clock (crawlers.state.utc_now) set to argv[1].
_CRAWL_AT = (
    "import sys; from datetime import datetime; import crawlers.state as state; "
    "at = datetime.fromisoformat(sys.argv[1]); state.utc_now = lambda: at; "
    "from pressmon.cli import main; main(prog_name='pressmon', args=['crawl'])"
)


def crawl_at(folder: Path, at: datetime) -> subprocess.CompletedProcess[str]:
    """A crawl into `folder` (crawl_env) whose crawl state reads the time as `at`: days pass
    between runs without waiting."""
    return run_python(["-c", _CRAWL_AT, at.isoformat()], crawl_env(folder))
