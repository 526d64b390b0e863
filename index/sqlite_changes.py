"""Read results kept until the archive changes: `PRAGMA data_version` on a connection of its own
moves whenever any other connection, in any process, commits to the file.

The review queue asks for the same few thousand flagged rows on every view; between commits the
answer cannot differ, so it is computed once per change instead of once per reviewer.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class ChangeMemo(Generic[V]):
    """`get(key, compute)`: compute's value, again only after a commit to the file."""

    def __init__(self, conn: sqlite3.Connection, max_entries: int = 32) -> None:
        self._conn = conn  # used for data_version only: it must never write
        self._max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[int, V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[V | None], V]) -> V:
        """`compute(kept)` is given the value kept from before the commit (None when there is
        none), so that it can reuse what the commit did not change."""
        # The version is read before computing: a commit landing during compute leaves an
        # older version beside a newer value, so the next call recomputes (never stale).
        with self._lock:
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            found = self._entries.get(key)
            if found is not None and found[0] == version:
                self._entries.move_to_end(key)
                return found[1]
        value = compute(found[1] if found is not None else None)
        with self._lock:
            self._entries[key] = (version, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)
        return value

    def close(self) -> None:
        with self._lock:
            self._conn.close()
