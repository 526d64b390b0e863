"""Writing articles to SQLite: the row, both FTS5 indexes, the province and topic tables and the
daily counts, kept in step.

Every function here runs inside the caller's transaction, so an article and its index entries
are committed together or not at all. FTS5 rows are written in one `executemany` per batch
after the article rows: fed from triggers, FTS5 costs twice as much per article (measured).
New articles are inserted with `executemany` too, with the rowids SQLite would give them
(one more than the largest), so their FTS5 rows are known without a statement per article.
Their province and topic rows follow the same way, sorted by key so each batch appends to
those tables' B-trees (a trigger decoding the JSON columns per article cost 30% more per
article, measured); updates and deletes keep the triggers (`index.sqlite_schema`).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from index.sqlite_rows import DOCUMENT_COLUMNS, document_row, normalized
from index.sqlite_schema import FOLDED_VALUE, SUMMARY_OFFSET_SECONDS
from index.types import Document

_DAY_US = 86_400_000_000
_SUMMARY_SHIFT_US = SUMMARY_OFFSET_SECONDS * 1_000_000

UPSERT_SQL = (
    f"INSERT INTO articles ({', '.join(DOCUMENT_COLUMNS)}) "
    f"VALUES ({', '.join(':' + c for c in DOCUMENT_COLUMNS)}) "
    "ON CONFLICT (id) DO UPDATE SET "
    # review_status is owned by record_review: a re-crawl never resets it.
    + ", ".join(f"{c} = excluded.{c}" for c in DOCUMENT_COLUMNS if c not in {"id", "review_status"})
)
INSERT_SQL = (
    f"INSERT INTO articles (rowid, {', '.join(DOCUMENT_COLUMNS)}) "
    f"VALUES (?, {', '.join('?' * len(DOCUMENT_COLUMNS))})"
)
_INDEXED = (
    "SELECT rowid, id, title, body, tags, seo_title, published_us, province, outlet, kind "
    "FROM articles"
)
# The columns of both FTS5 indexes, in their order.
_FTS_COLUMNS = ("title", "body", "tags", "seo_title")
# Both indexes take the same values; the folded one's tokenizer strips the diacritics.
_TEXT = {
    "articles_fts": "?",
    "articles_folded": FOLDED_VALUE.format(value="?"),
}
_INSERT = (
    "INSERT INTO {table} (rowid, title, body, tags, seo_title) "
    "VALUES (?, {text}, {text}, ?, {text})"
)
_DELETE = (
    "INSERT INTO {table} ({table}, rowid, title, body, tags, seo_title) "
    "VALUES ('delete', ?, {text}, {text}, ?, {text})"
)
_INSERT_PROVINCE = "INSERT OR IGNORE INTO article_provinces (province, doc) VALUES (?, ?)"
_INSERT_TOPIC = "INSERT OR IGNORE INTO article_topics (topic, doc) VALUES (?, ?)"
_ADD_DAY_COUNT = (
    "INSERT INTO daily_counts (day, province, outlet, kind, n) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT DO UPDATE SET n = n + excluded.n"
)
_DROP_EMPTY_DAY_COUNT = (
    "DELETE FROM daily_counts WHERE day = ? AND province = ? AND outlet = ? AND kind = ? AND n = 0"
)

DayKey = tuple[int, str, str, str]


@dataclass(frozen=True)
class PreparedArticle:
    """A document as its articles row (computed off the writer thread).

    `values` is `row` in DOCUMENT_COLUMNS order, for positional `executemany`; `provinces` and
    `topics` are the article_provinces and article_topics keys of the document, without repeats.
    """

    row: dict[str, Any]
    values: tuple[Any, ...]
    provinces: tuple[str, ...]
    topics: tuple[str, ...]


def last_copies(batch: Sequence[Document]) -> list[Document]:
    """The batch with one document per id: the last copy of a repeated id, at the first's place."""
    return list({doc.id: doc for doc in batch}.values())


def prepare(batch: Sequence[Document]) -> list[PreparedArticle]:
    """Rows for a batch; the last copy of a repeated id wins."""
    prepared = []
    for doc in last_copies(batch):
        doc = normalized(doc)
        row = document_row(doc)
        values = tuple(row.values())  # document_row's keys are DOCUMENT_COLUMNS, in order
        provinces = (*doc.provinces, doc.province) if doc.province is not None else doc.provinces
        prepared.append(
            PreparedArticle(
                row,
                values,
                tuple(dict.fromkeys(provinces)),
                tuple(dict.fromkeys(doc.topics)),
            )
        )
    return prepared


def summary_day(published_us: int) -> int:
    """The daily_counts day (UTC+7) of an instant."""
    return (published_us + _SUMMARY_SHIFT_US) // _DAY_US


def write_batch(conn: sqlite3.Connection, batch: Sequence[PreparedArticle]) -> int:
    """Insert or update every article of `batch` (one per id); returns how many ids were new."""
    old = _indexed_rows(conn, [item.row["id"] for item in batch])
    indexed: list[tuple[Any, ...]] = []
    removed: list[tuple[Any, ...]] = []
    inserted: list[tuple[Any, ...]] = []
    provinces: list[tuple[str, int]] = []
    topics: list[tuple[str, int]] = []
    updated: list[dict[str, Any]] = []
    days: Counter[DayKey] = Counter()
    rowid = _max_rowid(conn)
    for item in batch:
        row = item.row
        days[_day_key(row)] += 1
        previous = old.get(row["id"])
        if previous is None:
            rowid += 1
            inserted.append((rowid, *item.values))
            provinces += [(p, rowid) for p in item.provinces]
            topics += [(t, rowid) for t in item.topics]
            target = rowid
        else:
            updated.append(row)
            target = previous["rowid"]
            days[_day_key(previous)] -= 1
            if all(previous[c] == row[c] for c in _FTS_COLUMNS):
                continue
            removed.append(_index_entry(previous))
        indexed.append((target, *(row[c] for c in _FTS_COLUMNS)))
    conn.executemany(INSERT_SQL, inserted)
    conn.executemany(_INSERT_PROVINCE, sorted(provinces))
    conn.executemany(_INSERT_TOPIC, sorted(topics))
    conn.executemany(UPSERT_SQL, updated)
    for table, text in _TEXT.items():
        conn.executemany(_DELETE.format(table=table, text=text), removed)
        conn.executemany(_INSERT.format(table=table, text=text), indexed)
    _add_day_counts(conn, days)
    return len(batch) - len(old)


def delete_article(conn: sqlite3.Connection, document_id: str) -> bool:
    """Remove one article and its index entries; False when there is no such id."""
    previous = _indexed_rows(conn, [document_id]).get(document_id)
    if previous is None:
        return False
    for table, text in _TEXT.items():
        conn.execute(_DELETE.format(table=table, text=text), _index_entry(previous))
    _add_day_counts(conn, Counter({_day_key(previous): -1}))
    conn.execute("DELETE FROM articles WHERE rowid = ?", (previous["rowid"],))
    return True


def _max_rowid(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]


def _indexed_rows(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Any]:
    """The stored index inputs of those ids that exist, by id."""
    found = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"{_INDEXED} WHERE id IN ({', '.join('?' * len(chunk))})"
        found.update({row["id"]: row for row in conn.execute(sql, chunk)})
    return found


def _index_entry(row: Any) -> tuple[Any, ...]:
    return (row["rowid"], *(row[c] for c in _FTS_COLUMNS))


def _day_key(row: Any) -> DayKey:
    return (summary_day(row["published_us"]), row["province"] or "", row["outlet"], row["kind"])


def _add_day_counts(conn: sqlite3.Connection, deltas: Counter[DayKey]) -> None:
    changed = [(*key, n) for key, n in deltas.items() if n]
    conn.executemany(_ADD_DAY_COUNT, changed)
    conn.executemany(_DROP_EMPTY_DAY_COUNT, [key for key, n in deltas.items() if n < 0])
