"""The stories of every process sharing one Redis: distributed workers on any host, and a crawl
or ingest configured with the same Redis, join one story for copies of one text.

Same shape as `crawlers.state.CrawlState`'s stories (a state file is shared by one host's
processes only): an append-only list read from the caller's position, the read, assignment and
append done by one process at a time under a lock with an expiry. The append also checks that
the list is as long as what was read, so a lock that expired under a stalled process raises
rather than letting two processes found two stories for one text.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

import redis

from crawlers.distributed.keys import RedisKeys
from crawlers.errors import SharedStoriesError

Row = tuple[str, str, int]  # article id, story id, fingerprint

# Appends ARGV[2:] when the list still holds ARGV[1] rows (all read by the caller); its new
# length, or -1 when another process appended in between.
_APPEND = """
if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return -1 end
if #ARGV > 1 then redis.call('RPUSH', KEYS[1], unpack(ARGV, 2)) end
return redis.call('LLEN', KEYS[1])
"""
# Releases the lock only when it is still this holder's (not another's after an expiry).
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisStories:
    def __init__(
        self,
        server: redis.Redis,
        keys: RedisKeys,
        *,
        lock_seconds: float = 30.0,
        wait_seconds: float = 60.0,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.server = server
        self.keys = keys
        self.lock_ms = int(lock_seconds * 1000)  # far beyond one batch's assignment (ms)
        self.wait_seconds = wait_seconds
        self.now = now
        self._append = server.register_script(_APPEND)
        self._release = server.register_script(_RELEASE)

    def share_stories(self, after: int, assign: Callable[[list[Row]], Iterable[Row]]) -> int:
        """One step for every process sharing the Redis: `assign` hears the rows shared after
        row `after`, and the rows it returns are shared before any other process assigns; the
        last row now, for the next call's `after`.

        Raises:
            SharedStoriesError: Redis unreachable or refusing writes, the lock held past
                `wait_seconds`, or the list shorter than `after` (Redis lost it).
        """
        try:
            token = self._lock()
            try:
                pipe = self.server.pipeline()
                pipe.llen(self.keys.stories)
                pipe.lrange(self.keys.stories, after, -1)
                length, raw = pipe.execute()
                if length < after:
                    raise self._lost(length, after)
                mine = assign([_row(entry) for entry in raw])
                seen_at = self.now().isoformat()
                entries = [
                    json.dumps([a, story, format(fingerprint, "x"), seen_at])
                    for a, story, fingerprint in mine
                ]
                last = int(self._append(keys=[self.keys.stories], args=[length, *entries]))
            finally:
                self._release(keys=[self.keys.stories_lock], args=[token])
        except redis.RedisError as err:
            raise SharedStoriesError(
                f"không đọc, ghi được nội dung chung trên Redis: {err}"
            ) from err
        if last < 0:
            raise SharedStoriesError(
                f"khóa {self.keys.stories_lock} hết hạn khi đang gán nội dung và một tiến trình "
                "khác đã ghi thêm: lô này không được ghi vào nội dung chung"
            )
        return last

    def last_story_row(self) -> int:
        """The row the stories shared so far end at: `share_stories` reads the later ones."""
        try:
            return int(self.server.llen(self.keys.stories))
        except redis.RedisError as err:
            raise SharedStoriesError(f"không đọc được nội dung chung trên Redis: {err}") from err

    def stories(self, since: datetime) -> list[Row]:
        """The rows shared at `since` or later, in the order shared."""
        try:
            raw = self.server.lrange(self.keys.stories, 0, -1)
        except redis.RedisError as err:
            raise SharedStoriesError(f"không đọc được nội dung chung trên Redis: {err}") from err
        cutoff = since.isoformat()
        rows = [json.loads(entry) for entry in raw]
        return [(a, story, int(fp, 16)) for a, story, fp, seen_at in rows if seen_at >= cutoff]

    def _lock(self) -> str:
        token = uuid.uuid4().hex
        deadline = time.monotonic() + self.wait_seconds
        while not self.server.set(self.keys.stories_lock, token, nx=True, px=self.lock_ms):
            if time.monotonic() > deadline:
                raise SharedStoriesError(
                    f"khóa {self.keys.stories_lock} trên Redis bị giữ quá "
                    f"{self.wait_seconds:g} giây: chưa gán được nội dung cho lô bài này"
                )
            time.sleep(0.01)
        return token

    def _lost(self, length: int, after: int) -> SharedStoriesError:
        return SharedStoriesError(
            f"Redis chỉ còn {length} trong {after} dòng nội dung chung đã đọc ({self.keys.stories}"
            " bị xóa, hoặc Redis khởi động lại không lưu dữ liệu): khởi động lại các worker để "
            "đọc lại từ đầu"
        )


def _row(entry: bytes) -> Row:
    article, story, fingerprint, _ = json.loads(entry)
    return article, story, int(fingerprint, 16)
