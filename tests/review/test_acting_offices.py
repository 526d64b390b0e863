"""Whether an audit event is the Center's is read at the event's time: an account that moved
between a province's office and the Center keeps, for what it did before, the office it had."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from index.types import ReviewEvent
from pressmon.review.offices import OfficeChange, center_events, office_at

START = datetime(2026, 5, 20, 3, tzinfo=UTC)


def _at(hours: int, actor: str) -> ReviewEvent:
    return ReviewEvent("doc1", actor, START + timedelta(hours=hours), "in_progress", "false")


def test_an_account_moved_keeps_its_office_for_what_it_did_before() -> None:
    changes = [
        OfficeChange("binh", START, None),  # made at the Center
        OfficeChange("binh", START + timedelta(hours=5), "Hà Tĩnh", moved=True),
        OfficeChange("nga", START, "Nghệ An"),
        OfficeChange("nga", START + timedelta(hours=5), None, moved=True),
    ]
    now = {"binh": "Hà Tĩnh", "nga": None}
    is_center = center_events(office_at(changes, now))
    assert is_center(_at(2, "binh")) and not is_center(_at(6, "binh"))
    assert not is_center(_at(2, "nga")) and is_center(_at(6, "nga"))
    assert is_center(_at(5, "nga"))  # moved at that instant: acted for its new office


def test_without_a_logged_change_the_office_now_decides() -> None:
    is_center = center_events(office_at([], {"nga": "Nghệ An", "binh": None}))
    assert not is_center(_at(1, "nga")) and is_center(_at(1, "binh"))
    assert is_center(_at(1, "someone-imported"))
    assert not is_center(_at(1, "system"))


def test_an_account_older_than_the_account_log_was_the_centers_before_its_first_move() -> None:
    changes = [OfficeChange("cu", START + timedelta(hours=5), "Nghệ An", moved=True)]
    is_center = center_events(office_at(changes, {"cu": "Nghệ An"}))
    assert is_center(_at(1, "cu")) and not is_center(_at(6, "cu"))
