"""Sign-in attempts per client address, in the state database beside the per-account failures
(pressmon.web.login_failures), so every worker of `pressmon serve --workers N` counts the same
window; the table is state-DB version 7 (its `failed_at` is when the attempt was admitted)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pressmon.state_db import open_state_db, transaction


class LoginAddressFailureStore:
    """One row per sign-in attempt admitted; a row stays when its attempt failed. The rule
    counting them is pressmon.web.throttle.AddressWindow."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        open_state_db(self.path).close()

    def admit(self, address: str, at: datetime, since: datetime, limit: int) -> int | None:
        """Count an attempt of `address` at `at` unless `limit` attempts are held later than
        `since`: its row id, or None. Rows of every address at or before `since` go, so the
        table holds one window's worth."""
        with transaction(self.path) as db:
            # The write lock first: the count and the insert are one step for all workers.
            db.execute("BEGIN IMMEDIATE")
            db.execute(
                "DELETE FROM login_address_failures WHERE failed_at <= ?", (since.isoformat(),)
            )
            (held,) = db.execute(
                "SELECT count(*) FROM login_address_failures WHERE address = ? AND failed_at > ?",
                (address, since.isoformat()),
            ).fetchone()
            if held >= limit:
                return None
            cursor = db.execute(
                "INSERT INTO login_address_failures (address, failed_at) VALUES (?, ?)",
                (address, at.isoformat()),
            )
            return cursor.lastrowid

    def withdraw(self, attempt: int) -> None:
        """The attempt succeeded: it no longer counts."""
        with transaction(self.path) as db:
            db.execute("DELETE FROM login_address_failures WHERE rowid = ?", (attempt,))

    def recent(self, address: str, since: datetime) -> list[datetime]:
        """When `address` attempted later than `since` (still counted), oldest first."""
        with transaction(self.path) as db:
            rows = db.execute(
                "SELECT failed_at FROM login_address_failures "
                "WHERE address = ? AND failed_at > ? ORDER BY failed_at",
                (address, since.isoformat()),
            ).fetchall()
        return [datetime.fromisoformat(row[0]) for row in rows]
