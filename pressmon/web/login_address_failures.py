"""Failed sign-ins per client address, in the state database beside the per-account ones
(pressmon.web.login_failures), so every worker of `pressmon serve --workers N` counts the same
window; the table is state-DB version 7."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pressmon.state_db import open_state_db, transaction


class LoginAddressFailureStore:
    """One row per failed sign-in; the rule counting them is pressmon.web.throttle.AddressWindow."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        open_state_db(self.path).close()

    def recent(self, address: str, since: datetime) -> list[datetime]:
        """When `address` failed later than `since`, oldest first."""
        with transaction(self.path) as db:
            rows = db.execute(
                "SELECT failed_at FROM login_address_failures "
                "WHERE address = ? AND failed_at > ? ORDER BY failed_at",
                (address, since.isoformat()),
            ).fetchall()
        return [datetime.fromisoformat(row[0]) for row in rows]

    def add(self, address: str, at: datetime, forget_up_to: datetime) -> None:
        """Record a failure of `address` at `at`; rows of every address at or before
        `forget_up_to` go, so the table holds one window's worth."""
        with transaction(self.path) as db:
            db.execute(
                "DELETE FROM login_address_failures WHERE failed_at <= ?",
                (forget_up_to.isoformat(),),
            )
            db.execute(
                "INSERT INTO login_address_failures (address, failed_at) VALUES (?, ?)",
                (address, at.isoformat()),
            )
