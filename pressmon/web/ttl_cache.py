"""A small thread-safe cache whose entries expire: for figures every reviewer asks for alike.

The coverage dashboard's figures depend only on the date range and the archive, take ~20 count
queries to compute, and are the same for every reviewer: serving them for `max_age` seconds
turns twenty identical computations into one. Articles ingested meanwhile show up by then.
When an entry expires, one request recomputes it while the others are served the expired value
instead of all computing it at once (which, on a busy archive, made every dashboard wait).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class TtlCache(Generic[V]):
    def __init__(
        self,
        max_age: float,
        *,
        max_entries: int = 64,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_age = max_age
        self._max_entries = max_entries
        self._clock = clock
        self._entries: OrderedDict[Hashable, tuple[float, V]] = OrderedDict()
        self._computing: set[Hashable] = set()  # keys an expired value is being recomputed for
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        """The value for `key`, computed (outside the lock) when absent or older than max_age;
        while one request recomputes an expired value the others get the expired one. Two
        requests missing an absent key at once both compute: there is nothing to serve yet."""
        now = self._clock()
        with self._lock:
            found = self._entries.get(key)
            if found is not None and now - found[0] <= self.max_age:
                self._entries.move_to_end(key)
                return found[1]
            if found is not None and key in self._computing:
                return found[1]
            self._computing.add(key)
        try:
            value = compute()
        finally:
            with self._lock:
                self._computing.discard(key)
        with self._lock:
            self._entries[key] = (now, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)
        return value
