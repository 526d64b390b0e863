"""Flagged items in triage order: most urgent tier, then highest risk (or most uncertain first)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Literal

from classifier.types import TIERS
from index.base import Archive
from index.types import Document, Query

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
    """Every flagged document matching `query` (up to `limit`), and whether more exist."""
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
