"""Copies of one post fetched by workers on two hosts are one story: each host's state file held
its own stories, so two copies got two story ids (two groups in the queue, counted twice by
`counts --stories`). With a Redis, the stories are shared through it. Real redis-server."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from crawlers.distributed.keys import RedisKeys
from crawlers.distributed.stories import RedisStories, Row
from crawlers.errors import SharedStoriesError
from crawlers.state import CrawlState
from crawlers.urls import article_id, canonicalize_url
from index import open_archive
from pressmon import wiring
from pressmon.ingest import ingest_parsed, parse_lines
from pressmon.settings import Settings
from tests.distributed.conftest import RedisServer
from tests.story_copies import POST, TITLE, LowFlagger, story_settings
from vntext.stories import StoryClusterer


def _host(tmp_path: Path, name: str, redis_url: str) -> Settings:
    """One host's settings: its own state file, the shared Redis."""
    return story_settings(tmp_path, name, redis_url)


def _ingest(settings: Settings, url: str, text: str) -> str | None:
    """`url` ingested on the host of `settings`; the story it joined."""
    record = {"title": TITLE, "text": text, "url": url, "published_at": "2026-08-03T14:34"}
    line = json.dumps(record, ensure_ascii=False)
    state = CrawlState(settings.archive.state_path)
    try:
        stories = wiring.story_memory_from(settings, state)
        processor = wiring.processor_from(settings, stories)
        with open_archive("sqlite", path=settings.archive.path) as archive:
            notifier = wiring.notifier_from(settings)
            ingest_parsed(
                parse_lines([line], settings.tz), settings, processor, archive, stories, notifier
            )
            document = archive.get(article_id(canonicalize_url(url), ()))
    finally:
        state.close()
    assert document is not None
    return document.story_id


def test_copies_stored_on_two_hosts_sharing_a_redis_are_one_story(
    tmp_path: Path, redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wiring, "flagger_from", lambda settings: LowFlagger())
    first = _host(tmp_path, "host-a", redis_server.url)
    second = _host(tmp_path, "host-b", redis_server.url)
    original = _ingest(first, "https://baomau.vn/vssid.html", POST)
    copy = _ingest(second, "https://diendan.vn/bai-54.html", f"Chia sẻ lại: {POST}")
    assert original is not None and copy == original


def test_two_workers_assigning_copies_at_the_same_moment_make_one_story(
    redis_server: RedisServer,
) -> None:
    keys = RedisKeys("t")
    start = threading.Barrier(2)
    found: list[str] = []

    def worker(doc_id: str, text: str) -> None:
        stories = RedisStories(redis_server.client(), keys)
        clusterer = StoryClusterer()

        def assign(others: list[Row]) -> list[Row]:
            for other, story, fingerprint in others:
                clusterer.add(other, fingerprint, story)
            story = clusterer.assign(doc_id, text)
            found.append(story)
            return [(doc_id, story, clusterer.fingerprint_of(doc_id))]

        start.wait()
        stories.share_stories(0, assign)

    threads = [
        threading.Thread(target=worker, args=("a", POST)),
        threading.Thread(target=worker, args=("b", f"Chia sẻ lại: {POST}")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == 2 and len(set(found)) == 1
    assert RedisStories(redis_server.client(), keys).last_story_row() == 2


def _assigned(stories: RedisStories, doc_id: str, text: str) -> str:
    clusterer = StoryClusterer()
    found: list[str] = []

    def assign(others: list[Row]) -> list[Row]:
        for other, story, fingerprint in others:
            clusterer.add(other, fingerprint, story)
        found.append(clusterer.assign(doc_id, text))
        return [(doc_id, found[0], clusterer.fingerprint_of(doc_id))]

    stories.share_stories(0, assign)
    return found[0]


def test_workers_under_another_prefix_keep_their_own_stories(redis_server: RedisServer) -> None:
    server = redis_server.client()
    assert _assigned(RedisStories(server, RedisKeys("a")), "a", POST) == "a"
    assert _assigned(RedisStories(server, RedisKeys("b")), "b", f"Chia sẻ lại: {POST}") == "b"
    assert _assigned(RedisStories(server, RedisKeys("a")), "c", f"Bản khác: {POST}") == "a"


def test_redis_down_is_an_error_not_a_story_of_its_own(redis_server: RedisServer) -> None:
    stories = RedisStories(redis_server.client(), RedisKeys("t"))
    redis_server.shutdown()
    with pytest.raises(SharedStoriesError, match="không đọc, ghi được nội dung chung trên Redis"):
        _assigned(stories, "a", POST)
