"""The review queue: flagged items in triage order (most urgent tier, then highest risk, or the
most uncertain first), filtered, counted per status and paged. The web queue, `pressmon flagged`
and the leadership report all read flagged items through here.

In triage order, an item edited at its source since someone last acted on it
(pressmon.review.changes) leads its tier: it is the same item as before, already worked on, whose
decision may no longer fit it. Items sent to the Center still come before all (the Center's).
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from typing import Literal, TypeVar

from classifier.types import TIERS
from index.base import Archive
from index.types import Document, Query, ReviewEvent, TriageEntry, TriageList
from pressmon.review.escalations import Escalation
from pressmon.review.statuses import STATUSES
from pressmon.review.workflow import Decided

QueueOrder = Literal["tier", "uncertain", "newest"]
# Items sent to the Center: all of them, those waiting for its answer, those it answered.
SentFilter = Literal["", "all", "waiting", "answered"]
FETCH_LIMIT = 5000  # flagged items considered per view; callers say so when there are more


def uncertainty(item: Document | TriageEntry) -> float:
    if isinstance(item, TriageEntry):
        return item.uncertainty
    value = item.flag_details.get("uncertainty") if item.flag_details else None
    return float(value) if isinstance(value, int | float) else 0.0


_TIER_RANKS: dict[str, int] = {tier: rank for rank, tier in enumerate(TIERS)}


def _tier_rank(item: Document | TriageEntry) -> int:
    # A dict, not TIERS.index: a queue view sorts every flagged item (thousands) by it.
    return _TIER_RANKS.get(item.tier, len(TIERS)) if item.tier is not None else len(TIERS)


def sort_key(
    order: QueueOrder, changed: Collection[str] = frozenset()
) -> Callable[[Document | TriageEntry], tuple[float, ...]]:
    """The sort key of a queue order, for items already newest first (as the archive lists
    flagged items): the sort is stable, so items the key ties stay newest first without the key
    computing every item's timestamp (a queue view sorts thousands of them). In triage order the
    items in `changed` (ids) lead their tier; the other orders are what the reviewer chose
    instead, and only mark them."""
    if order == "uncertain":
        return lambda d: (-uncertainty(d), _tier_rank(d), -(d.risk or 0.0))
    if order == "newest":
        return lambda d: ()
    if changed:
        return lambda d: (_tier_rank(d), d.id not in changed, -(d.risk or 0.0))
    return lambda d: (_tier_rank(d), -(d.risk or 0.0))


def triage_order(archive: Archive, query: Query) -> tuple[list[Document], bool]:
    """The flagged documents in queue order (tier, then risk), and whether the list was capped."""
    documents, capped = archive.flagged_documents(query, FETCH_LIMIT)
    return sorted(documents, key=sort_key("tier")), capped


@dataclass(frozen=True)
class QueueFilters:
    category: str = ""
    outlet: str = ""
    province: str = ""
    tier: str = ""  # a tier code
    status: str = ""  # a status code
    assignee: str = ""
    date_from: date | None = None
    date_to: date | None = None
    order: QueueOrder = "tier"
    sent: SentFilter = ""  # "": every item, sent to the Center or not
    story: str = ""  # a story_id: only its copies (syndicated, reposted); "": every story
    grouped: bool = False  # one row per story: its first copy in queue order stands for it


@dataclass(frozen=True)
class QueueRow:
    document: Document
    assignee: str | None
    escalation: Escalation | None = None  # sent to the Center by a provincial office: the latest
    changed: bool = False  # edited at its source since someone last acted on it
    # The Center's answer to the sendings shown, as the viewer sees them
    # (pressmon.review.escalations.sent_view); None while they wait
    answer: ReviewEvent | None = None
    # The sendings shown: every province's the Center answers or is to answer
    # (escalations.sendings), or a province's own once the Center answered it (sent_view)
    senders: tuple[Escalation, ...] = ()
    # Who made the standing decision, and for which office then (workflow.decided_by); None
    # while none stands
    decided: Decided | None = None
    # How many other copies of its story (Document.story_id) the same queue view lists
    copies: int = 0


@dataclass(frozen=True)
class QueuePage:
    rows: tuple[QueueRow, ...]
    total: int  # after every filter: stories when grouped
    page: int
    page_size: int
    # status code -> items before the status filter; when grouped, stories with a copy in it
    status_counts: Mapping[str, int]
    capped: bool  # more flagged items exist than FETCH_LIMIT
    status_total: int  # the "all statuses" count: items, or stories when grouped

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    @property
    def counted_in_several(self) -> bool:
        """Some story is counted under more than one status (grouped, its copies differ): the
        status counts then add up to more than `status_total`."""
        return sum(self.status_counts.values()) > self.status_total


@dataclass(frozen=True)
class Arranged:
    """The queue before paging: the items every filter left, in queue order, and the items per
    status before the status filter."""

    entries: tuple[TriageEntry, ...]
    status_counts: Mapping[str, int]
    counted: tuple[TriageEntry, ...] = ()  # the entries `status_counts` counts

    @cached_property
    def ids(self) -> frozenset[str]:
        """The entries' ids, built once per kept order: every page's copy counts read them."""
        return frozenset(e.id for e in self.entries)


def arrange(
    entries: Sequence[TriageEntry],
    filters: QueueFilters,
    assignees: Mapping[str, str],
    escalations: Mapping[str, Escalation],
    *,
    escalated_first: bool,
    changed: Collection[str] = frozenset(),
    answered: Collection[str] = frozenset(),
) -> Arranged:
    """Filter, count per status and sort flagged items (newest first, as archives list them);
    `changed`: ids of items edited at their source since someone last acted on them;
    `answered`: ids of items sent to the Center that it has concluded on since
    (`pressmon.review.escalations.answered`); the others sent lead when `escalated_first`,
    whatever status the province gave them before sending."""
    chosen = list(entries)
    if filters.category:
        chosen = [e for e in chosen if e.category == filters.category]
    if filters.assignee:
        wanted = None if filters.assignee == "-" else filters.assignee  # "-" = not assigned yet
        chosen = [e for e in chosen if assignees.get(e.id) == wanted]
    if filters.sent:
        chosen = [e for e in chosen if _sent_matches(filters.sent, e.id, escalations, answered)]
    counted = tuple(chosen)
    counts = Counter(e.review_status for e in counted)
    status_counts = {status: counts.get(status, 0) for status in STATUSES}
    if filters.status:
        chosen = [e for e in chosen if e.review_status == filters.status]
    chosen.sort(key=sort_key(filters.order, changed))
    if escalated_first:
        waiting = [e for e in chosen if e.id in escalations and e.id not in answered]
        waiting.sort(key=lambda e: escalations[e.id].at, reverse=True)
        first = {e.id for e in waiting}
        chosen = waiting + [e for e in chosen if e.id not in first]
    return Arranged(tuple(chosen), status_counts, counted)


def _sent_matches(
    sent: SentFilter,
    document_id: str,
    escalations: Mapping[str, Escalation],
    answered: Collection[str],
) -> bool:
    if document_id not in escalations:
        return False
    if sent == "waiting":
        return document_id not in answered
    if sent == "answered":
        return document_id in answered
    return True


@dataclass(frozen=True)
class _Kept:
    triage: TriageList
    read: tuple[
        Mapping[str, str] | None,
        Mapping[str, Escalation] | None,
        Collection[str] | None,
        Collection[str] | None,
    ]
    arranged: Arranged


class QueueOrders:
    """Arranged queues kept per triage list, filters and session kind, for as long as the
    archive hands back the same list (`index.types.TriageList`, the same object until its rows
    change) and the assignments, escalations and changed items the order read are unchanged
    (a person acting on a changed item takes it off the list): a queue view then
    pages through a kept order instead of filtering and sorting thousands of items again."""

    def __init__(self, max_entries: int = 32) -> None:
        self._max_entries = max_entries
        self._kept: OrderedDict[Hashable, _Kept] = OrderedDict()
        self._lock = threading.Lock()

    def arranged(
        self,
        triage: TriageList,
        filters: QueueFilters,
        assignees: Mapping[str, str],
        escalations: Mapping[str, Escalation],
        *,
        escalated_first: bool,
        changed: Collection[str] = frozenset(),
        answered: Collection[str] = frozenset(),
    ) -> Arranged:
        # The order reads assignments only to filter by assignee, escalations and the Center's
        # answers only to put them first or filter by them, changed items only in triage order:
        # other changes to them leave it valid.
        reads_sent = escalated_first or bool(filters.sent)
        read = (
            assignees if filters.assignee else None,
            escalations if reads_sent else None,
            frozenset(changed) if filters.order == "tier" else None,
            frozenset(answered) if reads_sent else None,
        )
        # id() is safe in the key: a kept entry holds its list, so no other list can have the id.
        key = (id(triage), filters, escalated_first)
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None and kept.triage is triage and kept.read == read:
                self._kept.move_to_end(key)
                return kept.arranged
        arranged = arrange(
            triage.entries,
            filters,
            assignees,
            escalations,
            escalated_first=escalated_first,
            changed=changed,
            answered=answered,
        )
        with self._lock:
            self._kept[key] = _Kept(triage, read, arranged)
            self._kept.move_to_end(key)
            while len(self._kept) > self._max_entries:
                self._kept.popitem(last=False)
        return arranged


def load_queue(
    archive: Archive,
    filters: QueueFilters,
    assignees: Mapping[str, str],
    *,
    page: int = 1,
    page_size: int = 50,
    escalations: Mapping[str, Escalation] | None = None,
    escalated_first: bool = False,
    orders: QueueOrders | None = None,
    changed: Collection[str] = frozenset(),
    answered: Collection[str] = frozenset(),
    count_copies: bool = False,
) -> QueuePage:
    """`escalated_first`: items sent to the Center and not yet concluded by it (`answered`)
    lead the queue, the latest sent first; the Center's queue asks for it. `orders`: where
    arranged queues are kept between views (the web app's); without it every call arranges the
    queue again. `changed`: ids of items edited at their source since someone last acted on
    them (marked; first in their tier in triage order). `count_copies`: each row says how many
    other copies of its story the queue lists (`story_copies`; one more read of the archive).
    `filters.grouped`: one row per story (`one_per_story`), from one read of every listed item's
    story."""
    escalations = escalations or {}
    query = Query(
        outlets=frozenset({filters.outlet}) if filters.outlet else frozenset(),
        provinces=frozenset({filters.province}) if filters.province else frozenset(),
        tiers=frozenset({filters.tier}) if filters.tier else frozenset(),
        date_from=filters.date_from,
        date_to=filters.date_to,
        stories=frozenset({filters.story}) if filters.story else frozenset(),
    )
    # The triage columns of every matching flagged item (one indexed read, no article text);
    # the full article is read only for the page shown.
    triage = archive.triage(query, FETCH_LIMIT)
    if orders is not None:
        arranged = orders.arranged(
            triage,
            filters,
            assignees,
            escalations,
            escalated_first=escalated_first,
            changed=changed,
            answered=answered,
        )
    else:
        arranged = arrange(
            triage.entries,
            filters,
            assignees,
            escalations,
            escalated_first=escalated_first,
            changed=changed,
            answered=answered,
        )
    entries = arranged.entries
    grouped: Mapping[str, int] | None = None
    status_counts = arranged.status_counts
    status_total = len(arranged.counted)
    if filters.grouped:
        stories = archive.story_ids([e.id for e in arranged.counted])
        entries, grouped = one_per_story(entries, stories)
        status_counts, status_total = stories_per_status(arranged.counted, stories)
    pages = max(1, -(-len(entries) // page_size))
    page = min(max(1, page), pages)  # a page past the end shows the last one
    documents = archive.get_many([e.id for e in entries[(page - 1) * page_size : page * page_size]])
    if grouped is not None:
        copies: Mapping[str, int] = grouped
    elif count_copies:
        copies = story_copies(archive, query, arranged, documents)
    else:
        copies = {}
    return QueuePage(
        rows=tuple(
            QueueRow(
                d,
                assignees.get(d.id),
                escalations.get(d.id),
                d.id in changed,
                copies=copies.get(d.id, 0),
            )
            for d in documents
        ),
        total=len(entries),
        page=page,
        page_size=page_size,
        status_counts=status_counts,
        capped=triage.capped,
        status_total=status_total,
    )


def story_copies(
    archive: Archive, query: Query, arranged: Arranged, documents: Sequence[Document]
) -> dict[str, int]:
    """How many other copies of its story each of `documents` (a page of `arranged`, read with
    `query`) has among the arranged items, by id (0 left out): one read of the flagged copies of
    the page's stories, counted where the queue's other filters kept them."""
    stories = frozenset(d.story_id for d in documents if d.story_id)
    if not stories:
        return {}
    if query.stories:  # the queue lists one story: every item is a copy of it
        return {d.id: len(arranged.entries) - 1 for d in documents if d.story_id in query.stories}
    found, _ = archive.flagged_documents(replace(query, stories=stories), FETCH_LIMIT)
    listed = Counter(d.story_id for d in found if d.id in arranged.ids)
    return {
        d.id: listed[d.story_id] - 1 for d in documents if d.story_id and listed[d.story_id] > 1
    }


def stories_per_status(
    entries: Sequence[TriageEntry], stories: Mapping[str, str | None]
) -> tuple[dict[str, int], int]:
    """How many stories (`stories`: id -> story_id; an item without one is a story of its own)
    have a copy among `entries` in each status, and how many stories there are: a story whose
    copies were decided differently counts in each of their statuses, once in the total."""
    by_status: dict[str, set[str]] = {status: set() for status in STATUSES}
    for entry in entries:
        if entry.review_status in by_status:
            by_status[entry.review_status].add(stories.get(entry.id) or entry.id)
    everyone = set().union(*by_status.values())
    return {status: len(found) for status, found in by_status.items()}, len(everyone)


# What one_per_story groups: the web queue's triage columns, the CLI's documents read whole.
_Item = TypeVar("_Item", TriageEntry, Document)


def one_per_story(
    entries: Sequence[_Item], stories: Mapping[str, str | None]
) -> tuple[tuple[_Item, ...], dict[str, int]]:
    """The first of `entries` (in queue order: the most urgent) of each story (`stories`: id ->
    story_id; an item without one is a story of its own), and by its id how many other copies
    it stands for (0 left out)."""
    first: dict[str, _Item] = {}
    counted: Counter[str] = Counter()
    for entry in entries:
        story = stories.get(entry.id) or entry.id
        first.setdefault(story, entry)
        counted[story] += 1
    return tuple(first.values()), {
        entry.id: counted[story] - 1 for story, entry in first.items() if counted[story] > 1
    }


def documents_per_story(
    documents: Sequence[Document],
) -> tuple[tuple[Document, ...], dict[str, int]]:
    """`one_per_story` of documents read whole (`pressmon flagged --stories`, the demo's
    printout): they carry their story, so no read of the archive's story column."""
    return one_per_story(documents, {d.id: d.story_id for d in documents})
