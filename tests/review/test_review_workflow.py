"""Table-driven tests of the review workflow rules (pure, no app)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from index.types import ReviewEvent
from pressmon.review.errors import WorkflowError
from pressmon.review.statuses import (
    CORRECTION_REQUESTED,
    DECISIONS,
    FALSE,
    FOLLOW_UPS,
    IN_PROGRESS,
    REPORTED_TO_LEADERSHIP,
    STATUSES,
    TRANSITIONS,
    UNSTARTED,
)
from pressmon.review.workflow import (
    Action,
    ReviewState,
    available_follow_ups,
    next_statuses,
    plan,
    replay,
)

AT = datetime(2026, 5, 4, 3, 0, tzinfo=UTC)
LOCKED = ReviewState(FALSE, (REPORTED_TO_LEADERSHIP,), True)

# (name, state, action, role, expected status_after or the error fragment)
CASES = [
    ("start", ReviewState(), Action("status", status=IN_PROGRESS), "reviewer", IN_PROGRESS),
    (
        "decide-directly",
        ReviewState(),
        Action("status", status=FALSE, note="Đối chiếu văn bản gốc"),
        "reviewer",
        FALSE,
    ),
    (
        "decide",
        ReviewState(IN_PROGRESS),
        Action("status", status="no_violation", note="Đúng quy định"),
        "reviewer",
        "no_violation",
    ),
    ("false-needs-note", ReviewState(), Action("status", status=FALSE), "reviewer", "!Cần ghi chú"),
    (
        "no-violation-needs-note",
        ReviewState(IN_PROGRESS),
        Action("status", status="no_violation", note="   "),
        "reviewer",
        "!Cần ghi chú",
    ),
    (
        "insufficient-without-note",
        ReviewState(IN_PROGRESS),
        Action("status", status="insufficient"),
        "reviewer",
        "insufficient",
    ),
    (
        "back-to-unstarted",
        ReviewState(IN_PROGRESS),
        Action("status", status=UNSTARTED),
        "reviewer",
        UNSTARTED,
    ),
    (
        "revise-decision",
        ReviewState(FALSE),
        Action("status", status="insufficient"),
        "reviewer",
        "insufficient",
    ),
    (
        "decision-to-unstarted",
        ReviewState(FALSE),
        Action("status", status=UNSTARTED),
        "lead",
        "!Không thể chuyển",
    ),
    (
        "same-status",
        ReviewState(FALSE),
        Action("status", status=FALSE),
        "reviewer",
        "!đã ở trạng thái",
    ),
    ("unknown-status", ReviewState(), Action("status", status="Đúng"), "reviewer", "!không hợp lệ"),
    ("locked-status", LOCKED, Action("status", status="no_violation"), "lead", "!đã khoá"),
    (
        "locked-follow-up",
        LOCKED,
        Action("follow_up", follow_up=CORRECTION_REQUESTED),
        "lead",
        "!đã khoá",
    ),
    (
        "correction",
        ReviewState(FALSE),
        Action("follow_up", follow_up=CORRECTION_REQUESTED),
        "reviewer",
        FALSE,
    ),
    (
        "correction-needs-false",
        ReviewState("no_violation"),
        Action("follow_up", follow_up=CORRECTION_REQUESTED),
        "reviewer",
        "!Sai sự thật",
    ),
    (
        "follow-up-needs-decision",
        ReviewState(IN_PROGRESS),
        Action("follow_up", follow_up=REPORTED_TO_LEADERSHIP),
        "reviewer",
        "!Cần có kết luận",
    ),
    (
        "report",
        ReviewState("insufficient"),
        Action("follow_up", follow_up=REPORTED_TO_LEADERSHIP, note="Báo cáo tuần"),
        "reviewer",
        "insufficient",
    ),
    (
        "report-needs-note",
        ReviewState("insufficient"),
        Action("follow_up", follow_up=REPORTED_TO_LEADERSHIP),
        "reviewer",
        "!Cần ghi chú",
    ),
    (
        "duplicate-follow-up",
        ReviewState(FALSE, (CORRECTION_REQUESTED,)),
        Action("follow_up", follow_up=CORRECTION_REQUESTED),
        "reviewer",
        "!rồi",
    ),
    ("reopen-by-lead", LOCKED, Action("reopen", note="Có thông tin mới"), "lead", IN_PROGRESS),
    ("reopen-by-admin", LOCKED, Action("reopen", note="Sửa nhầm"), "admin", IN_PROGRESS),
    ("reopen-by-reviewer", LOCKED, Action("reopen", note="Xin mở"), "reviewer", "!Chỉ lãnh đạo"),
    ("reopen-needs-reason", LOCKED, Action("reopen"), "lead", "!lý do"),
    ("reopen-unlocked", ReviewState(FALSE), Action("reopen", note="x"), "lead", "!chưa bị khoá"),
    ("note-when-locked", LOCKED, Action("note", note="Đã gọi toà soạn"), "reviewer", FALSE),
    ("empty-note", ReviewState(), Action("note", note="  "), "reviewer", "!trống"),
    ("self-assign", ReviewState(), Action("assign", assignee="an"), "reviewer", UNSTARTED),
    (
        "reviewer-assigns-other",
        ReviewState(),
        Action("assign", assignee="binh"),
        "reviewer",
        "!tự nhận",
    ),
    ("lead-assigns-other", LOCKED, Action("assign", assignee="binh"), "lead", FALSE),
    (
        "assign-same",
        ReviewState(assignee="an"),
        Action("assign", assignee="an"),
        "lead",
        "!đã được phân công",
    ),
]


@pytest.mark.parametrize(
    ("state", "action", "role", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_plan(state: ReviewState, action: Action, role: str, expected: str) -> None:
    if expected.startswith("!"):
        with pytest.raises(WorkflowError, match=expected[1:]):
            plan(state, action, document_id="d1", actor="an", role=role, at=AT)
        return
    event = plan(state, action, document_id="d1", actor="an", role=role, at=AT)
    assert (event.status_before, event.status_after, event.action) == (
        state.status,
        expected,
        action.kind,
    )
    assert (event.document_id, event.actor, event.at) == ("d1", "an", AT)


def test_every_status_has_transitions_and_every_kind_a_case() -> None:
    assert set(TRANSITIONS) == set(STATUSES)
    kinds = {c[2].kind for c in CASES}
    assert kinds == {"status", "follow_up", "reopen", "assign", "note"}
    assert {c[2].follow_up for c in CASES if c[2].follow_up} == set(FOLLOW_UPS)
    assert {c[2].status for c in CASES if c[2].status} >= {UNSTARTED, IN_PROGRESS, FALSE}


def _ev(action: str, before: str, after: str, **detail: object) -> ReviewEvent:
    return ReviewEvent("d1", "an", AT, before, after, "", action, detail)


def test_replay_locks_after_report_and_unlocks_on_reopen() -> None:
    log = [
        _ev("assign", UNSTARTED, UNSTARTED, assignee="an"),
        _ev("status", UNSTARTED, IN_PROGRESS),
        _ev("status", IN_PROGRESS, FALSE),
        _ev("follow_up", FALSE, FALSE, follow_up=CORRECTION_REQUESTED),
    ]
    assert replay(log) == ReviewState(FALSE, (CORRECTION_REQUESTED,), False, "an")
    log.append(_ev("follow_up", FALSE, FALSE, follow_up=REPORTED_TO_LEADERSHIP))
    assert replay(log).locked
    log.append(_ev("reopen", FALSE, IN_PROGRESS, reason="x"))
    assert replay(log) == ReviewState(IN_PROGRESS, (), False, "an")


@pytest.mark.parametrize("decision", DECISIONS)
def test_each_decision_can_be_reported_and_then_is_locked(decision: str) -> None:
    event = plan(
        ReviewState(decision),
        Action("follow_up", follow_up=REPORTED_TO_LEADERSHIP, note="Báo cáo tuần"),
        document_id="d1",
        actor="an",
        role="reviewer",
        at=AT,
    )
    assert replay([event], decision).locked


STATES = [
    ReviewState(status, follow_ups, locked)
    for status in STATUSES
    for follow_ups in ((), (CORRECTION_REQUESTED,), (REPORTED_TO_LEADERSHIP,))
    for locked in (False, True)
    if not locked or REPORTED_TO_LEADERSHIP in follow_ups
]


@pytest.mark.parametrize(
    "state", STATES, ids=lambda s: f"{s.status}|{'+'.join(s.follow_ups)}|{s.locked}"
)
def test_offered_choices_are_exactly_the_allowed_ones(state: ReviewState) -> None:
    def allowed(action: Action) -> bool:
        try:
            plan(
                state,
                dataclasses.replace(action, note="Căn cứ"),
                document_id="d1",
                actor="an",
                role="lead",
                at=AT,
            )
        except WorkflowError:
            return False
        return True

    assert next_statuses(state) == tuple(s for s in STATUSES if allowed(Action("status", status=s)))
    assert available_follow_ups(state) == tuple(
        f for f in FOLLOW_UPS if allowed(Action("follow_up", follow_up=f))
    )
