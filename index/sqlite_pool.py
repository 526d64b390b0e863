"""A small pool of read-only SQLite connections, so readers never wait for each other.

In WAL mode any number of readers run beside the one writer, each on its own connection, and
sqlite3 releases the GIL while a statement runs: with a pool, concurrent web requests read in
parallel instead of queueing behind one shared connection and its lock.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class ReadPool:
    """Up to `size` connections made by `connect` on first need; a borrower waits only when all
    `size` are busy."""

    def __init__(self, connect: Callable[[], sqlite3.Connection], size: int) -> None:
        self._connect = connect
        self._size = size
        self._idle: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._made: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        conn = self._borrow()
        try:
            yield conn
        finally:
            self._idle.put(conn)

    def _borrow(self) -> sqlite3.Connection:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._closed:
                raise sqlite3.ProgrammingError("Cannot operate on a closed archive.")
            if len(self._made) < self._size:
                conn = self._connect()
                self._made.append(conn)
                return conn
        return self._idle.get()

    def close(self) -> None:
        """Close every connection (callers must have returned theirs)."""
        with self._lock:
            self._closed = True
            for conn in self._made:
                conn.close()
            self._made.clear()
