"""The stories of every process sharing one Redis: distributed workers on any host, and a crawl
or ingest configured with the same Redis, join one story for copies of one text.

Same shape as `crawlers.state.CrawlState`'s stories (a state file is shared by one host's
processes only): an append-only list read from the caller's position, the read, assignment and
append done by one process at a time under a lock with an expiry. The append also checks that
the list is as long as what was read, so a lock that expired under a stalled process raises
rather than letting two processes found two stories for one text.

Rows older than `keep` are dropped from the head as each step reads: no process started since
reads them, so the list holds the window's rows rather than every article ever. A row's position
counts the dropped rows too (`RedisKeys.stories_dropped`), so a process's place in the list, and
the append's length check, hold across a drop.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

import redis

from crawlers.distributed.connection import connect, connection_problem, ping_once
from crawlers.distributed.keys import RedisKeys
from crawlers.errors import SharedStoriesError

log = logging.getLogger(__name__)

Row = tuple[str, str, int]  # article id, story id, fingerprint

# Positions below count the rows dropped from the head (KEYS[2]) as well as those in the list.
# Drops the leading rows seen before ARGV[2] (at most ARGV[3] of them, so one step never holds
# Redis long; '' drops none), stopping at the first newer one: the rows are in the order shared,
# their times only nearly so across hosts, and no newer row goes. Then where the list ends and
# its rows from position ARGV[1].
_READ = """
local cutoff, most = ARGV[2], tonumber(ARGV[3])
local first = redis.call('LINDEX', KEYS[1], 0)
if cutoff ~= '' and first and cjson.decode(first)[4] < cutoff then
  local old = 0
  for _, entry in ipairs(redis.call('LRANGE', KEYS[1], 0, most - 1)) do
    if cjson.decode(entry)[4] >= cutoff then break end
    old = old + 1
  end
  redis.call('LTRIM', KEYS[1], old, -1)
  redis.call('INCRBY', KEYS[2], old)
end
local dropped = tonumber(redis.call('GET', KEYS[2]) or '0')
local from = math.max(tonumber(ARGV[1]) - dropped, 0)
return {dropped + redis.call('LLEN', KEYS[1]), redis.call('LRANGE', KEYS[1], from, -1)}
"""
# Appends ARGV[2:] when the list still ends at position ARGV[1] (all read by the caller); where
# it ends then, or -1 when another process appended in between.
_APPEND = """
local dropped = tonumber(redis.call('GET', KEYS[2]) or '0')
if dropped + redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return -1 end
if #ARGV > 1 then redis.call('RPUSH', KEYS[1], unpack(ARGV, 2)) end
return dropped + redis.call('LLEN', KEYS[1])
"""
# The most rows one step drops: a few milliseconds of Redis; a backlog goes over a few steps.
DROP_MOST = 10_000
# Releases the lock only when it is still this holder's (not another's after an expiry).
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def open_stories(url: str, keys: RedisKeys, *, keep: timedelta | None = None) -> RedisStories:
    """The stories shared at the Redis of `url`, checked reachable first (`check_reachable`).

    Raises:
        SharedStoriesError: Redis unreachable, refusing the login, or not answering.
    """
    check_reachable(url)
    return RedisStories(connect(url), keys, keep=keep)


def check_reachable(url: str) -> None:
    """A Redis down said within seconds, before a crawl or ingest reads or writes anything, not
    after the client's minute of retries.

    Raises:
        SharedStoriesError: Redis unreachable, refusing the login, or not answering.
    """
    try:
        ping_once(url)
    except redis.RedisError as err:
        log.info("Redis của nội dung chung: %s", err)  # the client's own words, for -v
        raise SharedStoriesError(
            f"không kết nối được Redis để đọc, ghi nội dung chung: {connection_problem(err)}"
        ) from err


class RedisStories:
    def __init__(
        self,
        server: redis.Redis,
        keys: RedisKeys,
        *,
        lock_seconds: float = 30.0,
        wait_seconds: float = 60.0,
        keep: timedelta | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        """`keep`: how long a row stays in the list (None: for ever)."""
        self.server = server
        self.keys = keys
        self.lock_ms = int(lock_seconds * 1000)  # far beyond one batch's assignment (ms)
        self.wait_seconds = wait_seconds
        self.keep = keep
        self.now = now
        self._read = server.register_script(_READ)
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
                now = self.now()
                cutoff = (now - self.keep).isoformat() if self.keep is not None else ""
                length, raw = self._read(keys=self._log, args=[after, cutoff, DROP_MOST])
                if length < after:
                    raise self._lost(length, after)
                mine = assign([_row(entry) for entry in raw])
                entries = [
                    json.dumps([a, story, format(fingerprint, "x"), now.isoformat()])
                    for a, story, fingerprint in mine
                ]
                last = int(self._append(keys=self._log, args=[length, *entries]))
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
            pipe = self.server.pipeline()  # one transaction: no drop between the two reads
            pipe.get(self.keys.stories_dropped)
            pipe.llen(self.keys.stories)
            dropped, length = pipe.execute()
            return int(dropped or 0) + int(length)
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

    @property
    def _log(self) -> list[str]:
        """The keys the scripts read: the list, and the count of rows dropped from its head."""
        return [self.keys.stories, self.keys.stories_dropped]

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
