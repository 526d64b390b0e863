"""Deciding the other copies of an item's story with it (`Document.story_id`: one scam post
reposted in 16 groups): which copies, each decided on its own through the rules and its own
audit event, and what the reviewer is told of them."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from index.errors import DocumentNotFound
from index.types import Document, ReviewEvent
from pressmon.review.errors import WorkflowError
from pressmon.review.labels import label
from pressmon.review.story_copies import StoryCopies
from pressmon.review.workflow import Action

# Copies decided with one item, newest first: a story larger than this is rare, and its
# remaining copies are still listed on the item page to decide.
MAX_DECIDED = 100  # one page read: the archive reads at most 200 a page
GONE = "Bài không còn trong kho lưu trữ."


@dataclass(frozen=True)
class CopyOutcome:
    document_id: str
    title: str
    # Where and when the copy appeared: copies share their title, so a skipped one is told
    # apart from the others by these, as the item page's list of copies does.
    outlet_name: str
    published_at: datetime
    event: ReviewEvent | None  # None: skipped
    reason: str = ""  # why it was skipped (the rules' words), "" when applied

    @property
    def applied(self) -> bool:
        return self.event is not None


@dataclass(frozen=True)
class CopiesOutcome:
    outcomes: tuple[CopyOutcome, ...]
    status: str  # the status applied to the copies (a code)
    # Said on the page after the item's own status was saved with them (not a repeat): the
    # summary names the item too.
    with_item: bool = False

    @property
    def applied(self) -> tuple[CopyOutcome, ...]:
        return tuple(o for o in self.outcomes if o.applied)

    @property
    def skipped(self) -> tuple[CopyOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.applied)

    def summary(self) -> str:
        """What the reviewer is told first: the status applied and to how many copies, as the
        box offered it ("Áp dụng cho cả N bản cùng nội dung khác"); the skipped copies, listed
        after it with their reasons, only when there are some."""
        status = f"trạng thái “{label(self.status)}”"
        applied, skipped = len(self.applied), len(self.skipped)
        if self.with_item:
            return _saved_with_item(status, applied, skipped)
        if not applied:
            return f"Không áp dụng được {status} cho bản cùng nội dung nào; bỏ qua {skipped} bản:"
        done = f"Đã áp dụng {status} cho {applied} bản cùng nội dung khác"
        return f"{done}; bỏ qua {skipped} bản:" if skipped else f"{done}."


def _saved_with_item(status: str, applied: int, skipped: int) -> str:
    saved = f"Đã lưu {status} cho bài này"
    if not applied:
        return f"{saved}; không áp dụng được cho bản cùng nội dung nào, bỏ qua {skipped} bản:"
    done = f"{saved} và {applied} bản cùng nội dung khác"
    return f"{done}; bỏ qua {skipped} bản:" if skipped else f"{done}."


def recalled_outcome(
    document_id: str,
    status: str,
    copies: Iterable[Document],
    histories: Mapping[str, Sequence[ReviewEvent]],
    skipped_ids: Collection[str],
    refusal: Callable[[str], str],
) -> CopiesOutcome:
    """What deciding item `document_id`'s copies with it at `status` did, read back from their
    logs on the page after it, as far as it still holds: a copy still at the status it was given
    from the item is applied; one of `skipped_ids` (as the redirect named them) that was not is
    skipped while `refusal` (its id -> the rules' reason now, "" if none) still refuses it. An
    address naming an applied copy skipped does not make it so."""
    outcomes = []
    for copy in copies:
        given = _given(histories.get(copy.id, ()), document_id)
        if given is not None and given.status_after == status == copy.review_status:
            outcomes.append(_outcome(copy, given))
        elif copy.id in skipped_ids and given is None and (reason := refusal(copy.id)):
            outcomes.append(_outcome(copy, None, reason))
    return CopiesOutcome(tuple(outcomes), status, with_item=True)


def _given(history: Sequence[ReviewEvent], document_id: str) -> ReviewEvent | None:
    """The copy's latest status event if it came from item `document_id`."""
    latest = next((e for e in reversed(history) if e.action == "status"), None)
    return (
        latest if latest is not None and latest.detail.get("applied_from") == document_id else None
    )


def decided_count(copies: StoryCopies) -> int:
    """How many copies deciding with the item would try: those the account may see."""
    return min(len(copies.copies) + copies.more, MAX_DECIDED)


def copy_action(action: Action, origin: str) -> Action:
    """The status `action` on item `origin`, as each copy gets it: the same status and note,
    without the item page's checks of what it showed (`seen`: it showed the item's log, not
    the copies'), naming the item it was applied from."""
    return Action("status", status=action.status, note=action.note, applied_from=origin)


def decide_copies(
    copies: Iterable[Document], apply: Callable[[str], ReviewEvent], status: str
) -> CopiesOutcome:
    """`apply` each copy's id in turn (`status`: the status it applies, which `summary` names):
    a copy the rules refuse is skipped with their reason and the others are still decided (each
    is its own event, none undoes another)."""
    outcomes = []
    for copy in copies:
        try:
            outcomes.append(_outcome(copy, apply(copy.id)))
        except WorkflowError as err:
            outcomes.append(_outcome(copy, None, str(err)))
        except DocumentNotFound:  # removed meanwhile
            outcomes.append(_outcome(copy, None, GONE))
    return CopiesOutcome(tuple(outcomes), status)


def _outcome(copy: Document, event: ReviewEvent | None, reason: str = "") -> CopyOutcome:
    return CopyOutcome(copy.id, copy.title, copy.outlet_name, copy.published_at, event, reason)
