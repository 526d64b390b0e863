"""A crawl or worker whose stories' Redis goes down mid-run: the batch is archived in this run's
stories, the crawl stops with the finish reason `stories_unavailable` (said by `crawl` and
`worker`), and the batches after it are archived without asking Redis again. Real redis-server,
stopped mid-run; its client gives up at once, where a worker's retries for about a minute."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from crawlers.distributed.keys import RedisKeys
from crawlers.distributed.stories import RedisStories
from crawlers.errors import STORIES_UNAVAILABLE
from crawlers.items import ArticleItem, ExtractedArticle
from crawlers.spiders.source import SourceSpider
from crawlers.state import CrawlState
from index import open_archive
from pressmon import wiring
from pressmon.crawl_pipeline import ArchivePipeline
from pressmon.evidence.keeper import EvidenceKeeper
from pressmon.review.changes import ChangeStore
from pressmon.settings import load_sources
from tests.distributed.conftest import RedisServer
from tests.story_copies import POST, TITLE, LowFlagger, story_settings

NOW = datetime(2026, 8, 3, 8, 0, tzinfo=UTC)


class Engine:
    """Scrapy's engine as the pipeline stops it: the reasons asked."""

    def __init__(self) -> None:
        self.reasons: list[str] = []

    async def close_spider_async(self, *, reason: str) -> None:
        self.reasons.append(reason)


def _item(source_id: str, url: str, text: str) -> ArticleItem:
    article = ExtractedArticle(
        url=url, canonical_url=url, title=TITLE, body=text, published_at=NOW, date_source="input"
    )
    return ArticleItem(article=article, source_id=source_id, crawled_at=NOW, url_id=url)


def test_redis_stopping_mid_crawl_stops_it_as_stories_unavailable_and_loses_no_article(
    tmp_path: Path, redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wiring, "flagger_from", lambda settings: LowFlagger())
    # No reactor here: the engine's close is run at once rather than scheduled on it.
    monkeypatch.setattr("pressmon.crawl_pipeline.deferred_from_coro", asyncio.run)
    settings = story_settings(tmp_path, redis_url=redis_server.url)
    stories = RedisStories(redis_server.client(), RedisKeys(), keep=wiring.STORY_WINDOW)
    state = CrawlState(settings.archive.state_path)
    spider = SourceSpider(load_sources(settings.sources_file).sources, state)
    engine = Engine()
    alerts = SimpleNamespace(
        notifier=SimpleNamespace(notify=lambda documents: 0), close=lambda seconds: None
    )
    pipeline = ArchivePipeline(
        wiring.processor_from(settings, stories),
        open_archive("sqlite", path=settings.archive.path),
        EvidenceKeeper.from_settings(settings),
        SimpleNamespace(spider=spider, engine=engine),
        alerts,  # type: ignore[arg-type]
        ChangeStore(settings.archive.state_path),
        batch_size=1,
        shared_stories=stories,
    )
    pipeline.process_item(_item("baomau", "https://baomau.vn/vssid.html", POST))
    assert stories.last_story_row() == 1 and not engine.reasons
    redis_server.shutdown()
    pipeline.process_item(_item("diendan", "https://diendan.vn/bai-54.html", f"Chia sẻ: {POST}"))
    assert engine.reasons == [STORIES_UNAVAILABLE]
    pipeline.process_item(_item("diendan", "https://diendan.vn/bai-55.html", f"Lại: {POST}"))
    pipeline.close_spider()
    state.close()
    assert engine.reasons == [STORIES_UNAVAILABLE]  # asked once; the later batch did not retry
    with open_archive("sqlite", path=settings.archive.path) as archive:
        documents = list(archive.iter_documents())
    assert len(documents) == 3  # every batch archived
    assert len({document.story_id for document in documents}) == 1  # in this run's stories
