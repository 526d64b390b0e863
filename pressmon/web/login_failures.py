"""Failed sign-ins per account name, in the state database beside the accounts (so a lock
survives a restart and an admin sees it on /nguoi-dung); the table is state-DB version 2."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from pathlib import Path

from pressmon.state_db import open_state_db, transaction
from pressmon.web.throttle import FailureRecord


class LoginFailureStore:
    """FailureRecord per name; stale unlocked rows are dropped as new failures arrive."""

    def __init__(
        self,
        path: Path | str,
        *,
        clock: Callable[[], datetime],
        keep: timedelta = timedelta(hours=24),
    ) -> None:
        self.path = Path(path)
        self._clock = clock
        self._keep = keep
        open_state_db(self.path).close()

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self.path)

    def get(self, key: str) -> FailureRecord:
        with self._connect() as db:
            row = db.execute(
                "SELECT failures, last_failure_at, locked_at FROM login_failures "
                "WHERE username = ?",
                (key,),
            ).fetchone()
        if row is None:
            return FailureRecord()
        return FailureRecord(row[0], datetime.fromisoformat(row[1]), row[2] is not None)

    def put(self, key: str, record: FailureRecord) -> None:
        now = self._clock()
        at = (record.last_failure or now).isoformat()
        with self._connect() as db:
            db.execute(
                "DELETE FROM login_failures WHERE locked_at IS NULL AND last_failure_at < ?",
                ((now - self._keep).isoformat(),),
            )
            db.execute(
                "INSERT INTO login_failures VALUES (?, ?, ?, ?) ON CONFLICT(username) DO UPDATE "
                "SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, "
                "locked_at = COALESCE(login_failures.locked_at, excluded.locked_at)",
                (key, record.failures, at, at if record.locked else None),
            )

    def clear(self, key: str) -> None:
        with self._connect() as db:
            db.execute("DELETE FROM login_failures WHERE username = ?", (key,))

    def locked(self) -> dict[str, datetime]:
        """Locked name -> when it was locked."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT username, locked_at FROM login_failures WHERE locked_at IS NOT NULL"
            ).fetchall()
        return {name: datetime.fromisoformat(at) for name, at in rows}
