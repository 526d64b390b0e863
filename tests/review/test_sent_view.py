"""What each account reads of an item's sendings to the Center (pure): a province keeps the
Center's answer to its own sending when another province sends the item up after it; a
send-back answers only the sendings it sent back; the Center sees the sending that waits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from index.types import ReviewEvent
from pressmon.review.escalations import Escalation, answer_to, sent_view

ITEM = "doc032"
START = datetime(2026, 5, 20, 3, tzinfo=UTC)
PROVINCIAL = {"nghean": "Nghệ An", "hatinh": "Hà Tĩnh"}


def is_center(event: ReviewEvent) -> bool:
    return event.actor not in PROVINCIAL


def _event(hours: int, actor: str, action: str, status: str = "in_progress") -> ReviewEvent:
    detail = {"province": PROVINCIAL[actor]} if action == "escalate" else {}
    return ReviewEvent(
        ITEM, actor, START + timedelta(hours=hours), "in_progress", status, "", action, detail
    )


NGHE_AN_SENDS = _event(0, "nghean", "escalate")
CONCLUDED = _event(1, "an", "status", "false")
HA_TINH_SENDS = _event(2, "hatinh", "escalate")
LATEST = Escalation(ITEM, "hatinh", "Hà Tĩnh", "", HA_TINH_SENDS.at)


def test_each_province_reads_the_answer_to_its_own_sending() -> None:
    history = [NGHE_AN_SENDS, CONCLUDED, HA_TINH_SENDS]
    nghe_an = sent_view(LATEST, history, is_center, "Nghệ An")
    assert nghe_an.answer == CONCLUDED
    assert [s.province for s in nghe_an.senders] == ["Nghệ An"]
    for viewer in ("Hà Tĩnh", None):  # the later province, and the Center: it waits
        view = sent_view(LATEST, history, is_center, viewer)
        assert view.answer is None and [s.province for s in view.senders] == ["Hà Tĩnh"]


def test_a_send_back_answers_only_the_sendings_it_sent_back() -> None:
    sent_back = _event(3, "an", "send_back")
    history = [NGHE_AN_SENDS, CONCLUDED, HA_TINH_SENDS, sent_back]
    assert answer_to(history, is_center, "Nghệ An") == CONCLUDED
    assert answer_to(history, is_center, "Hà Tĩnh") == sent_back


def test_a_later_conclusion_is_the_centers_latest_word_to_every_sender() -> None:
    changed = _event(3, "an", "status", "no_violation")
    history = [NGHE_AN_SENDS, CONCLUDED, HA_TINH_SENDS, changed]
    assert answer_to(history, is_center, "Nghệ An") == changed
    assert answer_to(history, is_center, "Hà Tĩnh") == changed


def test_sending_up_again_waits_again() -> None:
    again = _event(3, "nghean", "escalate")
    history = [NGHE_AN_SENDS, CONCLUDED, HA_TINH_SENDS, again]
    view = sent_view(LATEST, history, is_center, "Nghệ An")
    assert view.answer is None
    assert [s.province for s in view.senders] == ["Hà Tĩnh", "Nghệ An"]
