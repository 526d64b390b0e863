"""Archive, search and counts for pressmon articles, behind one interface with two backends.

    archive = open_archive("sqlite", path=Path("var/archive.sqlite3"))
    archive.upsert(documents)
    page = archive.search(Query(text="lương hưu", provinces=frozenset({"Hà Nội"})))

Decisions every backend follows (tests/index/test_contract.py pins them):
- Text is NFC with modern tone placement (`vntext.normalize.normalize_spelling`) when stored
  and when queried.
- `parse_query` turns user text into required terms and "quoted phrases", `a OR b` groups and
  `-word`/`-"phrase"` (or `NOT word`) exclusions; `AND` is dropped (every word is required);
  other syntax (lower-case or/and/not, *, :, parentheses) is plain text.
  Over 500 characters or 32 words, or only exclusions: QueryError. A form of a `Synonyms` group
  given to `open_archive` (BHXH, "bảo hiểm xã hội") matches every form of the group. A dotted
  abbreviation (B.H.Y.T: single letters joined by dots) is its word, BHYT with its forms, or its
  letters next to each other as the index holds the dotted spelling.
  A number typed with separators (1/7, 115/2015/NĐ-CP) is a phrase; a day and month also
  matches its spelling with or without leading zeros (01/07).
  Text with no word at all (only punctuation, symbols or a lone operator) is a QueryError too:
  only blank text filters nothing.
- Diacritics count: a word typed with diacritics matches only that spelling ("giả" never
  finds "gia", "giá" or "tham gia"). A word typed without them also matches its accented
  forms (`fold`): "bao hiem" finds "bảo hiểm". Documents matching the query as typed are
  "exact" hits and rank first; the others are "folded" hits. `total` counts both, and
  `counts` agrees with `total` for the same Query.
- A search page of at most INTERACTIVE_PAGE_SIZE hits counts matches only up to the archive's
  `count_limit` (COUNT_LIMIT by default): past it `total` is the limit and `total_exact` False.
  Larger pages (bulk reads) count exactly. Loops paging through matches ask `more_after`.
- Date ranges are inclusive local dates in the archive timezone; weeks start on Monday.
- Grouped counts label articles with no province (or no topic) `UNKNOWN_GROUP`; a topic
  grouping counts an article once per topic, so its total can exceed the search total.
- Relevance order covers the newest RANK_WINDOW matches (SQLite); Elasticsearch pages
  through its first 10,000 hits. Sort by date to page further. Every page says how far its
  order reaches (`SearchPage.reachable`, `last_reachable_page`), so pagers stop there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from index.base import Archive
from index.errors import (
    ArchiveBusy,
    BackendUnavailable,
    DocumentNotFound,
    QueryError,
    SchemaVersionError,
    SearchIndexError,
    TimezoneError,
)
from index.query_parser import ParsedQuery, parse_query
from index.synonyms import Synonyms
from index.text import fold
from index.types import (
    BUSY_TIMEOUT_SECONDS,
    COUNT_LIMIT,
    DEFAULT_REVIEW_STATUS,
    INTERACTIVE_PAGE_SIZE,
    REVIEW_TIERS,
    UNKNOWN_GROUP,
    ArchiveStats,
    CountTable,
    Document,
    GroupBy,
    Hit,
    Interval,
    MatchKind,
    Query,
    ReviewEvent,
    SearchPage,
    SortOrder,
)


def _sqlite(
    path: Path | None,
    elasticsearch_url: str | None,
    index_name: str,
    timezone: str,
    synonyms: Synonyms,
    count_limit: int,
    exporting: bool,
    busy_timeout: float,
) -> Archive:
    from index.sqlite_backend import SQLiteArchive

    if path is None:
        raise SearchIndexError("kho SQLite cần đường dẫn tới tệp kho lưu trữ (archive.path)")
    return SQLiteArchive(
        path,
        timezone=timezone,
        synonyms=synonyms,
        count_limit=count_limit,
        busy_timeout=busy_timeout,
    )


def _elasticsearch(
    path: Path | None,
    elasticsearch_url: str | None,
    index_name: str,
    timezone: str,
    synonyms: Synonyms,
    count_limit: int,
    exporting: bool,
    busy_timeout: float,
) -> Archive:
    from index.elastic import ElasticsearchArchive  # lazy: the client is optional

    if not elasticsearch_url:
        raise SearchIndexError("kho Elasticsearch cần địa chỉ máy chủ (PRESSMON_ELASTICSEARCH_URL)")
    return ElasticsearchArchive(
        elasticsearch_url,
        index_name=index_name,
        timezone=timezone,
        synonyms=synonyms,
        count_limit=count_limit,
        exporting=exporting,
    )


BACKENDS: dict[
    str, Callable[[Path | None, str | None, str, str, Synonyms, int, bool, float], Archive]
] = {
    "sqlite": _sqlite,
    "elasticsearch": _elasticsearch,
}


def open_archive(
    backend: str,
    *,
    path: Path | None = None,
    elasticsearch_url: str | None = None,
    index_name: str = "pressmon",
    timezone: str = "Asia/Ho_Chi_Minh",
    synonyms: Synonyms | None = None,
    count_limit: int = COUNT_LIMIT,
    exporting: bool = False,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
) -> Archive:
    """Open the archive backend named `backend` ("sqlite" or "elasticsearch"); a search for
    one form of a `synonyms` group matches every form, an interactive page counts at most
    `count_limit` matches (`index.types.COUNT_LIMIT`), and a SQLite archive locked by another
    connection is waited for `busy_timeout` seconds before ArchiveBusy. `exporting`: opened
    only to read every document and review out (`index.transfer.export_jsonl`), so an
    Elasticsearch index that must be reindexed but is still readable is accepted as it is.

    Raises:
        SearchIndexError: unknown backend name or missing option.
        BackendUnavailable: the store cannot be reached.
        SchemaVersionError: the archive was written by a newer pressmon, or an Elasticsearch
            index must be reindexed.
        TimezoneError: unknown timezone, or (SQLite) one with daylight saving.
    """
    try:
        factory = BACKENDS[backend]
    except KeyError:
        raise SearchIndexError(
            f"không có loại kho {backend!r}; chọn một trong {sorted(BACKENDS)}"
        ) from None
    return factory(
        path,
        elasticsearch_url,
        index_name,
        timezone,
        synonyms or Synonyms(),
        count_limit,
        exporting,
        busy_timeout,
    )


__all__ = [
    "BACKENDS",
    "BUSY_TIMEOUT_SECONDS",
    "COUNT_LIMIT",
    "DEFAULT_REVIEW_STATUS",
    "INTERACTIVE_PAGE_SIZE",
    "REVIEW_TIERS",
    "UNKNOWN_GROUP",
    "Archive",
    "ArchiveBusy",
    "ArchiveStats",
    "BackendUnavailable",
    "CountTable",
    "Document",
    "DocumentNotFound",
    "GroupBy",
    "Hit",
    "Interval",
    "MatchKind",
    "ParsedQuery",
    "Query",
    "QueryError",
    "ReviewEvent",
    "SchemaVersionError",
    "SearchIndexError",
    "SearchPage",
    "SortOrder",
    "Synonyms",
    "TimezoneError",
    "fold",
    "open_archive",
    "parse_query",
]
