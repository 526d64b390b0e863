"""Write-ahead logging for a SQLite file that several processes may open at the same moment."""

from __future__ import annotations

import sqlite3
import time

_FIRST_PAUSE_SECONDS = 0.01
_LONGEST_PAUSE_SECONDS = 0.2


def use_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Put `conn`'s database in WAL mode, waiting up to `timeout` seconds for other openers.

    The switch needs the file to itself. Two processes creating it at once (two web workers
    on a new data directory) each hold a read lock while waiting for the other's to go, and
    SQLite answers that deadlock with "database is locked" at once, without calling the busy
    handler the timeout sets: so the waiting is done here, with the same deadline.

    Raises:
        sqlite3.OperationalError: still locked at the deadline, or any other failure.
    """
    deadline = time.monotonic() + timeout
    pause = _FIRST_PAUSE_SECONDS
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, _LONGEST_PAUSE_SECONDS)
