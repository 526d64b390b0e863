"""Errors of the review domain; the web app maps them to HTTP statuses (409 and 403)."""

from __future__ import annotations

from index.types import ReviewEvent
from pressmon.errors import PressmonError


class WorkflowError(PressmonError):
    """A review action is not allowed from the item's current state (message in Vietnamese)."""


class RoleForbidden(WorkflowError):
    """The action exists but the user's role may not take it (e.g. a reviewer reopening)."""


class StaleAction(WorkflowError):
    """The item changed after the page the action was sent from was made: someone else acted on
    it meanwhile, so the action would be taken on a state its sender never saw (409).

    `what` happened meanwhile, and `advice`, a clause saying what to do now: the item page, shown
    again as it is now, says it was reloaded before it; an API client reloads nothing."""

    def __init__(self, what: str, advice: str) -> None:
        super().__init__(f"{what} {advice[:1].upper()}{advice[1:]}")
        self.what = what
        self.advice = advice


class OwnStaleAction(StaleAction):
    """A stale action (see StaleAction) where every event its page did not show is its sender's
    own, from another tab of theirs: still refused, but the item page says it was theirs
    (`own_what`, `own_advice`) rather than name them as if someone else. Its message, which the
    API answers, says the account itself updated the item since the `seen` sent: an API client
    has no tabs."""

    def __init__(self, what: str, advice: str, own_what: str, own_advice: str) -> None:
        super().__init__(what, advice)
        self.own_what = own_what
        self.own_advice = own_advice


class RepeatedAction(WorkflowError):
    """The action was sent again from the page it was first sent from (a refresh of the page shown
    after it, a double click, a resend after a slow network): the item's latest event is the
    sender's own and records exactly it (`event`). Nothing is recorded again, and the sender is
    told so, not that someone else changed the item (the web app words it with `event.at`)."""

    def __init__(self, event: ReviewEvent) -> None:
        super().__init__("Bạn đã ghi thao tác này rồi; không ghi lại lần nữa.")
        self.event = event


class AlreadyTaken(WorkflowError):
    """A take (an `assign` to oneself) of an item its sender already holds: a double click on the
    queue's "Nhận xử lý", a take from a page made before they took it elsewhere. What they asked
    for is so: nothing is recorded again, and the web app answers as a take done (`event`: the
    assignment that gave it to them, theirs or a lead's), not as a conflict."""

    def __init__(self, event: ReviewEvent) -> None:
        super().__init__("Bài đã được phân công cho bạn; không ghi lại lần nữa.")
        self.event = event


class UnchangedStatus(WorkflowError):
    """A status change to the status the item has already (`status`): nothing to record. The
    item page offers the current status, chosen, so its form sent again unchanged (a hurried
    second "Lưu trạng thái") lands here and is told nothing changed, not refused."""

    def __init__(self, message: str, status: str) -> None:
        super().__init__(message)
        self.status = status


class NoteRequired(WorkflowError):
    """A conclusive status or follow-up was sent without a note (the web app answers 422)."""
