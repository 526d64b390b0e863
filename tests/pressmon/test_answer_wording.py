"""What the Center's conclusion says to a province whose earlier answer it replaces (pure): a
changed conclusion says it changed, the same said again says so, and after a send-back it is the
province's first conclusion."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from index.types import ReviewEvent
from pressmon.alerts.answers import replacing_text

AT = datetime(2026, 5, 20, 3, tzinfo=UTC)


def _answer(action: str, status: str, follow_up: str = "") -> ReviewEvent:
    detail = {"follow_up": follow_up} if follow_up else {}
    return ReviewEvent("doc032", "an", AT, "in_progress", status, "", action, detail)


FALSE = _answer("status", "false")
CASES = {
    "changed": (
        FALSE,
        _answer("status", "no_violation"),
        "Trung tâm thay đổi kết luận: Không vi phạm",
    ),
    "said again": (FALSE, _answer("status", "false"), "Trung tâm kết luận lại: Sai sự thật"),
    "a follow-up added": (
        FALSE,
        _answer("follow_up", "false", "correction_requested"),
        "Trung tâm thay đổi kết luận: Sai sự thật, Đã đề nghị cải chính",
    ),
    "after a send-back": (
        _answer("send_back", "in_progress"),
        FALSE,
        "Trung tâm kết luận: Sai sự thật",
    ),
}


@pytest.mark.parametrize(("replaced", "answer", "expected"), CASES.values(), ids=CASES.keys())
def test_the_replacing_conclusions_words(
    replaced: ReviewEvent, answer: ReviewEvent, expected: str
) -> None:
    assert replacing_text(answer, replaced) == expected
