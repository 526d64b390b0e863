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
from index.types import Document, Query
from pressmon.review.statuses import STATUSES

QueueOrder = Literal["tier", "uncertain", "newest"]
FETCH_PAGE = 200  # the archives' largest page
FETCH_LIMIT = 5000  # flagged items considered per view; callers say so when there are more


def uncertainty(document: Document) -> float:
    value = document.flag_details.get("uncertainty") if document.flag_details else None
    return float(value) if isinstance(value, int | float) else 0.0


def _tier_rank(document: Document) -> int:
    return TIERS.index(document.tier) if document.tier in TIERS else len(TIERS)


def sort_key(order: QueueOrder) -> Callable[[Document], tuple[float, ...]]:
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
) -> QueuePage:
    query = Query(
        outlets=frozenset({filters.outlet}) if filters.outlet else frozenset(),
        provinces=frozenset({filters.province}) if filters.province else frozenset(),
        tiers=frozenset({filters.tier}) if filters.tier else frozenset(),
        date_from=filters.date_from,
        date_to=filters.date_to,
    )
    documents, capped = flagged_documents(archive, query)
    if filters.category:
        documents = [d for d in documents if d.category == filters.category]
    if filters.assignee:
        wanted = None if filters.assignee == "-" else filters.assignee  # "-" = not assigned yet
        documents = [d for d in documents if assignees.get(d.id) == wanted]
    counts = Counter(d.review_status for d in documents)
    status_counts = {status: counts.get(status, 0) for status in STATUSES}
    if filters.status:
        documents = [d for d in documents if d.review_status == filters.status]
    documents.sort(key=sort_key(filters.order))
    page = max(1, page)
    chosen = documents[(page - 1) * page_size : page * page_size]
    return QueuePage(
        rows=tuple(QueueRow(d, assignees.get(d.id)) for d in chosen),
        total=len(documents),
        page=page,
        page_size=page_size,
        status_counts=status_counts,
        capped=capped,
    )
