"""A scam post reposted across many groups and pages is one story: its readers hear of it once, a
province's office the first time a copy is about its province, and again after a week
(pressmon.alerts.copies). Edits of the alerted item, a province's sendings and the Center's
answers are alerted as before."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta

import pytest

from index.types import Document
from pressmon.alerts.dispatch import Notifier
from pressmon.alerts.model import CENTER_ANSWER, CENTER_SENDING, item_alert, workflow_version
from pressmon.wiring import notifier_from
from tests.web.conftest import flagged

STORY = "doc040"
# The post as first crawled, about Hà Nội: its story's founder.
FIRST = flagged(
    40, "urgent", 0.93, story_id=STORY, title="Nhận tiền BHXH một lần, nhắn Zalo 0123.456.789"
)


def copy_of(n: int, **overrides: object) -> Document:
    """The post reposted in another group: another document of the same story."""
    values: dict[str, object] = {
        "id": f"doc{n:03d}",
        "url": f"https://baomau.vn/bai-{n}.html",
        "canonical_url": f"https://baomau.vn/bai-{n}.html",
        **overrides,
    }
    return replace(FIRST, **values)  # type: ignore[arg-type]


EDITED = replace(FIRST, body="Phí dịch vụ nay chỉ 5%, nhắn Zalo 0123.456.789 để rút BHXH một lần.")


@dataclass(frozen=True)
class Case:
    name: str
    later: Document  # notified after FIRST was alerted
    after: timedelta  # that long after
    alerted: int  # alerts it queues


CASES = [
    Case("bản sao cùng tỉnh trong 7 ngày", copy_of(41), timedelta(hours=3), 0),
    Case(
        "bản sao ở tỉnh khác", copy_of(42, provinces=("Hà Nội", "Nghệ An")), timedelta(hours=3), 1
    ),
    Case("bản sao sau 8 ngày", copy_of(43), timedelta(days=8), 1),
    Case("chính bài đó được sửa", EDITED, timedelta(hours=3), 1),
    # A copy about no province: only the Center hears of it, and it already has.
    Case("bản sao không gắn tỉnh", copy_of(44, province=None, provinces=()), timedelta(hours=3), 0),
    # Another kind of alert tells another thing (a known false claim, not an urgent item).
    Case("bản sao khác loại cảnh báo", copy_of(45, tier="review", risk=0.6), timedelta(hours=3), 1),
    Case("bài khác", flagged(46, "urgent", 0.9), timedelta(hours=3), 1),
]


@pytest.fixture
def notifier(settings, accounts, clock) -> Notifier:
    return notifier_from(settings, console=io.StringIO(), clock=clock)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_copy_of_a_story_alerted_to_its_audience_is_not_alerted_again(
    case: Case, notifier: Notifier, clock
) -> None:
    assert notifier.notify([FIRST]) == 1
    clock.advance(case.after)
    assert notifier.notify([case.later]) == case.alerted
    # Whatever became of it, the same content is not announced later (after the week too).
    clock.advance(timedelta(days=10))
    assert notifier.notify([case.later]) == 0


def test_copies_in_one_batch_alert_once_per_audience(notifier: Notifier) -> None:
    batch = [FIRST, copy_of(41), copy_of(42, provinces=("Nghệ An",)), copy_of(43)]
    assert notifier.notify(batch) == 2
    assert notifier.notify(batch) == 0


def test_a_copy_let_go_then_edited_is_alerted_once_the_week_is_over(
    notifier: Notifier, clock
) -> None:
    copy = copy_of(41)
    assert notifier.notify([FIRST, copy]) == 1
    clock.advance(timedelta(days=8))
    assert notifier.notify([replace(copy, title="Rút BHXH một lần trong 3 ngày")]) == 1


Announce = Callable[[Notifier, Document], bool]


def _sending(notifier: Notifier, document: Document) -> bool:
    sending = item_alert(
        document,
        CENTER_SENDING,
        notifier.link,
        provinces=("Hà Nội",),
        version=workflow_version(["an", "Hà Nội", "", document.id]),
    )
    return notifier.announce(replace(sending, sent_from="Hà Nội", sent_times=1))


def _answer(notifier: Notifier, document: Document) -> bool:
    answer = item_alert(
        document,
        CENTER_ANSWER,
        notifier.link,
        provinces=("Hà Nội",),
        version=workflow_version(["Trung tâm kết luận: Sai sự thật", document.id]),
    )
    return notifier.announce(replace(answer, answer="Trung tâm kết luận: Sai sự thật"))


@pytest.mark.parametrize("announce", [_sending, _answer], ids=["chuyển lên", "trả lời"])
def test_sendings_and_answers_of_copies_are_alerted_and_hide_no_copy(
    announce: Announce, notifier: Notifier
) -> None:
    # A sending or an answer about the post tells no one of the post: its copy is alerted.
    assert announce(notifier, FIRST) is True
    assert notifier.notify([copy_of(41)]) == 1
    # Each copy's sending or answer is news of its own, its story alerted or not.
    assert announce(notifier, copy_of(41)) is True
    assert notifier.notify([copy_of(42)]) == 0
    assert announce(notifier, copy_of(42)) is True


def test_the_alerted_item_edited_is_alerted_though_a_wider_copy_was_alerted_since(
    notifier: Notifier,
) -> None:
    assert notifier.notify([FIRST]) == 1
    assert notifier.notify([copy_of(42, provinces=("Hà Nội", "Nghệ An"))]) == 1
    # Its new content is news to everyone: no copy said it.
    assert notifier.notify([EDITED]) == 1
