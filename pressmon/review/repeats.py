"""An action sent twice by the same person from the same page (a refresh of the page shown after
it, a double click, a resend after a slow network): told apart from someone else changing the item
meanwhile, which the stale-page check (`actions.check_seen`) refuses as a conflict."""

from __future__ import annotations

from collections.abc import Sequence

from index.types import ReviewEvent
from pressmon.review.labels import ACTION_LABELS, label
from pressmon.review.workflow import Action, ReviewState


def repeat_of(history: Sequence[ReviewEvent], action: Action, actor: str) -> ReviewEvent | None:
    """The item's latest event when it came after the `action.seen` events the sender's page
    showed and is `actor`'s own record of exactly `action` (same kind, status, follow-up or
    assignee, note): the page's own submission come back; None otherwise. Every event since the
    page must be the sender's own: anyone else's is a change that page did not show, before the
    latest as after it (the stale-page check refuses it)."""
    if action.seen is None or action.seen >= len(history):
        return None
    if any(e.actor != actor or e.imported for e in history[action.seen :]):
        return None
    latest = history[-1]
    return latest if _recorded(latest) == _asked(action) else None


def taken_already(
    state: ReviewState, history: Sequence[ReviewEvent], action: Action, actor: str
) -> ReviewEvent | None:
    """The assignment that gave the item to `actor` when `action` is `actor` taking it (an
    `assign` to themselves, no note) and they hold it already: what they asked for is so, however
    stale their page. None otherwise; a note with it is not lost silently: plan() refuses it."""
    if action.kind != "assign" or action.assignee != actor or action.note.strip():
        return None
    if state.assignee != actor:
        return None
    return next((e for e in reversed(history) if e.action == "assign"), None)


def repeated_text(event: ReviewEvent, when: str) -> str:
    """What the sender of a repeat is told; `when`: `event.at` as the app shows times."""
    return (
        f"Bạn đã ghi thao tác này lúc {when} "
        f"({ACTION_LABELS.get(event.action, event.action)}, trạng thái "
        f"“{label(event.status_after)}”); không ghi lại lần nữa."
    )


def _asked(action: Action) -> tuple[object, ...]:
    named = {"status": action.status, "follow_up": action.follow_up, "assign": action.assignee}
    # plan() records the note stripped
    return action.kind, named.get(action.kind), action.note.strip(), action.applied_from


def _recorded(event: ReviewEvent) -> tuple[object, ...]:
    named = {
        "status": event.status_after,
        "follow_up": event.detail.get("follow_up"),
        "assign": event.detail.get("assignee"),
    }
    applied_from = event.detail.get("applied_from")
    return event.action, named.get(event.action), event.note, applied_from
