"""Apply one review action to an item: replay its log, check the rules, append the event."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from index.base import Archive
from index.errors import DocumentNotFound
from index.types import ReviewEvent
from pressmon.review.changes import ChangeMarks
from pressmon.review.errors import (
    AlreadyTaken,
    OwnStaleAction,
    RepeatedAction,
    StaleAction,
    WorkflowError,
)
from pressmon.review.escalations import Escalation, sendings
from pressmon.review.labels import ACTION_LABELS, actor_label, label
from pressmon.review.offices import CenterEvent
from pressmon.review.repeats import repeat_of, taken_already
from pressmon.review.scope import Scope
from pressmon.review.workflow import (
    Action,
    ReviewState,
    centers_decision,
    centers_lock,
    plan,
    replay,
)


class _Person(Protocol):
    @property
    def disabled(self) -> bool: ...

    @property
    def province(self) -> str | None: ...

    @property
    def label(self) -> str: ...  # the name people read: display name, else username


class Assignees(Protocol):
    """The accounts an item may be assigned to, and where assignments are kept (the web app's
    AccountStore)."""

    def get(self, username: str) -> _Person | None: ...

    def assign(self, document_id: str, assignee: str) -> None: ...


class Escalations(Protocol):
    """Where items sent to the Center are listed (pressmon.review.escalations)."""

    def add(self, escalation: Escalation) -> None: ...

    def get(self, document_id: str) -> Escalation | None: ...


def current_state(archive: Archive, document_id: str) -> tuple[ReviewState, list[ReviewEvent]]:
    document = archive.get(document_id)
    if document is None:
        raise DocumentNotFound(document_id)
    history = list(archive.review_history(document_id))
    state = replay(history) if history else ReviewState(status=document.review_status)
    return state, history


def check_seen(history: Sequence[ReviewEvent], seen: int | None, actor: str | None = None) -> None:
    """StaleAction when the item's log grew past the `seen` events its sender's page showed:
    without this, two reviewers deciding from the same page would both be recorded and the later
    silently replace the earlier's conclusion. OwnStaleAction when every event since is `actor`'s
    own (another tab of theirs), for the item page and the API to say so rather than name them
    as if someone else; among others' and theirs, the latest of the others' is named."""
    if seen is None or seen == len(history):
        return
    if seen > len(history):  # events are never deleted: no page showed more than there are
        raise WorkflowError(
            f"Số sự kiện đã xem ({seen}) nhiều hơn số sự kiện trong nhật ký của bài "
            f"({len(history)}): hãy đọc lại bài rồi thao tác lại."
        )
    # Someone else's latest change is the one to name; the sender's own only when all are theirs.
    others = [e for e in history[seen:] if e.actor != actor or e.imported]
    latest = others[-1] if others else history[-1]
    happened = (
        f"({ACTION_LABELS.get(latest.action, latest.action)}, trạng thái "
        f"“{label(latest.status_after)}”)"
    )
    if others:
        raise StaleAction(
            f"Trong lúc bạn xem, {actor_label(latest)} đã cập nhật bài này {happened}.",
            "hãy xem lại rồi thao tác lại.",
        )
    # An API client has no tabs: it is told the account itself acted after the `seen` it sent.
    raise OwnStaleAction(
        f"Kể từ lần xem đã gửi (seen = {seen}), chính tài khoản này đã cập nhật bài này "
        f"{happened}.",
        "hãy xem lại rồi gửi lại nếu vẫn cần.",
        f"Trong lúc trang này mở, chính bạn đã cập nhật bài này ở một trang khác {happened}.",
        "xem lại rồi gửi lại nếu vẫn cần.",
    )


def check_unassigned(
    state: ReviewState,
    history: Sequence[ReviewEvent],
    action: Action,
    name: Callable[[str], str],
) -> None:
    """StaleAction when an action sent as taking an unassigned item (`Action.seen_unassigned`,
    the queue's "Nhận xử lý") finds it held by someone else: without this, two reviewers taking
    the same item from their queues would both be recorded and the later silently take it from
    the earlier. `name`: the name people read for a username."""
    holder = state.assignee
    if not action.seen_unassigned or holder is None or holder == action.assignee:
        return
    assigned = next((e for e in reversed(history) if e.action == "assign"), None)
    if assigned is not None and assigned.actor != holder:
        taken = f"được {actor_label(assigned, name)} phân công cho {name(holder)}"
    else:
        taken = f"được {name(holder)} nhận xử lý"
    raise StaleAction(
        f"Bài này đã {taken} trong lúc bạn xem hàng đợi.",
        "hãy trao đổi với người đang xử lý trước khi nhận thay.",
    )


def waiting_sender(
    escalations: Escalations,
    history: Sequence[ReviewEvent],
    action: Action,
    is_center: CenterEvent,
) -> str | None:
    """The provinces whose sending of the item waits for the Center (`sendings`; "Nghệ An, Hà
    Tĩnh" when two sent it up): sent up, and not sent back since (a conclusion does not stop the
    Center sending it back with a note). `is_center`: whether an event is the Center's."""
    if action.kind != "send_back":
        return None
    sent = escalations.get(history[-1].document_id) if history else None
    if sent is None:
        return None
    latest = next(
        (e.action for e in reversed(history) if e.action in ("escalate", "send_back")), None
    )
    if latest != "escalate":
        return None
    provinces = [s.province for s in sendings(history, is_center)] or [sent.province]
    return ", ".join(provinces)


def can_send_back(
    escalations: Escalations,
    history: Sequence[ReviewEvent],
    province: str | None,
    is_center: CenterEvent,
) -> bool:
    """Whether an account of `province` (None: the Center) may send the item back now: a locked
    decision too, whose sending the Center answers without reopening it."""
    if province is not None:
        return False
    return waiting_sender(escalations, history, Action("send_back"), is_center) is not None


def held_by_center(holder: str | None, assignees: Assignees) -> bool:
    """Whether the item's handler (`holder`, its assignee) is one of the Center's staff now."""
    person = assignees.get(holder) if holder else None
    return person is not None and person.province is None


def _label(assignees: Assignees, username: str) -> str:
    person = assignees.get(username)
    return person.label if person is not None else username


def apply_action(
    archive: Archive,
    assignees: Assignees,
    escalations: Escalations,
    lock: threading.Lock,
    document_id: str,
    action: Action,
    *,
    changes: ChangeMarks,
    actor: str,
    role: str,
    now: datetime,
    is_center: CenterEvent,
    province: str | None = None,
) -> ReviewEvent:
    """Two reviewers never both act on the same stale state: `lock` serialises this process's
    threads and the archive's write lock (`Archive.writing`) every process, `pressmon serve
    --workers N` too; an action sent from a page made before another reviewer's is refused
    (`Action.seen`), and so is a take from the queue of an item someone took meanwhile
    (`Action.seen_unassigned`); the sender's own action sent again from its page is recorded
    once and refused as such (RepeatedAction), and a take of an item its sender holds already
    is done without recording it again (AlreadyTaken). `archive` is the actor's view of it (a
    provincial office's is scoped to its province; `is_center`: whether an event is the
    Center's). Any action is a person looking at the item again: it is no longer listed among
    those whose content changed since (`changes`)."""
    if action.kind == "assign":
        assignee = assignees.get(action.assignee or "")
        if assignee is None or assignee.disabled:
            raise WorkflowError(f"Không có người dùng {action.assignee!r} đang hoạt động.")
        # Another province's office would be given an item it cannot even open.
        document = archive.get(document_id)
        if document is not None and not Scope(assignee.province).allows(document):
            raise WorkflowError(
                f"Không thể phân công cho {action.assignee!r}: tài khoản của BHXH "
                f"{assignee.province} không xem được bài này."
            )
    with lock, archive.writing():
        state, history = current_state(archive, document_id)
        repeated = repeat_of(history, action, actor)
        if repeated is not None:
            raise RepeatedAction(repeated)
        taken = taken_already(state, history, action, actor)
        if taken is not None:
            raise AlreadyTaken(taken)
        check_seen(history, action.seen, actor)
        check_unassigned(state, history, action, lambda username: _label(assignees, username))
        event = _plan(
            state,
            history,
            escalations,
            document_id,
            action,
            actor,
            role,
            now,
            is_center,
            province,
            held_by_center=held_by_center(state.assignee, assignees),
        )
        archive.record_review(event)
        changes.clear(document_id)
        archive.refresh()  # the queue the reviewer returns to must show it (Elasticsearch)
        if action.kind == "assign":
            assignees.assign(document_id, event.detail["assignee"])  # type: ignore[arg-type]
        if action.kind == "escalate" and province is not None:
            escalations.add(Escalation(document_id, actor, province, event.note, now))
    return event


def refusal(
    archive: Archive,
    escalations: Escalations,
    document_id: str,
    action: Action,
    *,
    actor: str,
    role: str,
    now: datetime,
    is_center: CenterEvent,
    province: str | None = None,
) -> str:
    """Why the rules `apply_action` applies would refuse `action` on the item now, recording
    nothing; "" when they would take it. What a page says of a copy skipped earlier, while it
    still holds."""
    state, history = current_state(archive, document_id)
    try:
        _plan(
            state, history, escalations, document_id, action, actor, role, now, is_center, province
        )
    except WorkflowError as err:
        return str(err)
    return ""


def _plan(
    state: ReviewState,
    history: Sequence[ReviewEvent],
    escalations: Escalations,
    document_id: str,
    action: Action,
    actor: str,
    role: str,
    now: datetime,
    is_center: CenterEvent,
    province: str | None,
    *,
    held_by_center: bool = False,
) -> ReviewEvent:
    """`plan` with what the item's log and sendings say of it; `held_by_center`: its handler is
    one of the Center's staff (only an assignment asks: `refusal` judges status decisions)."""
    return plan(
        state,
        action,
        document_id=document_id,
        actor=actor,
        role=role,
        at=now,
        province=province,
        sent_by=waiting_sender(escalations, history, action, is_center),
        locked_by_center=centers_lock(history, is_center),
        decided_by_center=centers_decision(history, is_center),
        held_by_center=held_by_center,
    )
