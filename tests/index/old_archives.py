"""SQLite archives as older code wrote them, to prove migrations keep their data."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from index.sqlite_rows import DOCUMENT_COLUMNS, document_row, normalized
from index.sqlite_writes import summary_day
from index.text import fold
from index.types import Document

# Columns version 6 added: code before it wrote every other one.
V6_COLUMNS = ("date_reason", "date_disagreements", "seo_title")
BEFORE_V6_COLUMNS = tuple(c for c in DOCUMENT_COLUMNS if c not in V6_COLUMNS)


def insert_article(conn: sqlite3.Connection, row: dict, columns: Sequence[str]) -> None:
    """Write an articles row as an older schema's code did (only `columns`, no index writes)."""
    conn.execute(
        f"INSERT INTO articles ({', '.join(columns)}) "
        f"VALUES ({', '.join(':' + c for c in columns)})",
        row,
    )


def write_before_v6(conn: sqlite3.Connection, docs: Sequence[Document]) -> None:
    """Articles, both FTS5 indexes (title, body, tags) and daily counts as versions 4 and 5
    wrote them."""
    for doc in docs:
        row = document_row(normalized(doc))
        insert_article(conn, row, BEFORE_V6_COLUMNS)
        for table, title, body in (
            ("articles_fts", row["title"], row["body"]),
            ("articles_folded", fold(row["title"]), fold(row["body"])),
        ):
            conn.execute(
                f"INSERT INTO {table} (rowid, title, body, tags) "
                "SELECT rowid, ?, ?, tags FROM articles WHERE id = ?",
                (title, body, doc.id),
            )
        conn.execute(
            "INSERT INTO daily_counts (day, province, outlet, kind, n) VALUES (?, ?, ?, ?, 1) "
            "ON CONFLICT DO UPDATE SET n = n + 1",
            (summary_day(row["published_us"]), row["province"] or "", row["outlet"], row["kind"]),
        )
