"""The review queue: flagged items in triage order (most urgent tier, then highest risk, or the
most uncertain first), filtered, counted per status and paged. The web queue, `pressmon flagged`
and the leadership report all read flagged items through here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from classifier.types import TIERS
from index.base import Archive
from index.types import Document, Query, TriageEntry
from pressmon.review.escalations import Escalation
from pressmon.review.statuses import DECISIONS, STATUSES

QueueOrder = Literal["tier", "uncertain", "newest"]
FETCH_PAGE = 200  # the archives' largest page
FETCH_LIMIT = 5000  # flagged items considered per view; callers say so when there are more


def uncertainty(item: Document | TriageEntry) -> float:
    if isinstance(item, TriageEntry):
        return item.uncertainty
    value = item.flag_details.get("uncertainty") if item.flag_details else None
    return float(value) if isinstance(value, int | float) else 0.0


def _tier_rank(item: Document | TriageEntry) -> int:
    return TIERS.index(item.tier) if item.tier in TIERS else len(TIERS)


def sort_key(order: QueueOrder) -> Callable[[Document | TriageEntry], tuple[float, ...]]:
    if order == "uncertain":
        return lambda d: (
            -uncertainty(d),
            _tier_rank(d),
            -(d.risk or 0.0),
            -d.published_at.timestamp(),
        )
    if order == "newest":
        return lambda d: (-d.published_at.timestamp(),)
    return lambda d: (_tier_rank(d), -(d.risk or 0.0), -d.published_at.timestamp())


def flagged_documents(
    archive: Archive, query: Query, limit: int = FETCH_LIMIT
) -> tuple[list[Document], bool]:
    """Every flagged document matching `query` (up to `limit`, newest first), and whether more
    exist."""
    query = replace(query, flagged_only=True, sort="date", page=1, page_size=FETCH_PAGE)
    found: list[Document] = []
    while True:
        result = archive.search(query)
        found.extend(hit.document for hit in result.hits)
        if not result.hits or len(found) >= min(result.total, limit):
            return found[:limit], result.total > limit
        query = replace(query, page=query.page + 1)


def triage_order(archive: Archive, query: Query) -> tuple[list[Document], bool]:
    """The flagged documents in queue order (tier, then risk), and whether the list was capped."""
    documents, capped = flagged_documents(archive, query)
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


@dataclass(frozen=True)
class QueueRow:
    document: Document
    assignee: str | None
    escalation: Escalation | None = None  # sent to the Center by a provincial office


@dataclass(frozen=True)
class QueuePage:
    rows: tuple[QueueRow, ...]
    total: int  # after every filter
    page: int
    page_size: int
    status_counts: Mapping[str, int]  # status code -> items, before the status filter
    capped: bool  # more flagged items exist than FETCH_LIMIT

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def load_queue(
    archive: Archive,
    filters: QueueFilters,
    assignees: Mapping[str, str],
    *,
    page: int = 1,
    page_size: int = 50,
    escalations: Mapping[str, Escalation] | None = None,
    escalated_first: bool = False,
) -> QueuePage:
    """`escalated_first`: items sent to the Center and not yet concluded lead the queue, the
    latest sent first; the Center's queue asks for it."""
    escalations = escalations or {}
    query = Query(
        outlets=frozenset({filters.outlet}) if filters.outlet else frozenset(),
        provinces=frozenset({filters.province}) if filters.province else frozenset(),
        tiers=frozenset({filters.tier}) if filters.tier else frozenset(),
        date_from=filters.date_from,
        date_to=filters.date_to,
    )
    # The triage columns of every matching flagged item (one indexed read, no article text);
    # the full article is read only for the page shown.
    entries, capped = archive.triage_entries(query, FETCH_LIMIT)
    if filters.category:
        entries = [e for e in entries if e.category == filters.category]
    if filters.assignee:
        wanted = None if filters.assignee == "-" else filters.assignee  # "-" = not assigned yet
        entries = [e for e in entries if assignees.get(e.id) == wanted]
    counts = Counter(e.review_status for e in entries)
    status_counts = {status: counts.get(status, 0) for status in STATUSES}
    if filters.status:
        entries = [e for e in entries if e.review_status == filters.status]
    entries.sort(key=sort_key(filters.order))
    if escalated_first:
        waiting = [e for e in entries if e.id in escalations and e.review_status not in DECISIONS]
        waiting.sort(key=lambda e: escalations[e.id].at, reverse=True)
        first = {e.id for e in waiting}
        entries = waiting + [e for e in entries if e.id not in first]
    pages = max(1, -(-len(entries) // page_size))
    page = min(max(1, page), pages)  # a page past the end shows the last one
    documents = [archive.get(e.id) for e in entries[(page - 1) * page_size : page * page_size]]
    return QueuePage(
        rows=tuple(
            QueueRow(d, assignees.get(d.id), escalations.get(d.id))
            for d in documents
            if d is not None
        ),
        total=len(entries),
        page=page,
        page_size=page_size,
        status_counts=status_counts,
        capped=capped,
    )
