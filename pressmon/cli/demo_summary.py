"""What `pressmon demo` prints once its archive is loaded: coverage as `pressmon counts` shows
it (outlets by name) and the flagged items as `pressmon flagged` shows them."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path

from index.types import Query
from pressmon.cli import output
from pressmon.coverage import PRESS_KINDS
from pressmon.links import item_link
from pressmon.review.queue import triage_order
from pressmon.settings import Settings, load_sources
from pressmon.web.formatting import number
from pressmon.wiring import archive_from

FLAGGED_SHOWN = 20  # the demo year flags about 75 posts; the queue shows them all


def demo_place(data_dir: Path | None, archive: Path, named: bool) -> str:
    """The global option a later command names the demo by, as the operator did: `--data-dir D`
    when they gave that (and no `--archive`: `named`), else `--archive` with its archive (the
    demo's state and sources sit beside it, so naming the archive is enough)."""
    if data_dir is not None and not named:
        return f"--data-dir {shlex.quote(str(data_dir))}"
    return f"--archive {shlex.quote(str(archive))}"


def print_summary(settings: Settings, echo: Callable[[str], None], place: str) -> None:
    """`settings`: the demo's, as the server it starts reads them (its links lead there);
    `place`: `demo_place`, for the commands it suggests."""
    press = Query(kinds=PRESS_KINDS)  # what `pressmon counts` and /bao-phu count
    with archive_from(settings) as archive:
        weekly = archive.counts(press)
        stories = archive.counts(press, unit="stories").total
        by_outlet = archive.counts(press, group_by="outlet")
        flagged, _ = triage_order(archive, Query())
    echo("\nSố tin, bài về BHXH/BHYT theo tuần (Asia/Ho_Chi_Minh, tuần bắt đầu thứ Hai):")
    echo(output.counts_text(weekly))
    echo(f"({number(stories)} câu chuyện: bài đăng lại ở nhiều báo chỉ tính một lần)")
    echo(output.kinds_text(press.kinds, asked=False))
    outlets = {s.id: s.name for s in load_sources(settings.sources_file).sources}
    echo("\nTheo cơ quan báo chí:")
    echo(output.counts_text(by_outlet, outlets))
    echo(
        f"\nTin cần xem xét: {len(flagged)}"
        " (điểm sàng lọc để người duyệt quyết định, không phải kết luận)"
    )
    for document in flagged[:FLAGGED_SHOWN]:  # as `pressmon flagged` shows them
        echo(output.flagged_text(document, settings.tz, item_link(settings.web, document.id)))
    if len(flagged) > FLAGGED_SHOWN:
        echo(f"... và {len(flagged) - FLAGGED_SHOWN} tin khác: xem hàng đợi /hang-doi")
    echo(f"\nTình trạng các nguồn demo: pressmon {place} sources --all")
