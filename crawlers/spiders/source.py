"""The generic source spider: feeds, sitemaps and paginated listings → article pages → items."""

from __future__ import annotations

import re
import uuid
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.defer import CancelledError
from twisted.internet.error import DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure

from crawlers.discovery import FeedError, Link, feed_entries, sitemap_links
from crawlers.errors import (
    STATE_UNAVAILABLE,
    ChallengePage,
    CrawlStateError,
    DateError,
    ExtractionError,
    InvalidURL,
)
from crawlers.extract import extract_article, extract_links, next_page
from crawlers.extract.shell import shell_reason
from crawlers.host_challenges import HostBackedOff, request_host
from crawlers.items import ArticleItem, FetchedResponse
from crawlers.outcomes import (
    BAD_DATE,
    BAD_DATE_GIVEN_UP,
    CHALLENGE,
    CHALLENGE_GIVEN_UP,
    CHALLENGE_WAITING,
    DATE_DISAGREEMENT,
    FETCHED,
    KNOWN,
    NOT_ARTICLE,
    REFETCH_DEFERRED,
    RETRY_LATER,
    RETRY_WAITING,
    STORED,
    UNCHANGED,
)
from crawlers.retry import (
    CHALLENGE_DELAYS,
    HOST_CHALLENGE_RUN,
    SHELL_DELAYS,
    host_retry,
    next_retry,
    waiting,
)
from crawlers.revisions import PageVersion, conditional_headers, fetched_version, should_refetch
from crawlers.robots import RobotsUnreadable
from crawlers.settings import required
from crawlers.sources import Source
from crawlers.state import FINAL_OUTCOMES, CrawlState, FetchedURL, SourceRun
from crawlers.urls import article_id, canonicalize_url


def _path_and_query(url: str) -> str:
    """What `article_pattern` is searched in (as for listing links): host changes don't matter."""
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def _content_type(response: Response) -> str | None:
    return (response.headers.get("Content-Type") or b"").decode("latin-1") or None


def _charset(response: Response) -> str | None:
    """The charset the server declared, if any (feeds are decoded from bytes, never guessed)."""
    match = re.search(r"charset=([\w-]+)", _content_type(response) or "", re.I)
    return match.group(1) if match else None


# Scrapy says why it ignored a request only in the message; these are its stable wordings.
_IGNORED = (
    ("Forbidden by robots.txt", "robots_disallowed"),
    ("Filtered offsite request", "offsite_redirect"),
    ("max redirections reached", "redirect_loop"),
)


REDIRECT_STATUSES = [301, 302, 303, 307, 308]
MAX_REDIRECTS = 5
NOT_MODIFIED = 304
# Stored articles fetched again wait behind everything else a run has queued (discovery pages and
# new articles are priority 0): updates never starve new articles of the run's politeness budget.
REFETCH_PRIORITY = -10
DEFAULT_REFETCH_PER_SOURCE = 100
# URLs recorded not_article before shell pages were retried, each fetched once more (state v12):
# a few per source and run, after new articles, so a large state brings no burst of requests.
LEGACY_RECHECKS_PER_SOURCE = 20


@dataclass(frozen=True)
class _Retried:
    """A kind of page that is, for now, not the article: its URL's schedule (crawlers.retry)."""

    delays: tuple[timedelta, ...]
    waits: str  # the state outcome and counter of a URL waiting for its retry
    skipped: str  # the counter of such a URL not fetched while it waits
    given_up: str  # the final state outcome and counter after its last retry


# crawlers.extract.shell's reasons that say a page stands in for the article only for a while.
PASSING_SHELL_REASONS = frozenset({"refresh", "wait", "maintenance", "challenge"})
SHELL = _Retried(SHELL_DELAYS, RETRY_LATER, RETRY_WAITING, NOT_ARTICLE)
CHALLENGED = _Retried(CHALLENGE_DELAYS, CHALLENGE, CHALLENGE_WAITING, CHALLENGE_GIVEN_UP)
UNDATED = _Retried(SHELL_DELAYS, BAD_DATE, RETRY_WAITING, BAD_DATE_GIVEN_UP)
_WAITING = {kind.waits: kind for kind in (SHELL, CHALLENGED, UNDATED)}


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def fetched_response(response: Response, fetched_at: datetime) -> FetchedResponse:
    """What was received, kept for the evidence of a flagged article (see ArticleItem)."""
    headers = tuple(
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in response.headers.items()
        for value in values
    )
    return FetchedResponse(response.url, response.status, headers, response.body, fetched_at)


def _on_domains(host: str, domains: Iterable[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def failure_kind(failure: Any) -> str:
    """The crawl-health error kind of a failed request."""
    if failure.check(HostBackedOff):
        return CHALLENGE_WAITING
    if failure.check(RobotsUnreadable):  # kept out: what made its host's robots.txt unreadable
        return failure_kind(Failure(failure.value.cause))
    if failure.check(HttpError):
        return f"http_{failure.value.response.status // 100}xx"
    if failure.check(DownloadTimeoutError, TimeoutError, TCPTimedOutError):
        return "timeout"
    if failure.check(CannotResolveHostError, DNSLookupError):
        return "dns"
    if failure.check(DownloadConnectionRefusedError):
        return "connection_refused"
    if failure.check(DownloadCancelledError, CancelledError):
        return "oversized"  # DOWNLOAD_MAXSIZE cancels the download
    if failure.check(IgnoreRequest):
        message = str(failure.value)
        return next((kind for prefix, kind in _IGNORED if message.startswith(prefix)), "ignored")
    return "fetch_error"


class SourceSpider(scrapy.Spider):
    """Crawls the given sources; skips URLs the crawl state already finished, except stored
    articles that discovery shows changed since (crawlers.revisions): those are fetched again,
    conditionally, after everything else and at most `refetch_limit` per source and run."""

    name = "sources"

    def __init__(
        self,
        sources: Sequence[Source],
        state: CrawlState,
        refetch_limit: int = DEFAULT_REFETCH_PER_SOURCE,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.sources = {source.id: source for source in sources}
        self.state = state
        self.refetch_limit = refetch_limit
        self.allowed_domains = sorted({d for s in sources for d in (s.domain, *s.aliases)})
        self.run_id = uuid.uuid4().hex[:12]
        self.started_at = datetime.now(UTC)
        self.counters: dict[str, Counter[str]] = defaultdict(Counter)
        self._requested: set[str] = set()
        self._skipped: dict[str, str] = {}  # url id -> source id, counted as known or deferred
        self._refetches: Counter[str] = Counter()  # per source
        self._rechecks: Counter[str] = Counter()  # per source
        # Per host: challenges in a row this run, and until when it is backed off (None: not).
        self._challenges: Counter[str] = Counter()
        self._backed_off: dict[str, datetime | None] = {}
        # The first failure to write the crawl state, if any; whether this run's health was kept.
        self.state_error: CrawlStateError | None = None
        self.health_recorded = False

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, sources: Sequence[Source], **kwargs: Any):
        state = CrawlState(
            Path(required(crawler.settings, "PRESSMON_STATE_PATH")),
            timeout=float(required(crawler.settings, "PRESSMON_STATE_TIMEOUT")),
        )
        limit = int(required(crawler.settings, "PRESSMON_REFETCH_PER_SOURCE"))
        spider = cls(sources, state, limit, *args, **kwargs)
        spider._set_crawler(crawler)
        return spider

    def forget_run(self) -> None:
        """Start a new run's memory: which URLs it asked for or skipped, its refetches and
        re-checks so far, the hosts backed off for their challenges."""
        self._requested.clear()
        self._skipped.clear()
        self._refetches.clear()
        self._rechecks.clear()
        self._challenges.clear()
        self._backed_off.clear()

    def count(self, source_id: str, kind: str) -> None:
        self.counters[source_id][kind] += 1
        # Scrapy sets `crawler` only through from_crawler; a spider built directly has none.
        if getattr(self, "crawler", None) is not None:
            self.crawler.stats.inc_value(f"pressmon/{kind}")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for source in self.sources.values():
            for url in source.feeds:
                yield self._discovery(url, source.id, self.parse_feed)
            for url in source.sitemaps:
                yield self._discovery(url, source.id, self.parse_sitemap)
            for index, listing in enumerate(source.listings):
                yield self._discovery(
                    url=listing.url,
                    source_id=source.id,
                    callback=self.parse_listing,
                    extra={"listing": index, "page": 1},
                )

    def _discovery(
        self, url: str, source_id: str, callback: Any, extra: dict[str, Any] | None = None
    ):
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_error,
            cb_kwargs={"source_id": source_id, **(extra or {})},
            dont_filter=False,
        )

    def _article(self, link: Link, source_id: str) -> scrapy.Request | None:
        source = self.sources[source_id]
        try:
            canonical = canonicalize_url(link.url)
        except InvalidURL:
            self.count(source_id, "bad_url")
            return None
        if source.article_pattern and not re.search(
            source.article_pattern, _path_and_query(canonical)
        ):
            return None
        url_id = article_id(canonical, source.domains)  # www. or not: one id on its own domains
        if url_id in self._requested:
            return None
        known = self.state.known(url_id)
        if known is not None and known.outcome in _WAITING:
            if waiting(known.retry_at, self.state.now()):
                self._skip(url_id, source_id, _WAITING[known.outcome].skipped)
                return None
        if known is None or known.outcome not in FINAL_OUTCOMES:
            # Before www. was one host on a source's domains, a www. address had its own id: an
            # article stored then is still known under it, and is not fetched and stored again.
            legacy_id = article_id(canonical)
            legacy = self.state.known(legacy_id) if legacy_id != url_id else None
            if legacy is not None and legacy.outcome in FINAL_OUTCOMES:
                self._skip(url_id, source_id, KNOWN)
                return None
            if self._host_waits(link.url, url_id, source_id):
                return None
            self._requested.add(url_id)
            return self._article_request(link.url, source_id, url_id, 0, link.modified, None)
        if known.recheck:
            if self._host_waits(link.url, url_id, source_id):
                return None
            return self._recheck(link, source_id, url_id)
        if not should_refetch(known, link.modified):
            self._skip(url_id, source_id, KNOWN)
            return None
        if self._host_waits(link.url, url_id, source_id):
            return None
        if not self.take_refetch(source_id):
            self._skip(url_id, source_id, REFETCH_DEFERRED)  # still newer next run
            return None
        # Listed again with a modification time (a feed without one came first): not known.
        if self._skipped.pop(url_id, None) == KNOWN:
            self.counters[source_id][KNOWN] -= 1
        self._requested.add(url_id)
        return self._article_request(link.url, source_id, url_id, 0, link.modified, known.version)

    def take_refetch(self, source_id: str) -> bool:
        """One of this run's `refetch_limit` refetches of the source, if one is left."""
        if self._refetches[source_id] >= self.refetch_limit:
            return False
        self._refetches[source_id] += 1
        return True

    def _recheck(self, link: Link, source_id: str, url_id: str) -> scrapy.Request | None:
        """A URL recorded not_article before shell pages were retried, fetched once more as a new
        URL (state v12), after new articles and at most LEGACY_RECHECKS_PER_SOURCE per source and
        run (the rest: next run). The re-check is spent when asked for: one that fails, or a run
        stopped before it is read, is not asked again, and the URL stays not_article."""
        if self._rechecks[source_id] >= LEGACY_RECHECKS_PER_SOURCE:
            self._skip(url_id, source_id, KNOWN)
            return None
        self._rechecks[source_id] += 1
        self._requested.add(url_id)
        self.state.end_recheck(url_id)
        request = self._article_request(link.url, source_id, url_id, 0, link.modified, None)
        return request.replace(priority=REFETCH_PRIORITY)

    def host_backed_off(self, host: str) -> bool:
        """Whether `host` answered a run of challenges, this run or before, and is asked for no
        article page until its back-off is over (crawlers.retry)."""
        if host not in self._backed_off:
            known = self.state.challenged_host(host)
            self._backed_off[host] = known[1] if known is not None else None
        return waiting(self._backed_off[host], self.state.now())

    def _host_waits(self, url: str, url_id: str, source_id: str) -> bool:
        """Whether the URL is not asked for, its host backed off: counted challenge_waiting, its
        own retries kept for later. `url` is the address asked, not the canonical one: a host
        that challenges (m.bao.vn) is not always the one its URLs canonicalise to (bao.vn)."""
        if not self.host_backed_off(request_host(url)):
            return False
        self._skip(url_id, source_id, CHALLENGE_WAITING)
        return True

    def _host_challenged(self, url: str) -> None:
        """A challenge from the URL's host: after HOST_CHALLENGE_RUN in a row it is backed off,
        for longer each run it does so again (crawlers.retry)."""
        host = request_host(url)
        self._challenges[host] += 1
        if self._challenges[host] != HOST_CHALLENGE_RUN:
            return
        known = self.state.challenged_host(host)
        trips = (known[0] if known is not None else 0) + 1
        retry_at = host_retry(trips, self.state.now())
        self.state.back_off_host(host, trips, retry_at)
        self._backed_off[host] = retry_at
        self.logger.warning(
            "%s trả trang chống bot %d lần liền: không tải bài của máy chủ này đến %s",
            host,
            HOST_CHALLENGE_RUN,
            retry_at,
        )

    def _host_answered(self, url: str) -> None:
        """A page from the URL's host that was no challenge: it is not backed off any more."""
        host = request_host(url)
        self._challenges[host] = 0
        if host not in self._backed_off or self._backed_off[host] is not None:
            self.state.clear_host(host)
            self._backed_off[host] = None

    def _skip(self, url_id: str, source_id: str, kind: str) -> None:
        if url_id not in self._skipped:
            self._skipped[url_id] = kind
            self.count(source_id, kind)

    def _article_request(
        self,
        url: str,
        source_id: str,
        url_id: str,
        redirects: int,
        discovered: datetime | None,
        previous: PageVersion | None,
    ) -> scrapy.Request:
        """`previous` is the version of a stored article fetched again (None: a new URL)."""
        # Redirects are followed here, not by Scrapy, so one to another outlet is counted against
        # this source (Scrapy's offsite filter drops such requests without telling the spider).
        statuses = REDIRECT_STATUSES if previous is None else [*REDIRECT_STATUSES, NOT_MODIFIED]
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.on_error,
            headers=conditional_headers(previous) if previous is not None else None,
            priority=0 if previous is None else REFETCH_PRIORITY,
            cb_kwargs={
                "source_id": source_id,
                "url_id": url_id,
                "discovered": discovered,
                "previous": previous,
            },
            meta={
                "dont_redirect": True,
                "handle_httpstatus_list": statuses,
                "redirects": redirects,
            },
            dont_filter=redirects > 0,
        )

    def _follow(
        self,
        response: Response,
        source_id: str,
        url_id: str,
        discovered: datetime | None,
        previous: PageVersion | None,
    ):
        source = self.sources[source_id]
        location = (response.headers.get("Location") or b"").decode("latin-1")
        target = urljoin(response.url, location)
        host = (urlsplit(target).hostname or "").lower()
        redirects = response.meta.get("redirects", 0) + 1
        if not location or not _on_domains(host, source.domains):
            self.count(source_id, "offsite_redirect")
            self.logger.warning(
                "chuyển hướng sang máy chủ khác, không theo: %s -> %s", response.url, target
            )
        elif redirects > MAX_REDIRECTS:
            self.count(source_id, "redirect_loop")
        elif source.article_pattern and not re.search(
            source.article_pattern, _path_and_query(target)
        ):
            # A removed article sent to the home or a section page, which must not be read (and
            # stored) as the article: the listing's teasers carry dates and BHXH mentions.
            self.count(source_id, "not_article")
            self.state.mark(url_id, response.url, source_id, "not_article")
            self.logger.info("chuyển hướng khỏi bài viết: %s -> %s", response.url, target)
        else:
            yield self._article_request(target, source_id, url_id, redirects, discovered, previous)

    def _articles(self, links: Iterable[Link], source_id: str) -> Iterable[scrapy.Request]:
        for link in links:
            request = self._article(link, source_id)
            if request is not None:
                yield request

    def parse_feed(self, response: Response, source_id: str) -> Iterable[scrapy.Request]:
        self.count(source_id, FETCHED)
        try:
            links = feed_entries(response.body, response.url, _charset(response))
        except FeedError as err:
            self.count(source_id, "bad_feed")
            self.logger.warning("feed %s của %s không đọc được: %s", response.url, source_id, err)
            return
        yield from self._articles(links, source_id)

    def parse_sitemap(self, response: Response, source_id: str) -> Iterable[scrapy.Request]:
        self.count(source_id, FETCHED)
        try:
            links = sitemap_links(response.body, response.url, _charset(response))
        except FeedError as err:
            self.count(source_id, "bad_sitemap")
            self.logger.warning(
                "sitemap %s của %s không đọc được: %s", response.url, source_id, err
            )
            return
        for url in links.sitemaps:
            yield self._discovery(url, source_id, self.parse_sitemap)
        yield from self._articles(links.entries, source_id)

    def parse_listing(self, response: Response, source_id: str, listing: int, page: int):
        self.count(source_id, FETCHED)
        source = self.sources[source_id]
        config = source.listings[listing]
        content_type = _content_type(response)
        links = extract_links(
            response.body,
            response.url,
            config.article_pattern,
            content_type=content_type,
            parser=source.parser,
        )
        yield from self._articles((Link(url) for url in links), source_id)
        following = next_page(
            response.body,
            response.url,
            config.next_page,
            content_type=content_type,
            parser=source.parser,
        )
        if following and page < config.max_pages:
            yield self._discovery(
                following, source_id, self.parse_listing, {"listing": listing, "page": page + 1}
            )

    def parse_article(
        self,
        response: Response,
        source_id: str,
        url_id: str,
        discovered: datetime | None = None,
        previous: PageVersion | None = None,
    ):
        """`discovered`: the modification time discovery gave; `previous`: the version read
        before, for a stored article fetched again (None: a new URL)."""
        self.count(source_id, FETCHED)
        if response.status in REDIRECT_STATUSES:
            yield from self._follow(response, source_id, url_id, discovered, previous)
            return
        version = fetched_version(
            discovered,
            previous or PageVersion(),
            _header(response, "ETag"),
            _header(response, "Last-Modified"),
            not_modified=response.status == NOT_MODIFIED,
        )
        if response.status == NOT_MODIFIED:  # asked only when fetching a stored article again
            self._host_answered(response.url)
            self.count(source_id, UNCHANGED)
            self._mark_read(url_id, response.url, source_id, version, STORED)
            return
        source = self.sources[source_id]
        try:
            article = extract_article(
                response.body,
                response.url,
                content_type=_content_type(response),
                parser=source.parser,
                profile=source.extraction.profile,
                outlet=source.name,
            )
        except ChallengePage:
            self._host_challenged(response.url)
            if previous is None:
                self._retry_later(response, source_id, url_id, version, CHALLENGED, "challenge")
            else:  # a stored article stays as it was read, fetched again while discovery says so
                self.count(source_id, CHALLENGE)
                self.logger.warning("trang chặn bot (challenge), không lưu: %s", response.url)
            return
        except DateError as err:
            self._host_answered(response.url)
            self.logger.warning("không có ngày đăng hợp lý, không lưu: %s (%s)", response.url, err)
            if previous is None:
                self._retry_later(response, source_id, url_id, version, UNDATED, "bad_date")
            else:  # a stored article stays as it was read, fetched again while discovery says so
                self.count(source_id, BAD_DATE)
            return
        except ExtractionError as err:
            self._host_answered(response.url)
            if previous is None and self._shell(response, source_id, url_id, version):
                return
            if previous is not None and self._passing_shell(response, source_id):
                # A stored article answering "Vui lòng chờ…" for now: its version is not
                # recorded, so the edit discovery announced is fetched again next run.
                self.count(source_id, RETRY_LATER)
                self.logger.info("bài đã lưu tạm trả trang chờ (%s), tải lại sau", response.url)
                return
            self.count(source_id, NOT_ARTICLE)
            # A stored article that no longer reads as one stays archived as it was read before;
            # this version is recorded, so the same change is not fetched again.
            outcome = NOT_ARTICLE if previous is None else STORED
            self._mark_read(url_id, response.url, source_id, version, outcome)
            self.logger.info("not an article: %s (%s)", response.url, err)
            return
        self._host_answered(response.url)
        self.count(source_id, "extracted")
        if article.date_disagreements:
            self.count(source_id, DATE_DISAGREEMENT)
        crawled_at = datetime.now(UTC)
        yield ArticleItem(
            article=article,
            source_id=source_id,
            crawled_at=crawled_at,
            url_id=url_id,
            fetched=fetched_response(response, crawled_at),
            version=version,
            refetch=previous is not None,
        )

    def _shell(self, response: Response, source_id: str, url_id: str, version: PageVersion) -> bool:
        """Whether a new URL's page that is no article is, for now, a shell standing in for it
        (crawlers.extract.shell): if so it is recorded to be fetched again after a wait, or, after
        its last retry, given up as not_article (crawlers.retry)."""
        reason = self._shell_reason(response, source_id)
        if reason is None:
            return False
        self._retry_later(response, source_id, url_id, version, SHELL, reason)
        return True

    def _passing_shell(self, response: Response, source_id: str) -> bool:
        """Whether a page that is no article says it stands in for one only for a while (a
        refresh, "vui lòng chờ", maintenance, an unknown challenge), not that the article is gone
        (a soft 404) or is now a stub: a stored article's later version is still to come."""
        return self._shell_reason(response, source_id) in PASSING_SHELL_REASONS

    def _shell_reason(self, response: Response, source_id: str) -> str | None:
        """crawlers.extract.shell's reason for a page that is no article, at an address that
        looks like an article's (the source's article_pattern)."""
        pattern = self.sources[source_id].article_pattern
        at_article = not pattern or bool(re.search(pattern, _path_and_query(response.url)))
        return shell_reason(response.body, _content_type(response), article_url=at_article)

    def _retry_later(
        self,
        response: Response,
        source_id: str,
        url_id: str,
        version: PageVersion,
        kind: _Retried,
        reason: str,
    ) -> None:
        """Record a new URL's page that was, for now, not the article: the URL waits for its
        next retry on `kind`'s schedule, or, past its last one, is given up (crawlers.retry)."""
        known = self.state.known(url_id)
        attempts = (known.attempts if known is not None else 0) + 1
        retry_at = next_retry(attempts, self.state.now(), kind.delays)
        row = FetchedURL(url_id, response.url, source_id, version)
        outcome = kind.waits if retry_at is not None else kind.given_up
        self.state.mark_retry(row, outcome, attempts, retry_at)
        self.count(source_id, outcome)
        if retry_at is None:
            self.logger.info(
                "vẫn chưa đọc được bài sau %d lần (%s), bỏ: %s", attempts, reason, response.url
            )
        else:
            self.logger.info(
                "chưa phải bài viết (%s), tải lại sau %s: %s", reason, retry_at, response.url
            )

    def _mark_read(
        self, url_id: str, url: str, source_id: str, version: PageVersion, outcome: str
    ) -> None:
        self.state.mark_fetched([FetchedURL(url_id, url, source_id, version)], outcome)

    def on_error(self, failure: Any) -> None:
        request = failure.request
        source_id = request.cb_kwargs.get("source_id", "?")
        kind = failure_kind(failure)
        self.count(source_id, kind)
        # One line, INFO: the crawl's summary reports failures per source; -v shows each.
        self.logger.info("%s for %s (%s)", kind, request.url, source_id)

    def remember_state_error(self, err: CrawlStateError) -> None:
        """The crawl state could not be written: kept for whoever ran the crawl to report."""
        if self.state_error is None:
            self.state_error = err

    def stop_for_state(self, err: CrawlStateError) -> None:
        """The crawl state could not be written: the crawl stops, as every later page would fail
        to be recorded the same way, each after the wait (the articles already read are kept)."""
        first = self.state_error is None
        self.remember_state_error(err)
        if first:
            self.logger.info("không ghi được trạng thái thu thập, dừng lượt thu thập: %s", err)
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=STATE_UNAVAILABLE))

    def record_health(self) -> None:
        """Write this run's per-source counters to the crawl state (called after the last flush)."""
        self.record_runs(self.sources, datetime.now(UTC))
        self.health_recorded = True

    def record_runs(self, source_ids: Iterable[str], finished: datetime) -> None:
        """One crawl_runs row per source, from this run's counters (zeros for a silent source)."""
        for source_id in source_ids:
            counters = self.counters.get(source_id, Counter())
            self.state.record_run(
                SourceRun(
                    run_id=self.run_id,
                    source_id=source_id,
                    started_at=self.started_at,
                    finished_at=finished,
                    stored=counters.get("stored", 0),
                    counters=dict(counters),
                )
            )
