"""Typed items produced by extraction and carried through the Scrapy pipeline."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from crawlers.revisions import PageVersion


@dataclass(frozen=True)
class ExtractedArticle:
    """The fields read off one article page, NFC-normalised, with the method behind each field."""

    url: str
    canonical_url: str
    title: str
    body: str
    published_at: datetime  # timezone-aware
    date_source: str  # json-ld | meta | time-tag | visible-text | url ...
    outlet: str | None = None  # configured name, else the page's publisher or site name
    lead: str = ""
    authors: tuple[str, ...] = ()
    methods: Mapping[str, str] = field(
        default_factory=dict
    )  # field -> json-ld|meta|css|trafilatura
    date_precision: str = "minute"  # minute | day (the page gave no time of day: 00:00 local)
    # The SEO headline (JSON-LD headline, og:title or <title>) when the page also shows one;
    # ``title`` is the headline as shown (<h1>) whenever the page has one.
    seo_title: str = ""
    date_field: str = ""  # the winning candidate's field: datePublished, byline, ...
    date_reason: str = ""  # why it won, in words
    # Candidates that disagreed, "source:field=ISO (+N min): kind" where kind is
    # offset-mislabelled | creation-time | unexplained.
    date_disagreements: tuple[str, ...] = ()


@dataclass(frozen=True)
class FetchedResponse:
    """The HTTP response an article was read from, as received: pressmon keeps it as evidence
    for flagged articles (a page deleted later is still on record)."""

    url: str  # after redirects
    status: int
    headers: tuple[tuple[str, str], ...]  # in the order received; repeated names repeat
    body: bytes
    fetched_at: datetime  # timezone-aware


@dataclass(frozen=True)
class ArticleItem:
    """An extracted article attributed to a configured source, as yielded by the spider."""

    article: ExtractedArticle
    source_id: str
    crawled_at: datetime
    url_id: str  # id of the requested URL in the crawl state (the page may have redirected)
    fetched: FetchedResponse | None = None  # None when the article did not come over HTTP
    version: PageVersion = PageVersion()  # of the page read, for the crawl state
    refetch: bool = False  # a stored article fetched again because discovery showed it changed
