"""Login rate limiting: after N failures for one username from one address, refuse for a while."""

from __future__ import annotations

import threading
from collections import defaultdict, deque
from collections.abc import Callable
from datetime import datetime, timedelta


class LoginThrottle:
    def __init__(
        self,
        clock: Callable[[], datetime],
        *,
        max_failures: int = 5,
        window: timedelta = timedelta(minutes=15),
    ) -> None:
        self._clock = clock
        self.max_failures = max_failures
        self.window = window
        self._failures: dict[tuple[str, str], deque[datetime]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str]) -> deque[datetime]:
        failures = self._failures[key]
        cutoff = self._clock() - self.window
        while failures and failures[0] <= cutoff:
            failures.popleft()
        return failures

    def blocked(self, username: str, address: str) -> bool:
        with self._lock:
            return len(self._recent((username.strip().lower(), address))) >= self.max_failures

    def failed(self, username: str, address: str) -> None:
        with self._lock:
            self._recent((username.strip().lower(), address)).append(self._clock())

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            self._failures.pop((username.strip().lower(), address), None)
