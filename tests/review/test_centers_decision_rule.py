"""The Center's standing decision is the Center's to change (pure workflow rules): a province
account may not change the status while the latest decision is the Center's, read at the
decision's time; it still sends the item up, writes notes and records follow-ups, and changes a
decision its own office made."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from index.types import ReviewEvent
from pressmon.review.errors import RoleForbidden
from pressmon.review.offices import OfficeChange, center_events, office_at
from pressmon.review.statuses import (
    CORRECTION_REQUESTED,
    FALSE,
    IN_PROGRESS,
    NO_VIOLATION,
    UNSTARTED,
)
from pressmon.review.workflow import (
    Action,
    ReviewState,
    centers_decision,
    decided_by,
    deciding_event,
    may_change_status,
    plan,
)

AT = datetime(2026, 5, 4, 3, 0, tzinfo=UTC)
DOC = "doc030"
# "tam" worked for the Center until AT + 2h, then moved to Nghệ An.
CHANGES = (
    OfficeChange("tam", AT - timedelta(days=1), None),
    OfficeChange("tam", AT + timedelta(hours=2), "Nghệ An", moved=True),
)
CURRENT = {"tam": "Nghệ An", "nga": "Nghệ An", "binh": None}
IS_CENTER = center_events(office_at(CHANGES, CURRENT))


def event(actor: str, before: str, after: str, action: str = "status", hours: int = 0):
    return ReviewEvent(DOC, actor, AT + timedelta(hours=hours), before, after, "", action)


def plan_as(
    province: str | None, action: Action, by_center: bool, state: ReviewState | None = None
) -> ReviewEvent:
    return plan(
        state or ReviewState(FALSE),
        action,
        document_id=DOC,
        actor="nga" if province else "binh",
        role="reviewer",
        at=AT,
        province=province,
        decided_by_center=by_center,
    )


def test_the_latest_status_change_is_the_standing_decision_when_it_decides() -> None:
    decided = event("binh", IN_PROGRESS, FALSE)
    assert deciding_event([event("nga", UNSTARTED, IN_PROGRESS), decided]) == decided
    assert deciding_event([decided, event("nga", FALSE, FALSE, "note", 1)]) == decided
    # Reopened, or back in progress: no decision stands.
    assert deciding_event([decided, event("binh", FALSE, IN_PROGRESS, "reopen", 1)]) is None
    assert deciding_event([decided, event("binh", FALSE, IN_PROGRESS, hours=1)]) is None
    assert deciding_event([]) is None


def test_whose_decision_it_is_is_read_at_its_time_not_from_the_accounts_office_now() -> None:
    # tam decided for the Center, and is Nghệ An's now: the decision stays the Center's.
    history = [event("tam", IN_PROGRESS, FALSE, hours=1)]
    assert centers_decision(history, IS_CENTER)
    assert decided_by(history, office_at(CHANGES, CURRENT)).province is None  # type: ignore[union-attr]
    # After the move, tam's decision is Nghệ An's.
    moved = [*history, event("tam", FALSE, NO_VIOLATION, hours=3)]
    assert not centers_decision(moved, IS_CENTER)
    assert decided_by(moved, office_at(CHANGES, CURRENT)).province == "Nghệ An"  # type: ignore[union-attr]
    # A province's decision over the Center's in progress is the province's.
    assert not centers_decision([event("nga", IN_PROGRESS, FALSE)], IS_CENTER)


@pytest.mark.parametrize("target", [NO_VIOLATION, IN_PROGRESS])
def test_a_province_may_not_change_the_centers_decision(target: str) -> None:
    assert not may_change_status("Nghệ An", True)
    with pytest.raises(RoleForbidden, match="Trung tâm đã kết luận.*Chuyển Trung tâm"):
        plan_as("Nghệ An", Action("status", status=target, note="Tỉnh thấy khác"), True)


def test_the_center_changes_its_own_decision_and_a_province_its_own() -> None:
    action = Action("status", status=NO_VIOLATION, note="Xem lại")
    assert plan_as(None, action, True).status_after == NO_VIOLATION
    assert plan_as("Nghệ An", action, False).status_after == NO_VIOLATION


def test_a_province_still_sends_up_notes_and_follows_up_the_centers_decision() -> None:
    sent = plan_as("Nghệ An", Action("escalate", note="Tỉnh không đồng ý"), True)
    assert sent.action == "escalate" and sent.status_after == FALSE
    assert plan_as("Nghệ An", Action("note", note="Đã xem"), True).action == "note"
    followed = plan_as(
        "Nghệ An", Action("follow_up", follow_up=CORRECTION_REQUESTED, note="Đã đề nghị"), True
    )
    assert followed.detail == {"follow_up": CORRECTION_REQUESTED}
