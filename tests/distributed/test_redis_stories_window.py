"""The stories list in Redis grew by a row (~600 bytes) per article for ever, and every process
read all of it at start, while only the rows of the last `STORY_WINDOW` are ever matched. Rows
past the window are now dropped from its head as processes share, a row's position counting the
dropped ones, so what each process reads, and the length check of the append, are as before.
Real redis-server."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crawlers.distributed.keys import RedisKeys
from crawlers.distributed.stories import RedisStories, Row
from crawlers.errors import SharedStoriesError
from crawlers.state import CrawlState
from pressmon import wiring
from tests.distributed.conftest import RedisServer
from tests.story_copies import story_settings

KEYS = RedisKeys("t")
KEEP = timedelta(days=61)


@dataclass
class Clock:
    at: datetime

    def __call__(self) -> datetime:
        return self.at


def _share(stories: RedisStories, after: int, *mine: Row) -> tuple[int, list[Row]]:
    """`mine` shared after row `after`: where the list ends now, and the rows heard."""
    heard: list[Row] = []

    def assign(others: list[Row]) -> list[Row]:
        heard.extend(others)
        return list(mine)

    return stories.share_stories(after, assign), heard


def test_rows_past_the_window_leave_redis_and_every_position_still_holds(
    redis_server: RedisServer,
) -> None:
    server = redis_server.client()
    clock = Clock(datetime(2026, 1, 1, tzinfo=UTC))
    stories = RedisStories(server, KEYS, keep=KEEP, now=clock)
    first, _ = _share(stories, 0, ("old", "old", 1))
    clock.at += timedelta(days=30)
    _share(stories, first, ("mid", "mid", 2))
    clock.at += timedelta(days=40)  # "old" is 70 days old, "mid" 40
    window = stories.stories(since=clock.at - KEEP)
    last, _ = _share(stories, 0, ("new", "mid", 3))
    assert server.llen(KEYS.stories) == 2  # "old" left Redis
    assert last == stories.last_story_row() == 3  # positions count it still
    _, heard = _share(stories, first)  # a process that read up to "old" before the drop
    assert heard == [("mid", "mid", 2), ("new", "mid", 3)]
    assert stories.stories(since=clock.at - KEEP) == [*window, ("new", "mid", 3)]


def test_at_most_drop_most_rows_go_in_one_step(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("crawlers.distributed.stories.DROP_MOST", 2)
    server = redis_server.client()
    clock = Clock(datetime(2026, 1, 1, tzinfo=UTC))
    stories = RedisStories(server, KEYS, keep=KEEP, now=clock)
    last, _ = _share(stories, 0, *[(f"a{n}", f"a{n}", n) for n in range(5)])
    clock.at += KEEP * 2
    _share(stories, last)
    assert server.llen(KEYS.stories) == 3
    _share(stories, last)
    assert server.llen(KEYS.stories) == 1
    _share(stories, last)
    assert server.llen(KEYS.stories) == 0 and stories.last_story_row() == 5


def test_a_drop_by_another_process_past_an_expired_lock_still_refuses_the_stale_append(
    redis_server: RedisServer,
) -> None:
    """A stalled process read the list, its lock expired, and another dropped a row and appended
    one: the list is as long as it read, yet the rows it assigned against are not the list's."""
    server = redis_server.client()
    clock = Clock(datetime(2026, 1, 1, tzinfo=UTC))
    first, _ = _share(RedisStories(server, KEYS, keep=KEEP, now=clock), 0, ("old", "old", 1))
    clock.at += KEEP * 2
    stalled = RedisStories(server, KEYS, lock_seconds=0.05, keep=KEEP, now=clock)
    other = RedisStories(server, KEYS, keep=KEEP, now=clock)

    def assign(others: list[Row]) -> list[Row]:
        time.sleep(0.2)  # past the stalled process's lock
        _share(other, first, ("b", "b", 7))
        return [("c", "c", 7)]  # a story founded without hearing "b", a copy of the same text

    with pytest.raises(SharedStoriesError, match="hết hạn khi đang gán nội dung"):
        stalled.share_stories(first, assign)
    assert other.stories(since=clock.at - KEEP) == [("b", "b", 7)]


def test_crawls_ingests_and_workers_keep_past_the_window_they_read(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    settings = story_settings(tmp_path, redis_url=redis_server.url)
    state = CrawlState(settings.archive.state_path)
    try:
        memory = wiring.story_memory_from(settings, state)
    finally:
        state.close()
    assert isinstance(memory, RedisStories)
    assert memory.keep is not None and memory.keep > wiring.STORY_WINDOW
