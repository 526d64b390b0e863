"""The review queue order: most urgent tier first, then highest risk (or most uncertain)."""

from __future__ import annotations

from dataclasses import replace

from index.base import Archive
from index.types import Document, Query

TIER_RANK = {"cần xem ngay": 0, "nên xem": 1, "không ưu tiên": 2}
_PAGE = 200  # the archives' largest page


def flagged_documents(archive: Archive, query: Query) -> list[Document]:
    """Every flagged document matching `query`'s filters, in queue order."""
    found: list[Document] = []
    page = 1
    while True:
        result = archive.search(replace(query, flagged_only=True, sort="date", page=page, page_size=_PAGE))
        found.extend(hit.document for hit in result.hits)
        if page * _PAGE >= result.total or not result.hits:
            break
        page += 1
    return sorted(found, key=lambda d: (TIER_RANK.get(d.tier or "", 3), -(d.risk or 0.0), d.id))
