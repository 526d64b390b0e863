"""Which saved copies exist: the evidence table of the state database (pressmon.state_db)."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pressmon.state_db import open_state_db, transaction


@dataclass(frozen=True)
class SavedCopy:
    """One saved copy of an article: its WARC file (relative to the evidence folder) and hash."""

    document_id: str
    sha256: str
    path: str
    fetched_at: datetime
    final_url: str
    record_type: str  # "response" (a fetched page) | "resource" (ingested text)


class EvidenceStore:
    def __init__(self, state_path: Path) -> None:
        self.state_path = state_path
        open_state_db(state_path).close()

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self.state_path)

    def add(self, copy: SavedCopy) -> None:
        """Record `copy`; the same content for the same article again keeps the first fetch."""
        with self._connect() as db:
            db.execute(
                "INSERT OR IGNORE INTO evidence VALUES (?, ?, ?, ?, ?, ?)",
                (
                    copy.document_id,
                    copy.sha256,
                    copy.path,
                    copy.fetched_at.isoformat(),
                    copy.final_url,
                    copy.record_type,
                ),
            )

    def latest(self, document_id: str) -> SavedCopy | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT * FROM evidence WHERE document_id = ? ORDER BY fetched_at DESC LIMIT 1",
                (document_id,),
            ).fetchone()
        return _copy(row) if row else None

    def latest_of(self, document_ids: list[str]) -> dict[str, SavedCopy]:
        """document id -> its newest saved copy, for those that have one."""
        found: dict[str, SavedCopy] = {}
        with self._connect() as db:
            for start in range(0, len(document_ids), 500):  # SQLite's bound-variable limit
                chunk = document_ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT * FROM evidence WHERE document_id IN ({marks})"  # noqa: S608
                    " ORDER BY fetched_at",
                    chunk,
                ).fetchall()
                found.update((row["document_id"], _copy(row)) for row in rows)
        return found


def _copy(row: sqlite3.Row) -> SavedCopy:
    return SavedCopy(
        document_id=row["document_id"],
        sha256=row["sha256"],
        path=row["path"],
        fetched_at=datetime.fromisoformat(row["fetched_at"]),
        final_url=row["final_url"],
        record_type=row["record_type"],
    )
