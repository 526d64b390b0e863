"""Items a provincial office sent to the Center ("Chuyển Trung tâm"): the latest sending of each.

The audit log in the archive keeps every sending (action "escalate"); this table in the state
database is what the Center's queue reads to put them first, without replaying every history.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pressmon.state_db import open_state_db, transaction


@dataclass(frozen=True)
class Escalation:
    document_id: str
    username: str  # who sent it
    province: str  # their province when they sent it
    note: str
    at: datetime


class EscalationStore:
    def __init__(self, state_path: Path) -> None:
        self.state_path = state_path
        open_state_db(state_path).close()

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self.state_path)

    def add(self, escalation: Escalation) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT INTO escalations VALUES (?, ?, ?, ?, ?) ON CONFLICT(document_id) DO UPDATE"
                " SET username = excluded.username, province = excluded.province,"
                " note = excluded.note, at = excluded.at",
                (
                    escalation.document_id,
                    escalation.username,
                    escalation.province,
                    escalation.note,
                    escalation.at.isoformat(),
                ),
            )

    def all(self) -> dict[str, Escalation]:
        """document id -> its latest sending to the Center."""
        with self._connect() as db:
            rows = db.execute("SELECT * FROM escalations").fetchall()
        return {row["document_id"]: _escalation(row) for row in rows}

    def get(self, document_id: str) -> Escalation | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT * FROM escalations WHERE document_id = ?", (document_id,)
            ).fetchone()
        return _escalation(row) if row else None


def _escalation(row: sqlite3.Row) -> Escalation:
    return Escalation(
        row["document_id"],
        row["username"],
        row["province"],
        row["note"],
        datetime.fromisoformat(row["at"]),
    )
