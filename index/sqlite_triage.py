"""The review queue's triage list from the rows of `sqlite_query.triage_sql` (pure).

The queue reads every flagged article's triage columns again after each commit to the archive
(thousands of rows); most commits change none or a few of them. Building an entry costs more than
reading its row, so entries of unchanged rows are taken from the previous read, and when no row
changed the previous list itself is handed back (work derived from it stays valid).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from index.sqlite_rows import from_us
from index.types import TriageEntry, TriageList

# (id, published_us, tier, risk, category, review_status, uncertainty), as triage_sql selects
TriageRow = tuple[str, int, str | None, float | None, str | None, str, object]


@dataclass(frozen=True)
class TriageRead:
    rows: Sequence[TriageRow]  # as read: one more than the limit when more exist
    limit: int
    triage: TriageList


def triage_read(rows: Sequence[TriageRow], limit: int, kept: TriageRead | None) -> TriageRead:
    """`rows` as a TriageList of at most `limit` entries; `kept` itself when it was read from
    the same rows with the same limit."""
    if kept is not None and kept.limit == limit and kept.rows == rows:
        return kept
    # Not strict: a capped read has one row more than entries.
    known = dict(zip(kept.rows, kept.triage.entries, strict=False)) if kept is not None else {}
    entries = tuple(known.get(row) or _entry(row) for row in rows[:limit])
    return TriageRead(rows, limit, TriageList(entries, len(rows) > limit))


def _entry(row: TriageRow) -> TriageEntry:
    document_id, published_us, tier, risk, category, review_status, uncertainty = row
    return TriageEntry(
        id=document_id,
        published_at=from_us(published_us),
        tier=tier,
        risk=risk,
        uncertainty=float(uncertainty) if isinstance(uncertainty, int | float) else 0.0,
        category=category,
        review_status=review_status,
    )
