"""The review queue: flagged items, filtered, counted per status and ordered for triage."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from index.base import Archive
from index.types import Document, Query
from pressmon.queue import QueueOrder, flagged_documents, sort_key
from pressmon.web.workflow import STATUSES


@dataclass(frozen=True)
class QueueFilters:
    category: str = ""
    outlet: str = ""
    province: str = ""
    tier: str = ""
    status: str = ""
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
    status_counts: Mapping[str, int]  # before the status filter
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
