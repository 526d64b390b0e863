"""Typed values that cross the index boundary. All datetimes are timezone-aware."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

GroupBy = Literal["province", "outlet", "kind", "topic"]
Interval = Literal["week", "month"]
SortOrder = Literal["relevance", "date"]
MatchKind = Literal["exact", "folded"]
# "stories": syndicated copies (one story_id) count once per bucket and group, and an ungrouped
# table's total counts each story once over the whole range; "articles": placements.
CountUnit = Literal["articles", "stories"]

# Row label in a grouped CountTable for articles with no value in the grouped field
# (no province, or no topic); every article is counted at least once.
UNKNOWN_GROUP = "(không rõ)"
# Tier codes that put an assessed article in the review queue
# (`Query.flagged_only`, `ArchiveStats.flagged`). The archive stores codes; labels are display.
REVIEW_TIERS = frozenset({"urgent", "review"})
DEFAULT_REVIEW_STATUS = "unstarted"


@dataclass(frozen=True)
class Document:
    """One archived article, keyed on the id derived from its canonical URL."""

    id: str
    url: str
    canonical_url: str
    outlet: str  # source id from config/sources.yaml
    outlet_name: str
    kind: str  # sector | national | provincial
    title: str
    body: str  # NFC text
    published_at: datetime
    crawled_at: datetime
    province: str | None = (
        None  # one of the 34 current provinces, the outlet's or the main one named
    )
    provinces: tuple[str, ...] = ()  # every current province the article is about
    topics: tuple[str, ...] = ()
    relevance_reasons: tuple[str, ...] = ()
    story_id: str | None = None  # near-duplicate cluster: syndicated copies share it
    date_source: str | None = (
        None  # where published_at came from (json-ld, meta, visible text, ...)
    )
    # Why that date candidate won, in words, and every candidate that disagreed with it
    # ("source:field=ISO (+N min): kind"; `crawlers.extract.reconcile`): a reviewer sees why
    # the article sits in its week.
    date_reason: str = ""
    date_disagreements: tuple[str, ...] = ()
    # The page's SEO title (og:title, JSON-LD headline, <title>) when it words the headline
    # differently from the one shown; "" otherwise. Searched, ranked below the title.
    seo_title: str = ""
    extraction: Mapping[str, str] = field(default_factory=dict)  # field -> method that produced it
    risk: float | None = None
    tier: str | None = None
    category: str | None = None
    stance: str | None = None
    flag_details: Mapping[str, object] = field(
        default_factory=dict
    )  # reasons etc., JSON-serialisable
    model_version: str | None = None
    review_status: str = DEFAULT_REVIEW_STATUS

    @property
    def story(self) -> str:
        """The story the article belongs to: its `story_id`, or its own id when it has none (a
        story of one)."""
        return self.story_id or self.id


@dataclass(frozen=True)
class Query:
    """A search or count request. `text` is plain user text; backends escape it."""

    text: str = ""
    date_from: date | None = None  # inclusive, local date in the archive timezone
    date_to: date | None = None  # inclusive
    outlets: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    provinces: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    tiers: frozenset[str] = frozenset()
    review_statuses: frozenset[str] = frozenset()
    stories: frozenset[str] = frozenset()  # story_id values: the copies of these stories
    flagged_only: bool = False  # risk is not None and tier is a review tier
    sort: SortOrder = "relevance"
    page: int = 1
    page_size: int = 20


@dataclass(frozen=True)
class Hit:
    document: Document
    score: float
    snippet: str  # HTML-safe: the text is escaped, only <mark>…</mark> is added
    marked_title: str  # the whole title, HTML-safe and marked as the snippet is
    match: MatchKind


# Pages of at most this many hits are pages people read (20 or 50 on the web); larger ones are
# bulk reads paging through every match (exports, reports, the review queue's 200).
INTERACTIVE_PAGE_SIZE = 50
# An interactive page counts its matches only up to this many (by default; each archive takes a
# `count_limit`): counting all 420,000 matches of a common phrase in 1M articles costs 100 ms,
# counting 10,001 of them 3 ms. Elasticsearch's default `track_total_hits` is the same.
COUNT_LIMIT = 10_000

# How long a SQLite connection waits for another one holding the archive's lock (a crawl or an
# ingest writing) before it gives up with ArchiveBusy (by default; `open_archive` takes one).
BUSY_TIMEOUT_SECONDS = 30.0


def counted_up_to(query: Query, count_limit: int) -> int | None:
    """How far a search for `query` counts its matches: `count_limit` for an interactive page,
    None (every match) for a bulk read, whose reader may rely on an exact total.

    >>> counted_up_to(Query(page_size=20), 10_000), counted_up_to(Query(page_size=200), 10_000)
    (10000, None)
    """
    return count_limit if query.page_size <= INTERACTIVE_PAGE_SIZE else None


@dataclass(frozen=True)
class SearchPage:
    """One page of hits. `total` counts every match when `total_exact`; otherwise more than
    `total` documents match (the count stopped at the archive's count limit). Pages reach only
    the first `reachable` matches in this order (None: every match); the backend refuses pages
    past them (QueryError), so pagers stop at `last_reachable_page`."""

    total: int
    hits: tuple[Hit, ...]
    page: int
    page_size: int
    total_exact: bool = True
    reachable: int | None = None

    @property
    def last_reachable_page(self) -> int | None:
        """The last page the backend serves in this order (None: no such limit)."""
        return None if self.reachable is None else max(1, self.reachable // self.page_size)

    @property
    def reach_that_applies(self) -> int | None:
        """`reachable` when it may leave matches out, else None (every match is reachable): what
        a client is told, never a cap of 5,000 over the 300 matches a search found."""
        if self.reachable is None or (self.total_exact and self.total <= self.reachable):
            return None
        return self.reachable

    @property
    def more_after(self) -> bool:
        """Whether pages after this one may hold hits: what a loop paging through every match
        asks (never `total`, which may be only a lower bound)."""
        return not self.total_exact or self.page * self.page_size < self.total

    def exceeds(self, limit: int) -> bool:
        """Whether more than `limit` documents match."""
        return self.total > limit or (not self.total_exact and self.total >= limit)


@dataclass(frozen=True)
class CountTable:
    """Zero-filled counts: one row per group, one column per bucket start."""

    buckets: tuple[date, ...]
    rows: Mapping[str, tuple[int, ...]]  # group value ("" when not grouped) -> counts per bucket
    interval: Interval
    group_by: GroupBy | None
    unit: CountUnit = "articles"
    # Ungrouped stories: the distinct stories of the whole range, less than the sum of the
    # buckets when a story's copies fall in two of them (Sunday night and Monday morning).
    distinct: int | None = None

    @property
    def total(self) -> int:
        if self.distinct is not None:
            return self.distinct
        return sum(sum(counts) for counts in self.rows.values())


IMPORTED = "imported"  # ReviewEvent.detail key set on every event an import appends


@dataclass(frozen=True)
class ReviewEvent:
    """One append-only audit entry for a document's review."""

    document_id: str
    actor: str
    at: datetime
    status_before: str
    status_after: str
    note: str = ""
    action: str = "status"  # status | follow_up | assign | reopen | note
    detail: Mapping[str, object] = field(default_factory=dict)

    @property
    def imported(self) -> bool:
        """Read from an export file (index.transfer): `actor` is the name the file gave, not an
        account of this installation, and `at` is the file's word for when it happened."""
        return self.detail.get(IMPORTED) is True


@dataclass(frozen=True)
class TriageEntry:
    """What ordering, filtering and counting the review queue needs of one flagged article,
    without its text (the queue reads thousands of these and the full article of 50)."""

    id: str
    published_at: datetime
    tier: str | None
    risk: float | None
    uncertainty: float  # flag_details["uncertainty"], 0.0 when absent
    category: str | None
    review_status: str


@dataclass(frozen=True, eq=False)
class TriageList:
    """The flagged articles matching a query, newest first, at most the limit asked, and
    whether more exist. Compared by identity: an archive that can tell nothing changed hands back
    the same object, so callers may keep what they derive from it for as long as they get it."""

    entries: tuple[TriageEntry, ...]
    capped: bool


@dataclass(frozen=True)
class ArchiveStats:
    documents: int
    flagged: int
    reviewed: int
    first_published: datetime | None
    last_published: datetime | None
    last_crawled: datetime | None
