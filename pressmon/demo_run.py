"""`pressmon demo`: the whole pipeline over the offline demo press site, then the review UI.

Two honest halves: the hand-built demo site (73 pages, five outlets, the robustness cases) is
served on loopback and crawled by the real crawler; the generated demo year (60 outlets, about
16,500 articles from 1 January to today) goes through `pressmon ingest`, the same processing,
flagging and archive as crawled pages, since crawling a year of pages would take far longer
than the three minutes the demo may take."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from demo.server import serve_demo
from demo.sources import demo_sources
from demo.year.generate import build_year
from demo.year.lines import ingest_lines
from demo.year.outlets import YEAR_OUTLETS, year_sources
from index.types import Query
from pressmon.companions import Companions
from pressmon.errors import PressmonError
from pressmon.evidence.location import evidence_beside
from pressmon.locations import announce_new_archive
from pressmon.review.labels import office_label
from pressmon.review.queue import triage_order
from pressmon.settings import REPO_ROOT, Settings, load_settings
from pressmon.web.formatting import number
from pressmon.wiring import archive_from, notifier_from

DEMO_ARCHIVE = REPO_ROOT / "var" / "demo" / "archive.db"


@dataclass(frozen=True)
class DemoPaths:
    archive: Path
    state: Path
    sources: Path
    model: Path
    year_lines: Path  # the demo year as `pressmon ingest` input
    evidence: Path

    @classmethod
    def beside(cls, archive: Path) -> DemoPaths:
        """State and sources files next to the archive, named after it, and the model in
        `model/` there: its companions, which `pressmon --archive` then uses
        (pressmon.companions)."""
        files = Companions.of(archive)
        return cls(
            archive=archive,
            state=files.state,
            sources=files.sources,
            # Kept between demos (only the archive and state start fresh): training takes time.
            model=files.model,
            year_lines=archive.with_name(f"{archive.stem}-nam-demo.jsonl"),
            evidence=evidence_beside(files.state),
        )


def prepare_fresh(paths: DemoPaths, *, default_location: bool) -> None:
    """The demo always starts from an empty archive; it never deletes an archive the user named."""
    for path in (paths.archive, paths.state):
        if not path.exists():
            continue
        if not default_location:
            raise PressmonError(
                f"{path} đã có; bản demo cần một kho lưu trữ mới, trống",
                hint="xóa tệp đó hoặc chỉ chỗ khác bằng --archive hoặc --data-dir",
            )
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    if default_location and paths.evidence.exists():
        shutil.rmtree(paths.evidence)  # the saved copies the old state database listed
    paths.sources.parent.mkdir(parents=True, exist_ok=True)
    paths.archive.parent.mkdir(parents=True, exist_ok=True)


def create_archive(settings: Settings, echo: Callable[[str], None]) -> None:
    """Create the demo's archive before its crawl and ingest start together, saying so once:
    each child would otherwise announce (and initialise) the same new archive."""
    announce_new_archive(settings, echo)
    with archive_from(settings):
        pass


def demo_environment(paths: DemoPaths) -> dict[str, str]:
    """Settings for the crawl child: demo paths, no throttling on loopback (robots.txt still
    obeyed), and no Redis: the demo's stories are never shared into the one a deployment's
    PRESSMON_REDIS_URL or settings.toml names (pressmon.wiring.story_memory_from)."""
    return {
        **{k: v for k, v in os.environ.items() if k != "PRESSMON_CRAWL__REDIS_URL"},
        "PRESSMON_REDIS_URL": "",
        "PRESSMON_ARCHIVE": str(paths.archive),
        "PRESSMON_ARCHIVE__STATE_PATH": str(paths.state),
        "PRESSMON_SOURCES": str(paths.sources),
        "PRESSMON_MODEL": str(paths.model),
        "PRESSMON_CRAWL__DOWNLOAD_DELAY": "0",
        "PRESSMON_CRAWL__AUTOTHROTTLE": "false",
        "PRESSMON_CRAWL__CONCURRENCY_PER_DOMAIN": "8",
    }


def _pressmon(config_dir: Path | None) -> list[str]:
    command = [sys.executable, "-m", "pressmon"]
    return command + ["--config", str(config_dir)] if config_dir else command


def crawl_demo_site(
    paths: DemoPaths,
    config_dir: Path | None,
    echo: Callable[[str], None],
    *,
    alongside: Sequence[Sequence[str]] = (),
    quiet: bool = False,
) -> None:
    """Serve the demo site on loopback and crawl it once in a child process, with the pressmon
    commands `alongside` (the demo year's ingest) running at the same time in children of their
    own: the crawl waits on the network, the ingest on the CPU, and two cores serve both. The
    sources file also lists the demo year's own outlets, disabled: nothing to crawl, but ingested
    lines naming them find their kind and province. One progress bar on a terminal: the
    ingest's when there is one (the longer job), else the crawl's."""
    with serve_demo() as site:
        sources = demo_sources(site.base_url) + year_sources()
        paths.sources.write_text(
            yaml.safe_dump(sources, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        echo(f"Trang báo demo: {site.base_url} — thu thập bằng trình thu thập thật (crawler)")
        crawl = ("crawl", "--quiet") if quiet or alongside else ("crawl",)
        commands = [crawl, *((*args, "--quiet") if quiet else args for args in alongside)]
        children = [
            subprocess.Popen([*_pressmon(config_dir), *args], env=demo_environment(paths))
            for args in commands
        ]
        exits = [child.wait() for child in children]
    for args, code in zip(commands, exits, strict=True):
        if code != 0:
            raise PressmonError(
                f"lệnh `pressmon {args[0]}` của bản demo không thành công (mã thoát {code})",
                hint="chạy lại với -v để xem log chi tiết",
            )


def prepare_demo_year(
    paths: DemoPaths, echo: Callable[[str], None], *, until: date, scale: float
) -> tuple[str, ...]:
    """Write the demo year up to `until` as ingest input; the pressmon command that loads it."""
    year = build_year(until, scale)
    paths.year_lines.write_text("\n".join(ingest_lines(year)) + "\n", encoding="utf-8")
    echo(
        f"Năm demo: {number(len(year.articles))} bài mô phỏng của {len(YEAR_OUTLETS)} cơ quan, "
        f"01/01/{year.year}–{until:%d/%m/%Y} (quy mô {number(round(scale * 100, 1))}%), "
        "nạp bằng `pressmon ingest` (cùng quy trình xử lý, gắn cờ và lưu trữ như bài thu thập; "
        "không thu thập qua mạng)"
    )
    return ("ingest", str(paths.year_lines))


def sample_escalation_note(province: str) -> str:
    """The demo sending's note, naming the office as its people do ("BHXH Hà Nội", never "BHXH
    tỉnh Hà Nội")."""
    return (
        "Bài đăng mạo danh cơ quan BHXH đang lan truyền trên địa bàn; "
        f"{office_label(province)} đã cảnh báo người dân, "
        "đề nghị Trung tâm xác minh và báo cáo lãnh đạo."
    )


def escalate_sample(settings: Settings, echo: Callable[[str], None]) -> None:
    """One item sent to the Center the way a provincial office does it (the same workflow as
    the web app's "Chuyển Trung tâm"): the first flagged item that names a province, by that
    province's demo reviewer, so the Center's queue shows an escalation first, and the Center
    is alerted of it as the web app alerts it (the demo's server prints it)."""
    from pressmon.alerts.sendings import sending_alert
    from pressmon.review.actions import apply_action
    from pressmon.review.changes import ChangeStore
    from pressmon.review.escalations import EscalationStore
    from pressmon.review.scope import Scope
    from pressmon.review.scoped_archive import ScopedArchive
    from pressmon.review.workflow import Action
    from pressmon.web.accounts import AccountStore, ensure_demo_provincial_account

    with archive_from(settings) as archive:
        flagged, _ = triage_order(archive, Query())  # "cần xem ngay" first
        sample = next((d for d in flagged if d.province or d.provinces), None)
        if sample is None:
            echo("(Không có tin cần xem xét nào gắn với một tỉnh: bỏ qua mẫu chuyển Trung tâm.)")
            return
        province = sample.province or sample.provinces[0]
        accounts = AccountStore(settings.archive.state_path)
        username, _ = ensure_demo_provincial_account(accounts, province)
        event = apply_action(
            ScopedArchive(archive, Scope(province)),
            accounts,
            EscalationStore(settings.archive.state_path),
            threading.Lock(),
            sample.id,
            Action("escalate", note=sample_escalation_note(province)),
            changes=ChangeStore(settings.archive.state_path),
            actor=username,
            role="reviewer",
            now=datetime.now(UTC),
            is_center=lambda event: event.actor != username,
            province=province,
        )
        notifier = notifier_from(settings)
        names = {a.username: a.label for a in accounts.list()}
        history = archive.review_history(sample.id)
        alert = sending_alert(
            sample,
            history[: history.index(event) + 1],  # the log up to the sending just made
            link=notifier.link,
            name=lambda actor: names.get(actor, actor),
        )
        announced = alert is not None and notifier.announce(alert)
    echo(f"\nMẫu chuyển Trung tâm: {office_label(province)} ({username}) gửi “{sample.title}”")
    if announced:
        echo("Cảnh báo cho Trung tâm đã vào hàng gửi: giao diện web gửi nó trong vòng một phút.")


def demo_settings(paths: DemoPaths, config_dir: Path | None) -> Settings:
    return load_settings(config_dir, environ=demo_environment(paths))
