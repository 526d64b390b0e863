"""The SQLite archive: a thin adapter running the SQL built in `sqlite_query`.

One connection writes, behind a lock (SQLite allows one writer at a time anyway); reads borrow
from a pool of read-only connections (`index.sqlite_pool`), so the web app's concurrent
requests never wait for each other or for a write. WAL journal with synchronous=NORMAL, so a
crash loses at most the last uncommitted batch and never corrupts the file. Weeks are bucketed
in SQL with the zone's fixed UTC offset (`index.weeks.fixed_utc_offset` refuses zones with
daylight saving).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from index.base import Archive
from index.errors import (
    ArchiveBusy,
    BackendUnavailable,
    DocumentNotFound,
    QueryError,
    SearchIndexError,
)
from index.query_parser import ParsedQuery, parse_query
from index.snippets import make_snippet, mark_title
from index.sqlite_changes import ChangeMemo
from index.sqlite_pool import ReadPool
from index.sqlite_query import (
    RANK_WINDOW,
    Window,
    activity_sql,
    bucket_date,
    counts_sql,
    exact_docs_sql,
    rank_window_sql,
    search_sql,
    sorted_matches_sql,
    summary_applies,
    summary_counts_sql,
    total_sql,
    triage_sql,
    walk_dates,
    walk_threshold,
)
from index.sqlite_rows import REVIEW_COLUMNS, from_us, review_row, row_document, row_review, to_us
from index.sqlite_schema import SUMMARY_OFFSET_SECONDS, migrate
from index.sqlite_tags import query_tags, selective_groups
from index.sqlite_triage import TriageRead, triage_read
from index.sqlite_wal import use_wal
from index.sqlite_writes import PreparedArticle, delete_article, prepare, write_batch
from index.synonyms import Synonyms
from index.types import (
    BUSY_TIMEOUT_SECONDS,
    COUNT_LIMIT,
    DEFAULT_REVIEW_STATUS,
    INTERACTIVE_PAGE_SIZE,
    REVIEW_TIERS,
    ArchiveStats,
    CountTable,
    CountUnit,
    Document,
    GroupBy,
    Hit,
    Interval,
    Query,
    ReviewEvent,
    SearchPage,
    TriageEntry,
    TriageList,
    counted_up_to,
)
from index.weeks import check_day_range, day_bounds_utc, fill_counts, fixed_utc_offset, zone
from vntext.normalize import normalize_spelling
from vntext.sqlite_text import sqlite_problem

MAX_PAGE_SIZE = 200
# Storage settings measured on 200,000-1,000,000 articles (benchmarks/index_bench.py): each
# raised the bulk ingestion rate by 10-20%. 8 KiB pages take effect on new archives only.
PAGE_BYTES = 8192
CACHE_KIB = 65536  # page cache per connection; FTS5 segment merges re-read recent pages
MMAP_BYTES = 2**31  # FTS5 merges and searches read segments without copying them
CHECKPOINT_PAGES = 10_000  # fewer, larger WAL checkpoints (each ends with an fsync)
TAG_STATS_SECONDS = 3600.0
# Read connections per archive, and as many more for a search's concurrent count (a separate
# pool: a search holds its reader while waiting for the count, so sharing one could deadlock).
# More than the cores only queues in SQLite; each costs up to CACHE_KIB of page cache.
READ_CONNECTIONS = 4
# Search pages, and the queue's pages of documents, kept until the next commit: the pages people
# read (INTERACTIVE_PAGE_SIZE), not the 200-article pages bulk readers walk through (which would
# fill them with thousands of texts).
SEARCH_MEMO_PAGES = 64
HISTORY_BATCH = 500  # documents whose review histories one read of the log fetches


class SQLiteArchive(Archive):
    """Archive in one SQLite file with FTS5 indexes (exact diacritics + folded fallback)."""

    name = "sqlite"

    def __init__(
        self,
        path: Path,
        *,
        timezone: str = "Asia/Ho_Chi_Minh",
        batch_size: int = 500,
        synonyms: Synonyms | None = None,
        search_memo_pages: int = SEARCH_MEMO_PAGES,
        count_limit: int = COUNT_LIMIT,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    ) -> None:
        """`search_memo_pages`: search pages kept until the next commit; 0 searches every time
        (a benchmark measuring the search itself). `count_limit`: how many matches an
        interactive search page counts at most (`index.types.COUNT_LIMIT`). `busy_timeout`:
        seconds a connection waits for another one holding the file's lock before ArchiveBusy."""
        self._path = path
        self._count_limit = count_limit
        self._synonyms = synonyms or Synonyms()
        self._tz = zone(timezone)
        self._offset_seconds = int(fixed_utc_offset(self._tz).total_seconds())
        self._batch_size = batch_size
        self._lock = threading.RLock()
        self._writing = False  # inside `writing`: writes join its transaction
        self._conn = _connect(path, busy_timeout)
        try:
            with self._translated():
                migrate(self._conn)
        except SearchIndexError:
            self._conn.close()
            raise
        self._readers = ReadPool(lambda: _reader(path, busy_timeout), READ_CONNECTIONS)
        # Counting a search's matches runs beside ranking them, on its own connections.
        self._counters = ReadPool(lambda: _reader(path, busy_timeout), READ_CONNECTIONS)
        self._triage_memo: ChangeMemo[TriageRead] = ChangeMemo(_reader(path, busy_timeout))
        # Reviewers repeat the same searches; a page cannot change before the next commit.
        self._search_memo: ChangeMemo[SearchPage] = ChangeMemo(
            _reader(path, busy_timeout), search_memo_pages
        )
        # So do the queue's pages of documents.
        self._pages_memo: ChangeMemo[tuple[Document, ...]] = ChangeMemo(
            _reader(path, busy_timeout), SEARCH_MEMO_PAGES
        )
        self._tag_stats: dict[str, int] = {}
        self._tag_stats_at = 0.0
        self._count_pool = ThreadPoolExecutor(
            max_workers=READ_CONNECTIONS, thread_name_prefix="archive-count"
        )

    # -- writes ------------------------------------------------------------------------------

    def upsert(self, documents: Iterable[Document]) -> int:
        """Insert or replace by id, one committed transaction per batch; returns how many were new.

        A worker thread normalises and folds the next batch while SQLite writes the current one
        (sqlite3 releases the GIL while it works), which is what makes bulk imports fast.
        """
        batches = _batched(documents, self._batch_size)
        new = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="archive-prepare") as pool:
            pending = pool.submit(_prepare_next, batches)
            while prepared := pending.result():
                pending = pool.submit(_prepare_next, batches)
                with self._write() as conn:
                    new += write_batch(conn, prepared)
        return new

    def delete(self, document_id: str) -> bool:
        """Remove the article; its review history stays in the audit log."""
        with self._write() as conn:
            return delete_article(conn, document_id)

    def record_review(self, event: ReviewEvent) -> None:
        with self._write() as conn:
            changed = conn.execute(
                "UPDATE articles SET review_status = ? WHERE id = ?",
                (event.status_after, event.document_id),
            ).rowcount
            if not changed:
                raise DocumentNotFound(f"No article with id {event.document_id!r}")
            row = review_row(event)
            conn.execute(
                f"INSERT INTO reviews ({', '.join(REVIEW_COLUMNS)}) "
                f"VALUES ({', '.join(':' + c for c in REVIEW_COLUMNS)})",
                row,
            )

    # -- reads -------------------------------------------------------------------------------

    def get(self, document_id: str) -> Document | None:
        with self._read() as conn:
            row = conn.execute("SELECT * FROM articles WHERE id = ?", (document_id,)).fetchone()
        return row_document(row) if row else None

    def get_many(self, document_ids: Sequence[str]) -> list[Document]:
        """One read for a page of documents (the queue shows 50), in the order asked; the same
        page asked again before the next commit to the archive is not read again."""
        if len(document_ids) > INTERACTIVE_PAGE_SIZE:  # a bulk read, not a page people read
            return self._get_many(document_ids)
        ids = tuple(document_ids)
        with self._translated():
            return list(self._pages_memo.get(ids, lambda _: tuple(self._get_many(ids))))

    def _get_many(self, document_ids: Sequence[str]) -> list[Document]:
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT * FROM articles WHERE id IN ({', '.join('?' * len(document_ids))})",
                list(document_ids),
            ).fetchall()
        found = {row["id"]: row_document(row) for row in rows}
        return [found[i] for i in document_ids if i in found]

    def story_ids(self, document_ids: Sequence[str]) -> dict[str, str | None]:
        """One read of the ids' story column (by the primary key, no article text)."""
        if not document_ids:
            return {}
        marks = ", ".join("?" * len(document_ids))
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT id, story_id FROM articles WHERE id IN ({marks})", list(document_ids)
            ).fetchall()
        return {row[0]: row[1] for row in rows}

    def search(self, query: Query) -> SearchPage:
        """One page of hits; relevance order covers the newest RANK_WINDOW matches. The same
        page asked again before the next commit to the archive is not searched again.

        Raises:
            QueryError: bad paging, a relevance page past RANK_WINDOW, or an unusable query.
        """
        if query.page < 1 or not 1 <= query.page_size <= MAX_PAGE_SIZE:
            raise QueryError(
                f"Trang {query.page} với {query.page_size} kết quả/trang không hợp lệ "
                f"(trang ≥ 1, tối đa {MAX_PAGE_SIZE} kết quả/trang)."
            )
        query = _normalized_query(query)
        if query.page_size > INTERACTIVE_PAGE_SIZE:  # a bulk read paging through many matches
            return self._search(query)
        with self._translated():
            return self._search_memo.get(query, lambda _: self._search(query))

    def _search(self, query: Query) -> SearchPage:
        parsed = parse_query(query.text, self._synonyms)
        window = self._window(query, parsed)
        offset = (query.page - 1) * query.page_size
        if query.sort == "relevance" and not parsed.empty and offset >= RANK_WINDOW:
            raise QueryError(
                f"Chỉ xếp theo mức liên quan được {RANK_WINDOW:,} kết quả đầu tiên; hãy sắp xếp "
                "theo ngày hoặc thu hẹp tìm kiếm để xem tiếp.".replace(",", ".")
            )
        limit = counted_up_to(query, self._count_limit)
        by_relevance = query.sort == "relevance" and not parsed.empty
        with self._read() as conn:
            # Counting one match past the limit tells a capped count from an exact one. A page
            # by date counts at least as far as its choice between walking the date index and
            # sorting the matches needs (12,650 matches at 1M articles and 20 a page).
            page_end = offset + query.page_size
            walks = not by_relevance and not parsed.empty  # may walk the date index
            size = _archive_size(conn) if walks else 0
            threshold = walk_threshold(size, page_end) if walks else 0
            cap = None if limit is None else max(limit, threshold) + 1
            if walks and cap is not None:
                ranked, matched = self._newest_matches(conn, query, parsed, window, offset, cap)
            else:
                counting = self._count_pool.submit(
                    self._count, *total_sql(query, parsed, window, cap)
                )
                if by_relevance:
                    ranked = _ranked(conn, query, parsed, window, page_end)[offset:page_end]
                elif walks:  # a bulk page counts every match before choosing its plan
                    dense = walk_dates(counting.result(), size, page_end)
                    ranked = self._newest(conn, query, parsed, window, offset, dense)
                else:
                    ranked = self._newest(conn, query, parsed, window, offset, dense=False)
                matched = counting.result()
            ids = [doc for doc, _, _ in ranked]
            docs = {
                row["rowid"]: row_document(row)
                for row in conn.execute(
                    f"SELECT rowid, * FROM articles WHERE rowid IN ({', '.join('?' * len(ids))})",
                    ids,
                )
            }
        hits = tuple(
            Hit(
                document=docs[doc],
                score=-score,
                snippet=make_snippet(docs[doc].body, parsed, folded=not exact),
                marked_title=mark_title(docs[doc].title, parsed, folded=not exact),
                match="exact" if exact else "folded",
            )
            for doc, exact, score in ranked
        )
        # Every page reports the same bound, whatever its sort counted to choose its plan.
        total, exact = _capped(matched, None if limit is None else limit + 1)
        return SearchPage(
            total=total,
            hits=hits,
            page=query.page,
            page_size=query.page_size,
            total_exact=exact,
            reachable=RANK_WINDOW if by_relevance else None,
        )

    def count_matches(self, query: Query) -> int:
        """One count of the set a search pages through (`total_sql`), uncapped."""
        query = _normalized_query(query)
        parsed = parse_query(query.text, self._synonyms)
        return self._count(*total_sql(query, parsed, self._window(query, parsed)))

    def _count(self, sql: str, params: dict[str, Any]) -> int:
        with self._counters.connection() as conn, self._translated():
            return conn.execute(sql, params).fetchone()[0]

    def _newest_matches(
        self,
        conn: sqlite3.Connection,
        query: Query,
        parsed: ParsedQuery,
        window: Window,
        offset: int,
        cap: int,
    ) -> tuple[list[_Ranked], int]:
        """One date-sorted page of a text search and how many match (at most `cap`).

        Fewer than `cap` matches are sorted and counted in one statement; more are what
        walking the date index is for (`walk_dates`), and their count stays at the cap.
        """
        rows = conn.execute(
            *sorted_matches_sql(query, parsed, window, cap, query.page_size, offset)
        ).fetchall()
        matched = rows[-1]["doc"]
        if matched >= cap:
            return self._newest(conn, query, parsed, window, offset, dense=True), matched
        return self._exactness(conn, parsed, window, [row["doc"] for row in rows[:-1]]), matched

    def _newest(
        self,
        conn: sqlite3.Connection,
        query: Query,
        parsed: ParsedQuery,
        window: Window,
        offset: int,
        dense: bool,
    ) -> list[_Ranked]:
        """One date-sorted page as (doc, exact, 0.0); `dense`: found by walking the date index
        (`walk_dates`)."""
        sql, params = search_sql(query, parsed, window, query.page_size, offset, dense=dense)
        return self._exactness(
            conn, parsed, window, [row["doc"] for row in conn.execute(sql, params)]
        )

    def _exactness(
        self, conn: sqlite3.Connection, parsed: ParsedQuery, window: Window, ids: list[int]
    ) -> list[_Ranked]:
        """The page `ids` as (doc, exact, 0.0): whether each matched with its diacritics."""
        exact = _matched_as_typed(conn, parsed, window, ids)
        return [(doc, doc in exact, 0.0) for doc in ids]

    def counts(
        self,
        query: Query,
        *,
        group_by: GroupBy | None = None,
        interval: Interval = "week",
        unit: CountUnit = "articles",
    ) -> CountTable:
        query = _normalized_query(query)
        parsed = parse_query(query.text, self._synonyms)
        if self._offset_seconds == SUMMARY_OFFSET_SECONDS and summary_applies(
            query, parsed, group_by, unit
        ):
            sql, params = summary_counts_sql(
                query,
                self._window(query),
                group_by=group_by,
                interval=interval,
                offset_seconds=SUMMARY_OFFSET_SECONDS,
            )
        else:
            sql, params = counts_sql(
                query,
                parsed,
                self._window(query, parsed),
                group_by=group_by,
                interval=interval,
                offset_seconds=self._offset_seconds,
                unit=unit,
            )
        raw: dict[tuple[str, date], int] = defaultdict(int)
        stories: dict[tuple[str, date], set[str]] = defaultdict(set)
        with self._read() as conn:
            for group, key, value in conn.execute(sql, params):
                if unit == "stories":
                    stories[group, bucket_date(key, interval)].add(value)
                else:
                    raw[group, bucket_date(key, interval)] += value
        raw.update({cell: len(ids) for cell, ids in stories.items()})
        # A story whose copies fall in two buckets is one story of the range.
        distinct = (
            len(set().union(*stories.values())) if unit == "stories" and not group_by else None
        )
        shown = {
            "province": query.provinces,
            "outlet": query.outlets,
            "kind": query.kinds,
            "topic": query.topics,
        }
        return fill_counts(
            raw,
            first=query.date_from,
            last=query.date_to,
            interval=interval,
            group_by=group_by,
            groups=shown.get(group_by or "", ()),
            unit=unit,
            distinct=distinct,
        )

    def triage_entries(self, query: Query, limit: int) -> tuple[list[TriageEntry], bool]:
        if query.text.strip():
            return super().triage_entries(query, limit)
        found = self.triage(query, limit)
        return list(found.entries), found.capped

    def triage(self, query: Query, limit: int) -> TriageList:
        """One read of the flagged articles' triage columns from their index (no text, no
        visit to the articles), kept until the next commit to the archive (`ChangeMemo`) and the
        same object after a commit that changed none of them (`sqlite_triage`); a text query
        pages through `search` as other backends do."""
        if query.text.strip():
            return super().triage(query, limit)
        query = replace(_normalized_query(query), flagged_only=True)
        sql, params = triage_sql(query, self._window(query), limit + 1)
        key = (sql, tuple(sorted(params.items())))
        with self._translated():
            return self._triage_memo.get(
                key, lambda kept: self._triage_read(sql, params, limit, kept)
            ).triage

    def _triage_read(
        self, sql: str, params: dict[str, Any], limit: int, kept: TriageRead | None
    ) -> TriageRead:
        with self._read() as conn:
            cursor = conn.cursor()
            cursor.row_factory = None  # plain tuples: compared with the kept read's rows
            rows = cursor.execute(sql, params).fetchall()
        return triage_read(rows, limit, kept)

    def iter_documents(
        self, page_size: int = 100, *, query: Query | None = None
    ) -> Iterator[Document]:
        """Every document, newest first, in keyset pages (each page costs the same); those
        matching a query, through `search`'s pages."""
        if query is not None:
            yield from super().iter_documents(page_size, query=query)
            return
        after = (2**63 - 1, 2**63 - 1)
        while True:
            with self._read() as conn:
                rows = conn.execute(
                    "SELECT * FROM articles WHERE (published_us, rowid) < (?, ?) "
                    "ORDER BY published_us DESC, rowid DESC LIMIT ?",
                    (*after, page_size),
                ).fetchall()
            if not rows:
                return
            yield from (row_document(row) for row in rows)
            after = (rows[-1]["published_us"], rows[-1]["rowid"])

    def review_history(self, document_id: str) -> Sequence[ReviewEvent]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM reviews WHERE document_id = ? ORDER BY at_us, seq", (document_id,)
            ).fetchall()
        return tuple(row_review(row) for row in rows)

    def review_histories(self, document_ids: Sequence[str]) -> Mapping[str, Sequence[ReviewEvent]]:
        """One read of the log per HISTORY_BATCH ids, each history in `review_history`'s order."""
        found: dict[str, list[ReviewEvent]] = {document_id: [] for document_id in document_ids}
        wanted = list(found)
        for start in range(0, len(wanted), HISTORY_BATCH):
            batch = wanted[start : start + HISTORY_BATCH]
            with self._read() as conn:
                rows = conn.execute(
                    f"SELECT * FROM reviews WHERE document_id IN ({', '.join('?' * len(batch))}) "
                    "ORDER BY document_id, at_us, seq",
                    batch,
                ).fetchall()
            for row in rows:
                found[row["document_id"]].append(row_review(row))
        return {document_id: tuple(events) for document_id, events in found.items()}

    def review_events(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        actor: str | None = None,
        action: str | None = None,
        limit: int = 1000,
    ) -> Sequence[ReviewEvent]:
        conditions = [
            (since is not None, "at_us >= ?", since and to_us(since)),
            (until is not None, "at_us < ?", until and to_us(until)),
            (actor is not None, "actor = ?", actor),
            (action is not None, "action = ?", action),
        ]
        where = " AND ".join(sql for wanted, sql, _ in conditions if wanted) or "1"
        args = [value for wanted, _, value in conditions if wanted]
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT * FROM reviews WHERE {where} ORDER BY at_us DESC, seq DESC LIMIT ?",
                (*args, limit),
            ).fetchall()
        return tuple(row_review(row) for row in rows)

    def review_activity(
        self,
        *,
        since: datetime,
        until: datetime,
        actions: Collection[str] = (),
        statuses: Collection[str] = (),
    ) -> Mapping[str, datetime]:
        built = activity_sql(to_us(since), to_us(until), actions, statuses)
        if built is None:
            return {}
        sql, params = built
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return {row["document_id"]: from_us(row["at_us"]) for row in rows}

    def stats(self) -> ArchiveStats:
        tiers = sorted(REVIEW_TIERS)
        with self._read() as conn:
            row = conn.execute(
                "SELECT count(*), "
                f"coalesce(sum(risk IS NOT NULL AND tier IN ({', '.join('?' * len(tiers))})), 0), "
                "coalesce(sum(review_status != ?), 0), "
                "min(published_us), max(published_us), max(crawled_us) FROM articles",
                (*tiers, DEFAULT_REVIEW_STATUS),
            ).fetchone()
        documents, flagged, reviewed, first, last, crawled = tuple(row)
        return ArchiveStats(
            documents=documents,
            flagged=flagged,
            reviewed=reviewed,
            first_published=from_us(first) if first is not None else None,
            last_published=from_us(last) if last is not None else None,
            last_crawled=from_us(crawled) if crawled is not None else None,
        )

    def close(self) -> None:
        self._count_pool.shutdown()
        self._readers.close()
        self._counters.close()
        self._triage_memo.close()
        self._search_memo.close()
        self._pages_memo.close()
        with self._lock:
            self._conn.close()

    # -- plumbing ----------------------------------------------------------------------------

    def _window(self, query: Query, parsed: ParsedQuery | None = None) -> Window:
        """The query's date bounds, and for a text query its selective filter tags."""
        check_day_range(query.date_from, query.date_to)
        start, end = day_bounds_utc(query.date_from, query.date_to, self._tz)
        groups = query_tags(query) if parsed is not None and not parsed.empty else ()
        if groups:
            groups = selective_groups(groups, *self._tag_frequencies(groups))
        return Window(
            start_us=to_us(start) if start else None,
            end_us=to_us(end) if end else None,
            tag_groups=groups,
        )

    def _tag_frequencies(self, groups: tuple[tuple[str, ...], ...]) -> tuple[dict[str, int], int]:
        """(articles per tag, archive size) for the tags in `groups`, as planner statistics.

        Counting a tag reads its whole doclist, so counts are kept for TAG_STATS_SECONDS: a
        filter's share of the archive changes slowly, and a stale share only costs speed.
        """
        now = time.monotonic()
        if now - self._tag_stats_at > TAG_STATS_SECONDS:
            self._tag_stats, self._tag_stats_at = {}, now
        wanted = sorted({t for group in groups for t in group} - self._tag_stats.keys())
        with self._read() as conn:
            if wanted:
                found = dict(
                    conn.execute(
                        f"SELECT term, doc FROM temp.tag_vocabulary WHERE col = 'tags' AND term IN "
                        f"({', '.join('?' * len(wanted))})",
                        wanted,
                    )
                )
                self._tag_stats.update({t: found.get(t, 0) for t in wanted})
            size = _archive_size(conn)
        return self._tag_stats, size

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._translated(), self._readers.connection() as conn:
            yield conn

    @contextmanager
    def writing(self) -> Iterator[None]:
        """SQLite's write lock (one writer per file, across processes) from the start: reads
        made meanwhile, on any connection, see every commit, and the writes made inside commit
        together at the end."""
        with self._write():
            self._writing = True
            try:
                yield
            finally:
                self._writing = False

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._translated():
            # Only the lock's holder (it is reentrant) sees `_writing` set: its own `writing`,
            # whose transaction this write joins.
            if self._writing:
                yield self._conn
                return
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.rollback()
                raise
            self._conn.execute("COMMIT")

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """Driver errors become index errors (temporary ones as BackendUnavailable)."""
        try:
            yield
        except sqlite3.OperationalError as err:
            message = str(err)
            if "locked" in message or "busy" in message:
                raise ArchiveBusy(
                    f"kho lưu trữ SQLite {str(self._path)!r} đang bận: {sqlite_problem(err)}"
                ) from err
            raise SearchIndexError(
                f"lỗi kho lưu trữ SQLite {str(self._path)!r}: {sqlite_problem(err)}"
            ) from err
        except sqlite3.Error as err:
            raise SearchIndexError(
                f"lỗi kho lưu trữ SQLite {str(self._path)!r}: {sqlite_problem(err)}"
            ) from err


def _connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A connection with the archive's pragmas (WAL, page cache, memory map)."""
    try:
        conn = sqlite3.connect(
            path, check_same_thread=False, isolation_level=None, timeout=busy_timeout
        )
    except sqlite3.Error as err:
        raise BackendUnavailable(
            f"không mở được kho lưu trữ SQLite {str(path)!r}: {sqlite_problem(err)}"
        ) from err
    conn.row_factory = sqlite3.Row
    try:
        conn.execute(f"PRAGMA page_size = {PAGE_BYTES}")  # before WAL: fixed once in WAL mode
        use_wal(conn, busy_timeout)
        for pragma in (
            "synchronous = NORMAL",
            f"cache_size = -{CACHE_KIB}",
            f"mmap_size = {MMAP_BYTES}",
            f"wal_autocheckpoint = {CHECKPOINT_PAGES}",
        ):
            conn.execute(f"PRAGMA {pragma}")
    except sqlite3.Error as err:
        conn.close()
        raise SearchIndexError(
            f"lỗi kho lưu trữ SQLite {str(path)!r}: {sqlite_problem(err)}"
        ) from err
    return conn


def _reader(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A read-only connection with the tag vocabulary `_tag_frequencies` reads (temp tables are
    per connection)."""
    conn = _connect(path, busy_timeout)
    try:
        conn.execute(
            "CREATE VIRTUAL TABLE temp.tag_vocabulary USING fts5vocab(main, articles_folded, col)"
        )
        conn.execute("PRAGMA query_only = 1")
    except sqlite3.Error as err:
        conn.close()
        raise SearchIndexError(
            f"lỗi kho lưu trữ SQLite {str(path)!r}: {sqlite_problem(err)}"
        ) from err
    return conn


def _capped(counted: int, cap: int | None) -> tuple[int, bool]:
    """(total, exact) from a count that stopped at `cap` (or never, when cap is None): one
    that reached it only says that more than cap - 1 documents match."""
    if cap is not None and counted >= cap:
        return cap - 1, False
    return counted, True


def _archive_size(conn: sqlite3.Connection) -> int:
    """About how many articles the archive holds: the highest rowid, one index lookup."""
    return conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]


_Ranked = tuple[int, bool, float]  # (doc rowid, exact match, bm25 score: lower is better)


def _ranked(
    conn: sqlite3.Connection, query: Query, parsed: ParsedQuery, window: Window, needed: int
) -> list[_Ranked]:
    """Matches in relevance order, at least `needed` of them when there are that many.

    Exact matches (the newest RANK_WINDOW, by bm25) come first, those where one of the phrases
    of words to find together stands (`ParsedQuery.together`) before those where its words
    stand side by side in another order, and those before the others; the folded index is
    ranked only when they do not fill the page and the query has words typed without
    diacritics. Each list is sorted and cut in SQL; the folded one keeps `needed` rows beyond
    those already ranked exact, which it skips. Words to find together typed bare, or with a
    word that may have lost its diacritics (`ParsedQuery.together_bare`), rank by the folded
    index alone (`_ranked_bare_together`).
    """
    if parsed.together_bare:
        return _ranked_bare_together(conn, query, parsed, window, needed)
    together = bool(parsed.together)
    exact = conn.execute(*rank_window_sql("articles_fts", query, parsed, window, needed, together))
    ranked = [(row["doc"], True, row["score"]) for row in exact]
    if len(ranked) < needed and not parsed.all_accented:
        seen = {doc for doc, _, _ in ranked}
        limit = needed + len(seen)
        folded = conn.execute(*rank_window_sql("articles_folded", query, parsed, window, limit))
        ranked += [(row["doc"], False, row["score"]) for row in folded if row["doc"] not in seen]
    return ranked


def _ranked_bare_together(
    conn: sqlite3.Connection, query: Query, parsed: ParsedQuery, window: Window, needed: int
) -> list[_Ranked]:
    """`_ranked` for words to find together typed bare: the folded index's window, those where
    one of the phrases stands (in any spelling) first, then those where its words stand side by
    side in another order, then the others, each by bm25. A word that is also a word as typed
    ("so" in "so với") is no sign of the one meant ("sổ"), so matching as typed does not rank;
    whether each ranked hit did is looked up."""
    rows = conn.execute(
        *rank_window_sql("articles_folded", query, parsed, window, needed, together=True)
    )
    ranked = [(row["doc"], row["score"]) for row in rows]
    exact = _matched_as_typed(conn, parsed, window, [doc for doc, _ in ranked])
    return [(doc, doc in exact, score) for doc, score in ranked]


def _matched_as_typed(
    conn: sqlite3.Connection, parsed: ParsedQuery, window: Window, ids: list[int]
) -> set[int]:
    """Which of the matches `ids` match the query with its diacritics."""
    # Candidates of a query typed all with diacritics come from the exact index: every one
    # is exact, and asking FTS5 again would evaluate a phrase a second time.
    if not ids or parsed.empty or parsed.all_accented:
        return set(ids)
    return {row[0] for row in conn.execute(*exact_docs_sql(parsed, window, ids))}


def _batched(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def _prepare_next(batches: Iterator[list[Document]]) -> list[PreparedArticle]:
    """The next batch as rows, or [] at the end."""
    return prepare(next(batches, []))


def _normalized_query(query: Query) -> Query:
    return replace(query, provinces=frozenset(normalize_spelling(p) for p in query.provinces))
