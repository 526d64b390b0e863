"""Review workflow rules, pure: replay an item's audit log into its state (including whether its
decision is locked), and turn a requested action into the one ReviewEvent to append (or refuse
it with a WorkflowError in Vietnamese).

Modelled on Meedan Check: a verdict reported to leadership is locked, like a published report,
until a lead reopens it with a logged reason. Nothing is ever deleted; every change is an event.
One event is the system's, not a person's: the article was edited at its source after someone
acted on it (`content_change`). It changes no status and unlocks nothing; it marks the item
until a person acts on it again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from index.types import ReviewEvent
from pressmon.review.errors import NoteRequired, RoleForbidden, UnchangedStatus, WorkflowError
from pressmon.review.labels import CHANGE_LABELS, label
from pressmon.review.offices import CenterEvent, OfficeAt
from pressmon.review.statuses import (
    CONTENT_CHANGED,
    CORRECTION_REQUESTED,
    DECISIONS,
    FALSE,
    FOLLOW_UPS,
    IN_PROGRESS,
    NOTE_REQUIRED,
    REPORTED_TO_LEADERSHIP,
    STATUSES,
    SYSTEM_ACTOR,
    TRANSITIONS,
    UNSTARTED,
)

ActionKind = Literal["status", "follow_up", "reopen", "assign", "note", "escalate", "send_back"]
CAN_REOPEN = frozenset({"lead", "admin"})
MAX_NOTE_LENGTH = 5000  # characters; the web form and the API take the same
CAN_ASSIGN_OTHERS = frozenset({"lead", "admin"})
CENTERS_DECISION = (
    "Trung tâm đã kết luận bài này: BHXH tỉnh không đổi được kết luận của Trung tâm. "
    "Nếu không đồng ý, hãy chuyển lại bài lên Trung tâm (“Chuyển Trung tâm”) kèm ghi chú nêu lý do."
)


@dataclass(frozen=True)
class ReviewState:
    status: str = UNSTARTED
    follow_ups: tuple[str, ...] = ()  # since the last reopen
    locked: bool = False
    assignee: str | None = None
    # The article changed at its source (a CONTENT_CHANGED event) since a person last acted on
    # the item: what was decided is no longer what is archived.
    changed_since_decision: bool = False


@dataclass(frozen=True)
class Action:
    kind: str  # an ActionKind from the API; the web form sends any string, which plan() refuses
    status: str | None = None  # kind "status"
    follow_up: str | None = None  # kind "follow_up"
    assignee: str | None = None  # kind "assign"
    note: str = ""
    # How many audit events the sender's page showed: the action is refused (StaleAction) when
    # the item has more by now. None: not known (the command line, an API call without it).
    seen: int | None = None
    # A take from the queue, whose button shows only on items no one holds: refused
    # (StaleAction) when someone else holds the item by now. The queue does not know the items'
    # event counts, so this, not `seen`, keeps two takes from the queue apart.
    seen_unassigned: bool = False
    # Kind "status" applied to another copy of a story (`Document.story_id`) from the item
    # being decided, whose id this is: recorded in the copy's event, which it does not take
    # where a person should look first (a conclusion of its own, content changed since).
    applied_from: str | None = None


def next_statuses(state: ReviewState) -> tuple[str, ...]:
    """Statuses the item may move to now (empty while locked), in display order."""
    if state.locked:
        return ()
    return tuple(status for status in STATUSES if status in TRANSITIONS[state.status])


def status_choices(state: ReviewState) -> tuple[str, ...]:
    """The item page's status list: the statuses it may move to and, in its place, the one it
    has, which the page chooses so the form sent again as shown changes nothing."""
    allowed = next_statuses(state)
    return tuple(s for s in STATUSES if s in allowed or s == state.status) if allowed else ()


def centers_lock(history: Sequence[ReviewEvent], is_center: CenterEvent) -> bool:
    """Whether the item's decision is locked by the Center's report to leadership: the report
    that locked it (the first since the last reopen) is the Center's (`is_center`)."""
    locking: ReviewEvent | None = None
    for event in history:
        if event.action == "reopen":
            locking = None
        elif locking is None and event.detail.get("follow_up") == REPORTED_TO_LEADERSHIP:
            locking = event
    return locking is not None and is_center(locking)


def deciding_event(history: Sequence[ReviewEvent]) -> ReviewEvent | None:
    """The event that made the item's standing decision: the latest that set its status, when
    it set a decision; None while none stands (none yet, reopened, back in progress)."""
    for event in reversed(history):
        if event.action in ("status", "reopen") or event.status_after != event.status_before:
            return event if event.status_after in DECISIONS else None
    return None


@dataclass(frozen=True)
class Decided:
    """Who made the item's standing decision: its event, and the office it was made for then."""

    event: ReviewEvent
    province: str | None  # None: the Center


def decision_unsaid(decided: Decided | None, answer: ReviewEvent | None) -> Decided | None:
    """The standing decision (`decided`), unless the Center's answer to a sending (`answer`) is
    it: "Trung tâm kết luận: …" names it, by whom and when, and a line more would repeat it."""
    return None if decided is not None and decided.event == answer else decided


def decided_by(history: Sequence[ReviewEvent], offices: OfficeAt) -> Decided | None:
    """The standing decision (`deciding_event`) and the office its actor acted for when it was
    made (`offices`), not the account's office now; None while no decision stands."""
    event = deciding_event(history)
    return None if event is None else Decided(event, offices(event.actor, event.at))


def centers_decision(history: Sequence[ReviewEvent], is_center: CenterEvent) -> bool:
    """Whether the item's standing decision (`deciding_event`) is the Center's (`is_center`)."""
    event = deciding_event(history)
    return event is not None and is_center(event)


def may_change_status(province: str | None, by_center: bool) -> bool:
    """Whether an account of `province` (None: the Center) may change the item's status;
    `by_center`: the standing decision is the Center's (`centers_decision`). A province does
    not overwrite it: the Center may have answered the province on it and moved on, so the
    province sends the item up again with its reasons instead."""
    return province is None or not by_center


# Why a province's account is not offered, and refused, the assignment of an item the Center holds.
CENTER_HOLDS = (
    "Bài đang do Trung tâm xử lý nên BHXH tỉnh không phân công lại được. Cần Trung tâm "
    "xem thêm thì chuyển bài lên Trung tâm kèm ghi chú."
)


def may_assign(province: str | None, held_by_center: bool) -> bool:
    """Whether an account of `province` (None: the Center) may assign the item, itself or
    another; `held_by_center`: its handler is one of the Center's staff. A province does not take
    it from them nor hand it on: it sends the item up with a note, as for their decision."""
    return province is None or not held_by_center


def may_reopen(state: ReviewState, role: str, province: str | None, by_center: bool) -> bool:
    """Whether an account of `role` and `province` (None: the Center) may reopen the decision
    now; `by_center`: the Center locked it (`centers_lock`), which only the Center's leads
    reopen: a province's lead lifting it would undo what the Center reported to leadership."""
    return state.locked and role in CAN_REOPEN and (province is None or not by_center)


def available_follow_ups(state: ReviewState) -> tuple[str, ...]:
    """Follow-ups that may be recorded now."""
    if state.locked or state.status not in DECISIONS:
        return ()
    return tuple(
        f
        for f in FOLLOW_UPS
        if f not in state.follow_ups and (f != CORRECTION_REQUESTED or state.status == FALSE)
    )


def replay(events: Iterable[ReviewEvent], initial_status: str = UNSTARTED) -> ReviewState:
    """The state an item is in after its audit log (oldest event first)."""
    state = ReviewState(status=initial_status)
    for event in events:
        status = event.status_after or state.status
        if event.action == CONTENT_CHANGED:  # the system's: only the mark changes
            state = replace(state, changed_since_decision=True)
        elif event.action == "follow_up":
            follow_up = str(event.detail.get("follow_up", ""))
            follow_ups = (*state.follow_ups, follow_up)
            state = ReviewState(
                status,
                follow_ups,
                state.locked or follow_up == REPORTED_TO_LEADERSHIP,
                state.assignee,
            )
        elif event.action == "reopen":
            state = ReviewState(status, (), False, state.assignee)
        elif event.action == "assign":
            state = ReviewState(
                status, state.follow_ups, state.locked, str(event.detail.get("assignee"))
            )
        else:
            state = ReviewState(status, state.follow_ups, state.locked, state.assignee)
    return state


def content_change(
    state: ReviewState,
    *,
    document_id: str,
    changed: Sequence[str],
    tier: str | None,
    risk: float | None,
    tier_before: str | None,
    risk_before: float | None,
    at: datetime,
) -> ReviewEvent:
    """The system's event for an item edited at its source after someone acted on it: what
    changed (`changed`: "title", "body", "published_at") and how the new version was triaged.
    The status stays as it is (a locked verdict stays locked): only people decide."""
    what = ", ".join(CHANGE_LABELS.get(name, name) for name in changed) or "nội dung"
    note = (
        f"Bài gốc đã được sửa sau khi thu thập lại, thay đổi: {what}. "
        f"Đánh giá mới của hệ thống: {_triage(tier, risk)} "
        f"(trước: {_triage(tier_before, risk_before)}). "
        "Kết luận hiện tại chưa đổi; cần xem lại nội dung mới."
    )
    detail = {
        "changed": list(changed),
        "tier": tier,
        "risk": _rounded(risk),
        "tier_before": tier_before,
        "risk_before": _rounded(risk_before),
    }
    return ReviewEvent(
        document_id, SYSTEM_ACTOR, at, state.status, state.status, note, CONTENT_CHANGED, detail
    )


def _rounded(risk: float | None) -> float | None:
    return None if risk is None else round(risk, 2)


def _triage(tier: str | None, risk: float | None) -> str:
    if tier is None or risk is None:
        return "chưa đánh giá"
    decimal = f"{risk:.2f}".replace(".", ",")
    return f"{label(tier)}, điểm rủi ro {decimal}"


def plan(
    state: ReviewState,
    action: Action,
    *,
    document_id: str,
    actor: str,
    role: str,
    at: datetime,
    province: str | None = None,
    sent_by: str | None = None,
    locked_by_center: bool = False,
    decided_by_center: bool = False,
    held_by_center: bool = False,
) -> ReviewEvent:
    """The event that records `action`, or WorkflowError saying why it is not allowed.

    `province`: the actor's provincial office, None for the Center's staff; `sent_by`: the
    province that sent the item to the Center and waits for its answer, if one does;
    `locked_by_center`: the Center's report to leadership locked it (`centers_lock`);
    `decided_by_center`: the standing decision is the Center's (`centers_decision`);
    `held_by_center`: the item's handler is one of the Center's staff (`may_assign`).
    """
    note = action.note.strip()
    current = state.status

    def event(after: str, **detail: object) -> ReviewEvent:
        if action.applied_from is not None:
            detail["applied_from"] = action.applied_from
        return ReviewEvent(document_id, actor, at, current, after, note, action.kind, detail)

    if action.kind == "note":
        if not note:
            raise WorkflowError("Ghi chú trống.")
        return event(current)
    if action.kind == "assign":
        if not action.assignee:
            raise WorkflowError("Chưa chọn người được phân công.")
        if not may_assign(province, held_by_center):
            raise RoleForbidden(CENTER_HOLDS)
        if action.assignee != actor and role not in CAN_ASSIGN_OTHERS:
            raise RoleForbidden(
                "Người xác minh chỉ có thể tự nhận bài, không phân công cho người khác."
            )
        if action.assignee == state.assignee:
            raise WorkflowError("Bài đã được phân công cho người này.")
        return event(current, assignee=action.assignee, previous=state.assignee)
    if action.kind == "reopen":
        if role not in CAN_REOPEN:
            raise RoleForbidden("Chỉ lãnh đạo mới được mở lại quyết định đã khoá.")
        if province is not None and locked_by_center:
            raise RoleForbidden(
                "Kết luận này do Trung tâm báo cáo lãnh đạo: "
                "chỉ lãnh đạo Trung tâm mới được mở lại."
            )
        if not state.locked:
            raise WorkflowError("Quyết định chưa bị khoá, không cần mở lại.")
        if not note:
            raise WorkflowError("Cần ghi lý do mở lại.")
        return event(IN_PROGRESS, reason=note)
    # Sending an item up, or back, changes no decision: a locked one may still be sent, so a
    # province that finds it after the Center reported it to leadership tells the Center so,
    # and the Center answers it.
    if action.kind == "escalate":
        if province is None:
            raise RoleForbidden("Chỉ tài khoản cấp tỉnh mới chuyển bài lên Trung tâm.")
        if not note:
            raise WorkflowError("Cần ghi chú khi chuyển Trung tâm: nêu lý do, việc tỉnh đã làm.")
        return event(current, province=province)
    if action.kind == "send_back":
        if province is not None:
            raise RoleForbidden("Chỉ Trung tâm mới trả bài lại cho tỉnh.")
        if sent_by is None:
            raise WorkflowError("Bài không có tỉnh nào chuyển lên đang chờ Trung tâm trả lời.")
        if not note:
            raise WorkflowError("Cần ghi chú khi trả lại tỉnh: nêu việc tỉnh cần làm tiếp.")
        return event(current, province=sent_by)
    if state.locked:
        raise WorkflowError(
            "Quyết định đã khoá vì đã báo cáo lãnh đạo; "
            "lãnh đạo cần mở lại (kèm lý do) trước khi sửa."
        )
    if action.kind == "status":
        if not may_change_status(province, decided_by_center):
            raise RoleForbidden(CENTERS_DECISION)
        target = action.status or ""
        if target not in STATUSES:
            raise WorkflowError(f"Trạng thái không hợp lệ: {target!r}.")
        if target == current:
            raise UnchangedStatus(f"Bài đã ở trạng thái “{label(current)}”.", current)
        if action.applied_from is not None:
            _check_copy(state)
        if target not in TRANSITIONS[current]:
            raise WorkflowError(f"Không thể chuyển từ “{label(current)}” sang “{label(target)}”.")
        _require_note(target, note)
        return event(target)
    if action.kind == "follow_up":
        follow_up = action.follow_up or ""
        if follow_up not in FOLLOW_UPS:
            raise WorkflowError(f"Bước xử lý tiếp không hợp lệ: {follow_up!r}.")
        if current not in DECISIONS:
            raise WorkflowError("Cần có kết luận trước khi xử lý tiếp.")
        if follow_up == CORRECTION_REQUESTED and current != FALSE:
            raise WorkflowError(f"Chỉ đề nghị cải chính với bài có kết luận “{label(FALSE)}”.")
        if follow_up in state.follow_ups:
            raise WorkflowError(f"Đã ghi nhận “{label(follow_up)}” rồi.")
        _require_note(follow_up, note)
        return event(current, follow_up=follow_up)
    raise WorkflowError(f"Thao tác không hợp lệ: {action.kind!r}.")


def _check_copy(state: ReviewState) -> None:
    """A copy decided along with another keeps what only its own page shows: a conclusion
    someone made on it, or content edited at its source since (no longer the same text)."""
    if state.status in DECISIONS:
        raise WorkflowError(
            f"Bài đã có kết luận riêng “{label(state.status)}”: mở bài để quyết định riêng."
        )
    if state.changed_since_decision:
        raise WorkflowError(
            "Bài gốc đã thay đổi nội dung sau lần xử lý trước: mở bài để xem lại nội dung mới."
        )


def _require_note(code: str, note: str) -> None:
    if code in NOTE_REQUIRED and not note:
        raise NoteRequired(f"Cần ghi chú lý do khi chọn “{label(code)}”.")
