"""Whom the Center's answer is news to (pure): every province whose answer (`answer_to`) it
changes, and no other. The provinces whose sending it answers, and those whose sending the Center
answered before another province sent the item up, when a later conclusion replaces that answer;
not them when the Center sends back the later sending alone, never a province that did not send
the item up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from index.types import ReviewEvent
from pressmon.review.escalations import answered_now

ITEM = "doc032"
START = datetime(2026, 5, 20, 3, tzinfo=UTC)
PROVINCIAL = {"nghean": "Nghệ An", "hatinh": "Hà Tĩnh", "danang": "Đà Nẵng"}


def is_center(event: ReviewEvent) -> bool:
    return event.actor not in PROVINCIAL


def _event(hour: int, step: str) -> ReviewEvent:
    """`step`: a province's account ("nghean": it sends the item up, "nghean:false": it concludes
    itself), or what the Center's does: "false", "no_violation" (conclusions), "in_progress"
    (taken up), "follow_up", "send_back"."""
    at = START + timedelta(hours=hour)
    if step in PROVINCIAL:
        province = {"province": PROVINCIAL[step]}
        return ReviewEvent(ITEM, step, at, "new", "in_progress", "", "escalate", province)
    actor, _, what = step.rpartition(":")
    if what in ("follow_up", "send_back"):
        detail = {"follow_up": "correction_requested"} if what == "follow_up" else {}
        return ReviewEvent(ITEM, actor or "an", at, "false", "false", "", what, detail)
    return ReviewEvent(ITEM, actor or "an", at, "in_progress", what, "", "status", {})


def _history(*steps: str) -> list[ReviewEvent]:
    return [_event(hour, step) for hour, step in enumerate(steps)]


CASES = {
    # history: [(province, index of the answer it read until now, or None: its sending waited)]
    "the sender hears of the conclusion": (["nghean", "false"], [("Nghệ An", None)]),
    "both senders of one round": (
        ["nghean", "hatinh", "false"],
        [("Nghệ An", None), ("Hà Tĩnh", None)],
    ),
    "a changed conclusion reaches the earlier sender": (
        ["nghean", "false", "hatinh", "no_violation"],
        [("Hà Tĩnh", None), ("Nghệ An", 1)],
    ),
    "a follow-up too": (
        ["nghean", "false", "hatinh", "follow_up"],
        [("Hà Tĩnh", None), ("Nghệ An", 1)],
    ),
    "the same conclusion said again replaces the earlier answer": (
        ["nghean", "false", "hatinh", "false"],
        [("Hà Tĩnh", None), ("Nghệ An", 1)],
    ),
    "a send-back of the later sending is not the earlier sender's": (
        ["nghean", "false", "hatinh", "send_back"],
        [("Hà Tĩnh", None)],
    ),
    "a conclusion after that send-back is": (
        ["nghean", "false", "hatinh", "send_back", "no_violation"],
        [("Hà Tĩnh", None), ("Nghệ An", 1)],
    ),
    "an earlier send-back replaced by a conclusion": (
        ["nghean", "send_back", "hatinh", "false"],
        [("Hà Tĩnh", None), ("Nghệ An", 1)],
    ),
    "a province that sent again waits again": (
        ["nghean", "false", "nghean", "no_violation"],
        [("Nghệ An", None)],
    ),
    "every earlier sender, in the order they sent": (
        ["nghean", "false", "hatinh", "no_violation", "danang", "false"],
        [("Đà Nẵng", None), ("Nghệ An", 3), ("Hà Tĩnh", 3)],
    ),
    "taken up is no answer": (["nghean", "false", "hatinh", "in_progress"], []),
    "a sending is no answer": (["nghean", "false", "hatinh"], []),
    "the province's own conclusion is none": (["nghean", "nghean:false"], []),
    "an item no province sent up": (["false"], []),
    "nothing yet": ([], []),
}


@pytest.mark.parametrize(("steps", "expected"), CASES.values(), ids=CASES.keys())
def test_whom_the_answer_is_news_to(
    steps: list[str], expected: list[tuple[str, int | None]]
) -> None:
    history = _history(*steps)
    answered = answered_now(history, is_center)
    assert [(a.province, a.replaced) for a in answered] == [
        (province, None if index is None else history[index]) for province, index in expected
    ]
