"""Builds the parts from settings: the one place that knows every package's constructor.

The packages are imported inside the builders, not here: a command that only reads the archive
must not pay for scikit-learn and underthesea at start-up (tests/test_cli_start.py).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, TextIO

from pressmon.settings import Settings

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from classifier.flagger import Flagger, FlaggerReferences
    from crawlers.state import CrawlState
    from index.base import Archive
    from index.synonyms import Synonyms
    from pressmon.alerts.dispatch import Notifier
    from pressmon.processing import ArticleProcessor, StoryMemory
    from pressmon.settings import Targets
    from vntext.provinces import Gazetteer


def synonyms_from(settings: Settings) -> Synonyms:
    """The synonym groups of config/synonyms.yaml."""
    from index import Synonyms
    from pressmon.settings import load_synonyms

    return Synonyms.from_forms(load_synonyms(settings.synonyms_file).synonyms)


def archive_from(settings: Settings, *, exporting: bool = False) -> Archive:
    """The archive, searching with the synonym groups of config/synonyms.yaml; `exporting`:
    opened only to export it (`index.open_archive`)."""
    from index import open_archive
    from index.errors import SearchIndexError
    from vntext.syntax_text import read_problem

    synonyms = synonyms_from(settings)
    archive = settings.archive
    if archive.backend == "sqlite":
        try:
            archive.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:  # a file where a folder of the path should be, no permission
            raise SearchIndexError(
                f"không tạo được thư mục {str(archive.path.parent)!r} cho kho lưu trữ: "
                f"{read_problem(err)}"
            ) from err
    return open_archive(
        archive.backend,
        path=archive.path,
        elasticsearch_url=archive.elasticsearch_url,
        index_name=archive.elasticsearch_index,
        timezone=settings.timezone,
        synonyms=synonyms,
        count_limit=archive.count_limit,
        exporting=exporting,
        busy_timeout=archive.busy_timeout,
    )


def flagger_references_from(settings: Settings) -> FlaggerReferences:
    from classifier.flagger import FlaggerReferences

    classifier = settings.classifier
    return FlaggerReferences.load(
        classifier.known_claims, classifier.official_facts, classifier.channels
    )


def flagger_from(settings: Settings, *, train_if_missing: bool = True) -> Flagger:
    from classifier.flagger import Flagger, Thresholds, Weights

    classifier = settings.classifier
    return Flagger.from_files(
        classifier.model_path,
        flagger_references_from(settings),
        Thresholds(review=classifier.review_threshold, urgent=classifier.urgent_threshold),
        weights=Weights(base_rate=classifier.base_rate),
        train_if_missing=train_if_missing,
    )


def crawl_state_from(settings: Settings) -> CrawlState:
    """The crawler's memory; pressmon creates and migrates the state database, crawlers do not."""
    from crawlers.state import CrawlState
    from pressmon.state_db import open_state_db

    open_state_db(settings.archive.state_path).close()
    return CrawlState(settings.archive.state_path)


def gazetteer_from(settings: Settings) -> Gazetteer:
    from vntext.provinces import Gazetteer

    return Gazetteer.load(settings.provinces_file)


def targets_from(settings: Settings) -> Targets:
    """config/targets.yaml, its provinces read as the filters read a typed one (current names)."""
    from pressmon.filters import FilterResolver
    from pressmon.settings import load_targets, with_current_provinces

    targets = load_targets(settings.targets_file)
    province = FilterResolver.build(gazetteer_from(settings), ()).province
    return with_current_provinces(targets, province, settings.targets_file)


# Syndicated copies appear within days of the original; older stories need not stay in memory.
STORY_WINDOW = timedelta(days=60)

# The key prefix of a crawl or ingest, which take no --prefix: the workers' default.
DEFAULT_REDIS_PREFIX = "pressmon"


def story_memory_from(
    settings: Settings, state: CrawlState, prefix: str = DEFAULT_REDIS_PREFIX
) -> StoryMemory:
    """Where this process shares its stories: with a Redis (PRESSMON_REDIS_URL), in Redis under
    `prefix`, for every worker on any host and a crawl or ingest given the same Redis; without,
    in the state database, for the runs on this host.

    Raises:
        SharedStoriesError: the Redis is unreachable (said within seconds).
    """
    if not settings.crawl.redis_url:
        return state
    from crawlers.distributed.keys import RedisKeys
    from crawlers.distributed.stories import open_stories

    # Kept a day past the window: a host whose clock runs ahead drops no row another still reads.
    keep = STORY_WINDOW + timedelta(days=1)
    return open_stories(settings.crawl.redis_url, RedisKeys(prefix), keep=keep)


def check_story_memory(settings: Settings) -> None:
    """`story_memory_from`'s Redis reachable: checked before Scrapy starts, which would log the
    error and leave the crawl to say only that it did not start.

    Raises:
        SharedStoriesError: the Redis is unreachable (said within seconds).
    """
    if settings.crawl.redis_url:
        from crawlers.distributed.stories import check_reachable

        check_reachable(settings.crawl.redis_url)


def processor_from(settings: Settings, state: StoryMemory) -> ArticleProcessor:
    """The processing chain, its story clusters seeded from the stories of recent runs (and
    kept in step with runs beside it, `ArticleProcessor.join_stories`)."""
    from classifier.relevance import RelevanceModel
    from pressmon.processing import ArticleProcessor
    from vntext.stories import StoryClusterer

    clusterer = StoryClusterer()
    # Read first: a story another run shares meanwhile is read again later, never missed.
    story_row = state.last_story_row()
    for article_id, story_id, fingerprint in state.stories(since=datetime.now(UTC) - STORY_WINDOW):
        clusterer.add(article_id, fingerprint, story_id)
    return ArticleProcessor(
        relevance=RelevanceModel.from_yaml(settings.topics_file),
        gazetteer=gazetteer_from(settings),
        flagger=flagger_from(settings),
        clusterer=clusterer,
        story_row=story_row,
    )


def check_processing_config(settings: Settings) -> None:
    """Read the configuration files `processor_from` reads, not the model: input with nothing
    to process still refuses a broken file, without a model trained to score nothing."""
    from classifier.relevance import RelevanceModel

    RelevanceModel.from_yaml(settings.topics_file)
    gazetteer_from(settings)
    flagger_references_from(settings)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _province(settings: Settings) -> Callable[[str], str]:
    """A key of alerts.recipients to the province it names, with the filters' spellings; a
    configuration error naming the key when it names none."""
    from functools import cache

    from pressmon.errors import ConfigError
    from pressmon.filters import FilterResolver, UnknownFilterValue

    # Built on the first province key only: most settings list roles alone.
    resolver = cache(lambda: FilterResolver.build(gazetteer_from(settings), ()))

    def province(key: str) -> str:
        try:
            found = resolver().province(key)
        except UnknownFilterValue as err:
            raise ConfigError(
                f"alerts.recipients: «{key}» không phải vai trò hay tỉnh, thành nào"
                + (f"; gần nhất: {', '.join(err.suggestions)}" if err.suggestions else ""),
                hint="mỗi khóa của [alerts.recipients] là một vai trò (reviewer, lead, admin) "
                "hoặc tên một tỉnh, thành",
            ) from err
        if found.note:  # an old unit's name: said, as wherever a province is typed
            log.warning("Lưu ý: alerts.recipients «%s»: %s", key, found.note)
        return found.value

    return province


# Addresses a link names that open nothing, or only this machine, for whoever receives it.
_LOCAL_HOSTS = frozenset({"127.0.0.1", "::1", "localhost", "0.0.0.0", "::"})


def _warn_of_local_links(settings: Settings) -> None:
    """Alerts leaving this machine (e-mail, webhooks) link to the web app: without
    web.public_url the link is the host and port served, which recipients cannot open when that
    is a loopback or every-interface address. Warned, not refused: the alert still says what."""
    leaves = settings.alerts.host is not None or bool(settings.alerts.webhooks)
    if not leaves or settings.web.public_url or settings.web.host not in _LOCAL_HOSTS:
        return
    log.warning(
        "cảnh báo gửi đi có đường dẫn http://%s:%d/bai/… mà người nhận ở máy khác không mở được: "
        "đặt web.public_url (địa chỉ cán bộ mở ứng dụng web) trong settings.toml",
        settings.web.host,
        settings.web.port,
    )


def notifier_from(
    settings: Settings,
    *,
    console: TextIO | None = None,
    clock: Callable[[], datetime] = _utc_now,
) -> Notifier:
    """Alerts by SMTP when alerts.host is set, else printed to `console` (stderr by default, so
    a command's own output on stdout stays as it was); webhooks either way."""
    from functools import partial

    from pressmon.alerts.channels import (
        ConsoleMailer,
        HttpPoster,
        Mailer,
        SmtpMailer,
        check_webhooks,
    )
    from pressmon.alerts.dispatch import Notifier
    from pressmon.alerts.recipients import check_addresses, with_provinces_named
    from pressmon.alerts.store import AlertStore
    from pressmon.links import item_link

    check_addresses(settings.alerts.recipients)
    check_webhooks(settings.alerts.webhooks)
    _warn_of_local_links(settings)
    alerts = settings.alerts.model_copy(
        update={"recipients": with_provinces_named(settings.alerts.recipients, _province(settings))}
    )
    mailer: Mailer = SmtpMailer(alerts) if alerts.host else ConsoleMailer(console or sys.stderr)
    return Notifier(
        store=AlertStore(settings.archive.state_path),
        settings=alerts,
        tz=settings.tz,
        link=partial(item_link, settings.web),
        mailer=mailer,
        poster=HttpPoster(alerts.timeout_seconds),
        clock=clock,
        console=alerts.host is None,
    )
