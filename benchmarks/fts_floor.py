"""The floor: the plainest SQLite FTS5 index over the same articles, measured in the same run.

One content table and one external-content FTS5 table over it, FTS5 options left at their
defaults, the tokenizer as ours (`unicode61 remove_diacritics 0`), one transaction per batch of
`executemany` inserts, no secondary indexes. Rows arrive already prepared (the very title, body
and tags our archive stores, computed outside the timing), so the floor's time is SQLite's
work alone. Its FTS5 table carries our tags column for one reason: FTS5's bm25 normalises by
the tokens of all columns, so without it the floor would rank the same rows differently.

A second, contentless table holds the folded text, as ours does (its tokenizer strips the
diacritics): queries typed without diacritics need it.
It is written in its own transaction and timed apart, so `insert` reports both figures.

Each floor query is the single plain SQL statement returning the same page of rows in the same
order as `SQLiteArchive.search` (the benchmark checks that): relevance ranks the newest
RANK_WINDOW matches by bm25 with our column weights, date order sorts every match, and filters
are plain conditions on the content table.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.sqlite_schema import FOLDED_VALUE
from index.sqlite_writes import PreparedArticle

# index.sqlite_query's RANK_WINDOW and bm25 weights, written out: the floor states its own query,
# so a change on our side shows up as different rows instead of following silently.
RANK_WINDOW = 5_000
_BM25_WEIGHTS = "4.0, 1.0, 0.0"
_SCHEMA = """
CREATE TABLE docs (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, published_us INTEGER NOT NULL,
    kind TEXT NOT NULL, province TEXT, title TEXT NOT NULL, body TEXT NOT NULL,
    tags TEXT NOT NULL
);
CREATE VIRTUAL TABLE fts USING fts5 (
    title, body, tags, content='docs', content_rowid='rowid',
    tokenize="unicode61 remove_diacritics 0"
);
CREATE VIRTUAL TABLE folded USING fts5 (
    title, body, tags, content='', tokenize="unicode61 remove_diacritics 2"
);
"""
# As the archive's folded index (index.sqlite_schema v9): its tokenizer strips the diacritics.
_INSERT_FOLDED = (
    "INSERT INTO folded (rowid, title, body, tags) VALUES "
    f"(?, {FOLDED_VALUE.format(value='?')}, {FOLDED_VALUE.format(value='?')}, ?)"
)
# The same storage settings as the archive (index.sqlite_backend._connect): they are not index
# design, and leaving the floor at SQLite's defaults would flatter our ratio.
_PRAGMAS = (
    "page_size = 8192",
    "journal_mode = WAL",
    "synchronous = NORMAL",
    "cache_size = -65536",
    "mmap_size = 2147483648",
    "wal_autocheckpoint = 10000",
)


@dataclass(frozen=True)
class Timing:
    """Wall and CPU seconds spent in SQLite for one measured step."""

    wall: float
    cpu: float


@dataclass(frozen=True)
class FloorFilters:
    """The benchmark's filters as plain column conditions (dates as UTC epoch µs)."""

    provinces: tuple[str, ...]
    kinds: tuple[str, ...]
    start_us: int
    end_us: int


class FloorIndex:
    """The floor database: build with `insert`, query with `page_sql` and `weekly_counts_sql`."""

    def __init__(self, path: Path, *, reuse: bool = False) -> None:
        """A new floor database at `path`, or with `reuse` the one a previous run built."""
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        for pragma in _PRAGMAS:
            self.conn.execute(f"PRAGMA {pragma}")
        if not reuse:
            self.conn.executescript(_SCHEMA)
        self._next_rowid = (
            1 + self.conn.execute("SELECT coalesce(max(rowid), 0) FROM docs").fetchone()[0]
        )

    def insert(self, batch: Sequence[PreparedArticle]) -> tuple[Timing, Timing]:
        """Append `batch`; (content + FTS5 table, folded table) timings."""
        first = self._next_rowid
        self._next_rowid += len(batch)
        rows = [
            (
                first + i,
                item.row["id"],
                item.row["published_us"],
                item.row["kind"],
                item.row["province"],
                item.row["title"],
                item.row["body"],
                item.row["tags"],
            )
            for i, item in enumerate(batch)
        ]
        text = [(row[0], row[5], row[6], row[7]) for row in rows]
        main = self._timed(
            ("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows),
            ("INSERT INTO fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)", text),
        )
        extra = self._timed((_INSERT_FOLDED, text))
        return main, extra

    def _timed(self, *statements: tuple[str, list[tuple[Any, ...]]]) -> Timing:
        started, started_cpu = time.perf_counter(), time.process_time()
        self.conn.execute("BEGIN")
        for sql, rows in statements:
            self.conn.executemany(sql, rows)
        self.conn.execute("COMMIT")
        return Timing(time.perf_counter() - started, time.process_time() - started_cpu)

    def ids(self, rowids: Sequence[int]) -> list[str]:
        """Document ids of `rowids`, in that order (to compare pages with ours)."""
        found = dict(
            self.conn.execute(
                f"SELECT rowid, id FROM docs WHERE rowid IN ({', '.join('?' * len(rowids))})",
                list(rowids),
            )
        )
        return [found[r] for r in rowids]

    def close(self) -> None:
        self.conn.close()


def page_sql(
    table: str,
    match: str,
    *,
    sort: str,
    filters: FloorFilters | None,
    limit: int,
    offset: int,
    together: str | None = None,
) -> tuple[str, dict[str, Any]]:
    """The one statement returning a page of rowids for a text query on `table`; by relevance
    with `together` (a MATCH of phrases on the same table), the window's rows where it matches
    come first, as ours ranks words typed bare to find together."""
    params: dict[str, Any] = {"match": match, "limit": limit, "offset": offset}
    where = f"{table} MATCH :match"
    join = ""
    if filters is not None:
        join = f"JOIN docs ON docs.rowid = {table}.rowid "
        where += " AND " + _filter_conditions(filters, params)
    ranked = (
        f"SELECT {table}.rowid AS rowid, bm25({table}, {_BM25_WEIGHTS}) AS score FROM {table} "
        f"{join}WHERE {where} ORDER BY {table}.rowid DESC LIMIT {RANK_WINDOW}"
    )
    if sort == "relevance" and together is not None:
        params["together"] = together
        sql = (
            f"WITH ranked AS MATERIALIZED ({ranked}) "
            f"SELECT rowid FROM ranked ORDER BY rowid IN (SELECT rowid FROM {table} WHERE "
            f"{table} MATCH :together AND rowid >= (SELECT min(rowid) FROM ranked)) DESC, "
            "score, rowid LIMIT :limit OFFSET :offset"
        )
    elif sort == "relevance":
        sql = f"SELECT rowid FROM ({ranked}) ORDER BY score, rowid LIMIT :limit OFFSET :offset"
    else:
        sql = (
            f"SELECT docs.rowid FROM {table} JOIN docs ON docs.rowid = {table}.rowid "
            f"WHERE {where} ORDER BY docs.published_us DESC, docs.rowid DESC "
            "LIMIT :limit OFFSET :offset"
        )
    return sql, params


def weekly_counts_sql(filters: FloorFilters, shift_us: int) -> tuple[str, dict[str, Any]]:
    """Articles per province and local week (weeks since Monday 1969-12-29, as ours)."""
    week_us = 7 * 86_400_000_000
    params: dict[str, Any] = {
        "start_us": filters.start_us,
        "end_us": filters.end_us,
        "shift_us": shift_us + 3 * 86_400_000_000,
        "week_us": week_us,
    }
    sql = (
        "SELECT coalesce(province, ''), (published_us + :shift_us) / :week_us AS week, count(*) "
        "FROM docs WHERE published_us >= :start_us AND published_us < :end_us "
        "GROUP BY 1, 2"
    )
    return sql, params


def _filter_conditions(filters: FloorFilters, params: dict[str, Any]) -> str:
    for i, value in enumerate(filters.provinces):
        params[f"province{i}"] = value
    for i, value in enumerate(filters.kinds):
        params[f"kind{i}"] = value
    provinces = ", ".join(f":province{i}" for i in range(len(filters.provinces)))
    kinds = ", ".join(f":kind{i}" for i in range(len(filters.kinds)))
    params["start_us"], params["end_us"] = filters.start_us, filters.end_us
    return (
        f"docs.province IN ({provinces}) AND docs.kind IN ({kinds}) "
        "AND docs.published_us >= :start_us AND docs.published_us < :end_us"
    )
