"""The item pipeline: relevant articles are attributed, flagged in batches and archived; the
response each flagged one was read from is kept as evidence (pressmon.evidence). A stored article
fetched again because it changed updates its archive entry in place when its text or date did,
and its audit trail says so when someone had acted on it (pressmon.review.changes).

Reads PRESSMON_SETTINGS (the run's pressmon Settings) and PRESSMON_BATCH_SIZE from the crawler's
settings; `pressmon.crawl.crawl_settings` puts them there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro

from crawlers.errors import STORIES_UNAVAILABLE, CrawlStateError, SharedStoriesError
from crawlers.items import ArticleItem, FetchedResponse
from crawlers.outcomes import IRRELEVANT, STORED, UNCHANGED, UPDATED
from crawlers.settings import required
from crawlers.state import CrawlState, FetchedURL
from index.base import Archive
from index.types import Document
from pressmon.alerts.dispatch import CLOSE_SECONDS, BackgroundDispatcher
from pressmon.article_updates import changed_fields, updated_document
from pressmon.errors import StateDatabaseUnusable
from pressmon.evidence.keeper import EvidenceKeeper, is_flagged
from pressmon.processing import ArticleProcessor, Prepared, StoryMemory
from pressmon.review.changes import ChangeStore, record_content_changes
from pressmon.settings import Settings
from pressmon.wiring import (
    DEFAULT_REDIS_PREFIX,
    archive_from,
    notifier_from,
    processor_from,
    story_memory_from,
)

log = logging.getLogger(__name__)


class ArchivePipeline:
    """Drops articles not about social insurance; flags and upserts the rest in batches.

    Flagging is batched because the classifier tokenises many texts faster than one at a time.
    A URL is marked done in the crawl state only after its batch is committed and its alerts
    queued; they are sent on the dispatcher's thread, so a slow or failing mail server never
    holds up the crawl nor loses an item.

    A stored article fetched again (`ArticleItem.refetch`) is compared with its archive entry:
    the same text and date count as unchanged and write nothing; otherwise the entry is updated
    in place, flagged again, and its new response kept as another saved copy if it is flagged;
    if anyone had acted on the item, its audit trail gets the system's event saying what changed
    and it is marked in the queue until someone acts on it again (its decision stays).

    A state database that cannot be written (crawlers.errors.CrawlStateError, or
    pressmon.errors.StateDatabaseUnusable from its saved copies, audit marks and alerts) stops
    the crawl: the articles read are still archived, except updates whose audit event cannot be
    listed; their URLs are not marked (the next run reads them again) and their saved copies and
    alerts are recorded then; the run's health is still tried once when it closes.

    Stories shared through Redis (`pressmon.wiring.story_memory_from`) that cannot be read or
    written (crawlers.errors.SharedStoriesError) stop the crawl too, said as its finish reason
    (STORIES_UNAVAILABLE): the batch and those after it are archived in this run's stories alone.
    """

    def __init__(
        self,
        processor: ArticleProcessor,
        archive: Archive,
        evidence: EvidenceKeeper,
        crawler: Any,
        alerts: BackgroundDispatcher,
        changes: ChangeStore,
        batch_size: int = 50,
        shared_stories: StoryMemory | None = None,
    ) -> None:
        self.crawler = crawler
        self.processor = processor
        self.archive = archive
        self.evidence = evidence
        self.alerts = alerts
        self.changes = changes
        self.batch_size = batch_size
        self.shared_stories = shared_stories  # Redis's; None: the spider's state database
        self.stories_error: SharedStoriesError | None = None
        self._batch: list[tuple[Prepared, ArticleItem]] = []
        # Per document of the batch updated in place: its archived version and what changed.
        self._earlier: dict[str, tuple[Document, tuple[str, ...]]] = {}
        self._closing = False

    @classmethod
    def from_crawler(cls, crawler: Any) -> ArchivePipeline:
        settings: Settings = required(crawler.settings, "PRESSMON_SETTINGS")
        batch_size = required(crawler.settings, "PRESSMON_BATCH_SIZE")
        state = CrawlState(settings.archive.state_path)
        prefix = crawler.settings.get("PRESSMON_REDIS_PREFIX", DEFAULT_REDIS_PREFIX)
        stories = story_memory_from(settings, state, prefix)
        try:
            processor = processor_from(settings, stories)
        finally:
            state.close()
        evidence = EvidenceKeeper.from_settings(settings)
        alerts = BackgroundDispatcher(notifier_from(settings)).start()
        changes = ChangeStore(settings.archive.state_path)
        archive = archive_from(settings)
        shared = None if stories is state else stories
        return cls(processor, archive, evidence, crawler, alerts, changes, batch_size, shared)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        spider = self.crawler.spider
        source = spider.sources[item.source_id]
        prepared = self.processor.prepare(item.article, source, item.crawled_at)
        if prepared is None:
            spider.count(item.source_id, IRRELEVANT)
            if item.refetch:
                # The archived copy stays as it was read when it was about social insurance.
                log.warning(
                    "bài đã lưu nay không còn về BHXH, giữ bản đã lưu: %s", item.article.url
                )
            outcome = STORED if item.refetch else IRRELEVANT
            self._write_state(lambda: spider.state.mark_fetched([_fetched(item)], outcome))
            raise DropItem(f"not about social insurance: {item.article.url}", log_level="DEBUG")
        self._batch.append((prepared, item))
        if len(self._batch) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        spider = self.crawler.spider
        if not self._batch:
            return
        self._join_stories()
        outcomes = self._outcomes()
        written = [
            (p, i) for (p, i), o in zip(self._batch, outcomes, strict=True) if o != UNCHANGED
        ]
        documents = self.processor.flag([prepared for prepared, _ in written])
        kept = [
            (document, item.fetched)
            for document, (_, item) in zip(documents, written, strict=True)
            if is_flagged(document) and item.fetched is not None
        ]
        # The saved copy first: an article in the queue always has its evidence on disk.
        self._write_state(lambda: self._keep_evidence(kept))
        self._archive(documents)
        for (_, item), outcome in zip(self._batch, outcomes, strict=True):
            spider.count(item.source_id, outcome)
        fetched = [_fetched(item) for _, item in self._batch]
        self._batch.clear()
        self._earlier.clear()

        def queue_alerts_and_mark() -> None:
            # Alerts before the URLs are marked: a URL not marked is read again next run and its
            # alerts queued then, and an alert is queued once per content, never twice.
            self._queue_alerts(documents)
            spider.state.mark_fetched(fetched, STORED)

        self._write_state(queue_alerts_and_mark)

    def _join_stories(self) -> None:
        """The batch in its stories, shared with the runs beside this one (on any host, through
        Redis); this run's stories alone once the state database or Redis failed (the crawl
        stops, the batch is still stored)."""
        memory = self.shared_stories or self.crawler.spider.state
        prepared = [p for p, _ in self._batch]
        joined: list[Prepared] = []

        def share() -> None:
            joined[:] = self.processor.join_stories(prepared, memory)

        if self.stories_error is not None or not self._share(share):
            joined[:] = self.processor.join_stories(prepared, None)
        self._batch = [(p, item) for p, (_, item) in zip(joined, self._batch, strict=True)]

    def _share(self, share: Callable[[], None]) -> bool:
        """`share` done, or its failure to reach Redis's stories stops the crawl."""
        try:
            return self._write_state(share)
        except SharedStoriesError as err:
            self.stories_error = err
            log.error("dừng thu thập: %s", err)
            if not self._closing:
                engine = self.crawler.engine
                deferred_from_coro(engine.close_spider_async(reason=STORIES_UNAVAILABLE))
            return False

    def _keep_evidence(self, kept: list[tuple[Document, FetchedResponse]]) -> None:
        for document, fetched in kept:
            self.evidence.keep_fetched(document, fetched)

    def _archive(self, documents: list[Document]) -> None:
        """Upsert the batch. Articles updated in place commit with their events in the audit
        trail; when those events cannot be listed in the state database, the updated ones are
        left as archived before (their URLs unmarked, so fetched again next run) and the crawl
        stops."""
        updates = [(d, *self._earlier[d.id]) for d in documents if d.id in self._earlier]
        if not updates:
            self.archive.upsert(documents)
            return
        try:
            with self.archive.writing():
                self.archive.upsert(documents)
                record_content_changes(self.archive, self.changes, updates, datetime.now(UTC))
        except StateDatabaseUnusable as err:
            self._state_failed(err)
            self.archive.upsert([d for d in documents if d.id not in self._earlier])

    def _queue_alerts(self, documents: list[Document]) -> None:
        try:
            if self.alerts.notifier.notify(documents):
                self.alerts.wake()
        except StateDatabaseUnusable:
            raise
        except Exception:  # the items are stored; a broken alert queue must not stop the crawl
            log.exception("không xếp được cảnh báo cho %d bài đã lưu", len(documents))

    def _outcomes(self) -> list[str]:
        """stored (new), updated or unchanged, per document of the batch; an updated one is
        replaced in the batch by what the archive keeps of it (pressmon.article_updates)."""
        refetched = [prepared.document.id for prepared, item in self._batch if item.refetch]
        archived = {d.id: d for d in self.archive.get_many(refetched)} if refetched else {}
        outcomes = []
        for index, (prepared, item) in enumerate(self._batch):
            document = prepared.document
            earlier = archived.get(document.id) if item.refetch else None
            changed = changed_fields(document, earlier) if earlier is not None else ()
            if earlier is None:
                outcomes.append(STORED)
            elif changed:
                updated = replace(prepared, document=updated_document(document, earlier))
                self._batch[index] = (updated, item)
                self._earlier[document.id] = (earlier, changed)
                outcomes.append(UPDATED)
            else:
                outcomes.append(UNCHANGED)
        return outcomes

    def _write_state(self, write: Callable[[], None]) -> bool:
        """Run `write` on the state database unless it already failed this run; whether it was
        done (on a failure, see `_state_failed`)."""
        if self.crawler.spider.state_error is not None:
            return False
        try:
            write()
        except (CrawlStateError, StateDatabaseUnusable) as err:
            self._state_failed(err)
            return False
        return True

    def _state_failed(self, err: CrawlStateError | StateDatabaseUnusable) -> None:
        """The state database could not be written: the crawl stops, or, once it is closing, the
        failure is only kept for its report."""
        spider = self.crawler.spider
        failure = err if isinstance(err, CrawlStateError) else CrawlStateError(err.path, err.cause)
        if self._closing:
            spider.remember_state_error(failure)
        else:
            spider.stop_for_state(failure)

    def close_spider(self) -> None:
        self._closing = True
        spider = self.crawler.spider
        try:
            self.flush()
            try:  # tried even after a failure: the other process may be done by now
                spider.record_health()
            except CrawlStateError as err:
                spider.remember_state_error(err)
        finally:
            self.alerts.close(CLOSE_SECONDS)
            self.archive.close()


def _fetched(item: ArticleItem) -> FetchedURL:
    return FetchedURL(item.url_id, item.article.url, item.source_id, item.version)
