"""Items edited at their source after someone acted on them ("Nội dung đã thay đổi sau quyết
định"): the system's event in their audit log, and the list the queue reads.

When a crawl updates an article in place (pressmon.article_updates) and the item has any review
event, `record_content_changes` appends one CONTENT_CHANGED event saying what changed and how the
new version was triaged; its status, follow-ups and lock stay (only people decide). The item is
listed in the state database until a person acts on it (`pressmon.review.actions` clears it),
as escalations are: the queue marks and orders its items from this list, not by replaying every
history. The item page replays the log itself (`ReviewState.changed_since_decision`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from index.base import Archive
from index.types import Document, ReviewEvent
from pressmon.review.workflow import content_change, replay
from pressmon.state_db import open_state_db, transaction


class ChangeMarks(Protocol):
    """Where changed items are listed (ChangeStore)."""

    def mark(self, document_id: str, at: datetime) -> None: ...

    def clear(self, document_id: str) -> None: ...


class ChangeStore:
    def __init__(self, state_path: Path) -> None:
        self.state_path = state_path
        open_state_db(state_path).close()

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self.state_path)

    def mark(self, document_id: str, at: datetime) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT INTO content_changes VALUES (?, ?)"
                " ON CONFLICT(document_id) DO UPDATE SET at = excluded.at",
                (document_id, at.astimezone(UTC).isoformat()),
            )

    def clear(self, document_id: str) -> None:
        with self._connect() as db:
            db.execute("DELETE FROM content_changes WHERE document_id = ?", (document_id,))

    def all(self) -> dict[str, datetime]:
        """document id -> when its content last changed, of every item still marked."""
        with self._connect() as db:
            rows = db.execute("SELECT document_id, at FROM content_changes").fetchall()
        return {row[0]: datetime.fromisoformat(row[1]) for row in rows}


def record_content_changes(
    archive: Archive,
    marks: ChangeMarks,
    updates: Sequence[tuple[Document, Document, Sequence[str]]],
    at: datetime,
) -> list[ReviewEvent]:
    """For each (new version as archived, earlier version, what changed) of an article updated in
    place, append the system's event to its audit log and list it, when it has any review event;
    an item no one has touched is in the queue by its tier anyway. The events appended.

    The caller holds the archive's write lock (`Archive.writing`) around the update and this, as
    a review action holds it around its own: the new version and its event commit together, and
    a reviewer's action lands before or after them, never between the event and its mark.
    """
    events: list[ReviewEvent] = []
    histories = archive.review_histories([fresh.id for fresh, _, _ in updates])
    for fresh, earlier, changed in updates:
        history = histories[fresh.id]
        if not history:
            continue
        event = content_change(
            replay(history),
            document_id=fresh.id,
            changed=changed,
            tier=fresh.tier,
            risk=fresh.risk,
            tier_before=earlier.tier,
            risk_before=earlier.risk,
            at=at,
        )
        archive.record_review(event)
        marks.mark(fresh.id, at)
        events.append(event)
    return events
