"""What `pressmon demo` prints once its archive is loaded: coverage as `pressmon counts` shows
it (outlets by name) and the flagged items as `pressmon flagged --stories` shows them: one entry
per story, so a false claim reposted a dozen times does not fill the list."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path

from index.types import Query
from pressmon.cli import output
from pressmon.coverage import PRESS_KINDS
from pressmon.links import item_link, story_link
from pressmon.review.queue import documents_per_story, triage_order
from pressmon.settings import Settings, load_sources
from pressmon.web.formatting import number
from pressmon.wiring import archive_from

# Stories shown: the demo year flags about 75 posts, many of them copies; the queue shows them all
FLAGGED_SHOWN = 20


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
    entries, copies = documents_per_story(flagged)
    echo(
        f"\nTin cần xem xét: {number(len(flagged))} ({output.stories_text(len(entries))}, mỗi nội"
        " dung một dòng; điểm sàng lọc để người duyệt quyết định, không phải kết luận)"
    )
    shown = entries[:FLAGGED_SHOWN]
    for document in shown:  # as `pressmon flagged --stories` shows them
        link = item_link(settings.web, document.id)
        story = story_link(settings.web, document.story)
        echo(
            output.flagged_text(
                document, settings.tz, link, copies=copies.get(document.id, 0), copies_link=story
            )
        )
    if len(entries) > len(shown):
        # The items neither shown nor counted as a shown entry's copies.
        rest = len(flagged) - sum(1 + copies.get(d.id, 0) for d in shown)
        echo(
            f"... và {number(rest)} tin khác ({output.stories_text(len(entries) - len(shown))}):"
            " xem hàng đợi /hang-doi?gop=1"
        )
    echo(f"\nTình trạng các nguồn demo: pressmon {place} sources --all")
