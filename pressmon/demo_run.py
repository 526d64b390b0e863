"""`pressmon demo`: the whole pipeline over the offline demo press site, then the review UI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from demo.server import serve_demo
from demo.sources import demo_sources
from index.types import Query
from pressmon.cli import output
from pressmon.companions import Companions
from pressmon.errors import PressmonError
from pressmon.review.labels import label
from pressmon.review.queue import triage_order
from pressmon.settings import REPO_ROOT, Settings, load_settings
from pressmon.wiring import archive_from

DEMO_ARCHIVE = REPO_ROOT / "var" / "demo" / "archive.db"


@dataclass(frozen=True)
class DemoPaths:
    archive: Path
    state: Path
    sources: Path
    model: Path

    @classmethod
    def beside(cls, archive: Path) -> DemoPaths:
        """State and sources files next to the archive, named after it: its companions, which
        `pressmon --archive` then uses (pressmon.companions)."""
        files = Companions.of(archive)
        return cls(
            archive=archive,
            state=files.state,
            sources=files.sources,
            # Kept between demos (only the archive and state start fresh): training takes time.
            model=archive.parent / "model" / "flagger.skops",
        )


def prepare_fresh(paths: DemoPaths, *, default_location: bool) -> None:
    """The demo always starts from an empty archive; it never deletes an archive the user named."""
    for path in (paths.archive, paths.state):
        if not path.exists():
            continue
        if not default_location:
            raise PressmonError(
                f"{path} exists; the demo needs a fresh archive",
                hint="remove it or pass another --archive path",
            )
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    paths.sources.parent.mkdir(parents=True, exist_ok=True)
    paths.archive.parent.mkdir(parents=True, exist_ok=True)


def demo_environment(paths: DemoPaths) -> dict[str, str]:
    """Settings for the crawl child: demo paths, no throttling on loopback (robots.txt still
    obeyed)."""
    return {
        **os.environ,
        "PRESSMON_ARCHIVE": str(paths.archive),
        "PRESSMON_ARCHIVE__STATE_PATH": str(paths.state),
        "PRESSMON_SOURCES": str(paths.sources),
        "PRESSMON_MODEL": str(paths.model),
        "PRESSMON_CRAWL__DOWNLOAD_DELAY": "0",
        "PRESSMON_CRAWL__AUTOTHROTTLE": "false",
        "PRESSMON_CRAWL__CONCURRENCY_PER_DOMAIN": "8",
    }


def crawl_demo_site(
    paths: DemoPaths, config_dir: Path | None, echo: Callable[[str], None], *, quiet: bool = False
) -> None:
    """Serve the demo site on loopback and crawl it once in a child process (whose progress
    bar, on a terminal, is the demo's)."""
    with serve_demo() as site:
        paths.sources.write_text(
            yaml.safe_dump(demo_sources(site.base_url), allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
        echo(f"Trang báo demo: {site.base_url}")
        command = [sys.executable, "-m", "pressmon"]
        if config_dir:
            command += ["--config", str(config_dir)]
        crawl = ["crawl", "--quiet"] if quiet else ["crawl"]
        result = subprocess.run([*command, *crawl], env=demo_environment(paths), check=False)
    if result.returncode != 0:
        raise PressmonError(
            f"thu thập trang báo demo không thành công (mã thoát {result.returncode})",
            hint="chạy lại với -v để xem log chi tiết",
        )


def demo_settings(paths: DemoPaths, config_dir: Path | None) -> Settings:
    return load_settings(config_dir, environ=demo_environment(paths))


def print_summary(settings: Settings, echo: Callable[[str], None]) -> None:
    with archive_from(settings) as archive:
        weekly = archive.counts(Query())
        stories = archive.counts(Query(), unit="stories").total
        by_outlet = archive.counts(Query(), group_by="outlet")
        flagged, _ = triage_order(archive, Query())
    echo("\nSố tin, bài về BHXH/BHYT theo tuần (Asia/Ho_Chi_Minh, tuần bắt đầu thứ Hai):")
    echo(output.counts_text(weekly))
    echo(f"({stories} câu chuyện: bài đăng lại ở nhiều báo chỉ tính một lần)")
    echo("\nTheo cơ quan báo chí:")
    echo(output.counts_text(by_outlet))
    echo(
        f"\nTin cần xem xét: {len(flagged)}"
        " (điểm sàng lọc để người duyệt quyết định, không phải kết luận)"
    )
    for document in flagged:
        echo(
            f"[{label(document.tier)}] {document.risk:.2f} {document.category or '-'} "
            f"{document.stance}"
        )
        echo("    " + output.document_line(document, settings.tz))
    # The demo's state and sources sit beside its archive, so naming the archive is enough.
    echo(f"\nTình trạng các nguồn demo: pressmon --archive {settings.archive.path} sources --all")
