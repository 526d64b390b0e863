"""Honest crawl results on real loopback servers: a summary per source by display name, a
non-zero exit when nothing could be fetched or a named source failed, no tracebacks."""

from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from demo.server import serve_demo
from demo.sources import demo_sources
from index.sqlite_backend import SQLiteArchive

REPO = Path(__file__).resolve().parents[2]


def _dead_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _dead_source(source_id: str, name: str, port: int) -> dict[str, Any]:
    return {
        "id": source_id,
        "name": name,
        "kind": "national",
        "domain": "localhost",
        "feeds": [f"http://localhost:{port}/rss/{source_id}.xml"],
        "listings": [{"url": f"http://localhost:{port}/{source_id}/"}],
    }


def _crawl(folder: Path, sources: list[dict[str, Any]], *args: str) -> subprocess.CompletedProcess:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.yaml").write_text(yaml.safe_dump(sources, allow_unicode=True), "utf-8")
    env = {
        **os.environ,
        "PRESSMON_ARCHIVE": str(folder / "archive.db"),
        "PRESSMON_ARCHIVE__STATE_PATH": str(folder / "state.db"),
        "PRESSMON_SOURCES": str(folder / "sources.yaml"),
        "PRESSMON_CRAWL__DOWNLOAD_DELAY": "0",
        "PRESSMON_CRAWL__AUTOTHROTTLE": "false",
    }
    return subprocess.run(
        [sys.executable, "-m", "pressmon", "crawl", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("crawl-results")
    port = _dead_port()
    dead = [_dead_source("bao_mot", "Báo Một", port), _dead_source("bao_hai", "Báo Hai", port)]
    with serve_demo() as site:
        live = demo_sources(site.base_url)[0]
        mixed = [live, dead[0]]
        yield {
            "live": live,
            "folder": folder,
            "all_down": _crawl(folder / "all", dead),
            "mixed": _crawl(folder / "mixed", mixed),
            "named_down": _crawl(folder / "named", mixed, "--source", "bao_mot"),
            "named_up": _crawl(folder / "named-up", mixed, "--source", live["id"]),
        }


def _summary_row(stdout: str, name: str) -> list[str]:
    (line,) = [line for line in stdout.splitlines() if line.startswith(name + "  ")]
    return re.split(r"\s{2,}", line)


def test_nothing_fetched_exits_non_zero_with_a_summary_and_no_traceback(runs: dict) -> None:
    result = runs["all_down"]
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    for name in ("Báo Một", "Báo Hai"):
        row = " ".join(_summary_row(result.stdout, name))
        assert "bị từ chối kết nối" in row, row
    # The first line may announce the new archive (pressmon.locations.announce_new_archive);
    # the crawl's progress lines come before the error.
    error = [
        line
        for line in result.stderr.strip().splitlines()
        if not line.startswith(("Tạo kho lưu trữ mới", "  Thu thập"))
    ]
    assert error[0].startswith("Lỗi: 2/2 nguồn không tải được trang nào: Báo Một"), error
    assert len(error) <= 3, result.stderr  # the error and its hint, not one line per failure
    assert "bao_mot" not in result.stdout  # display names, not ids


def test_each_failed_source_is_recorded_as_a_run(runs: dict) -> None:
    with sqlite3.connect(runs["folder"] / "all" / "state.db") as db:
        rows = dict(db.execute("SELECT source_id, counters FROM crawl_runs").fetchall())
    assert set(rows) == {"bao_mot", "bao_hai"}
    counters = json.loads(rows["bao_mot"])
    assert counters.get("fetched", 0) == 0 and counters["connection_refused"] >= 1


def test_partial_failure_exits_zero_with_a_warning(runs: dict) -> None:
    result = runs["mixed"]
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    warning = [line for line in result.stderr.splitlines() if line.startswith("Cảnh báo:")]
    assert warning == [
        "Cảnh báo: 1/2 nguồn không tải được trang nào: Báo Một (bị từ chối kết nối: 2)"
    ]
    live = _summary_row(runs["mixed"].stdout, runs["live"]["name"])
    assert int(live[1]) > 0 and int(live[2]) > 0  # pages fetched, articles stored


def test_a_named_source_that_fails_exits_non_zero(runs: dict) -> None:
    assert runs["named_down"].returncode != 0
    assert "1/1 nguồn không tải được trang nào: Báo Một" in runs["named_down"].stderr
    assert runs["named_up"].returncode == 0, runs["named_up"].stderr[-2000:]


def test_stored_articles_say_why_their_date_was_chosen(runs: dict) -> None:
    with SQLiteArchive(runs["folder"] / "mixed" / "archive.db") as archive:
        documents = list(archive.iter_documents())
    assert documents
    for document in documents:
        assert document.date_source and document.date_reason, document.url
        assert document.seo_title != document.title  # kept only when it words it differently
