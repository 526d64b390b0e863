"""The SQLite triage read: from its index alone, the same list while its rows are unchanged, the
entries of unchanged rows reused after a commit that changed others."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from index.sqlite_backend import SQLiteArchive
from index.sqlite_query import Window, triage_sql
from index.sqlite_schema import MIGRATIONS, migrate
from index.sqlite_triage import triage_read
from index.types import Document, Query, ReviewEvent
from tests.index.index_factories import make_doc

DAY = datetime(2024, 2, 1, 3, tzinfo=UTC)


def _flagged(n: int, **fields: object) -> Document:
    values: dict[str, object] = {
        "published_at": DAY + timedelta(hours=n),
        "risk": 0.5 + n / 100,
        "tier": "urgent" if n % 2 else "review",
        "flag_details": {"uncertainty": n / 10},
    }
    return make_doc(f"doc{n:03d}", **(values | fields))


def test_the_triage_query_reads_its_index_and_never_the_articles(tmp_path: Path) -> None:
    SQLiteArchive(tmp_path / "a.sqlite3").close()
    conn = sqlite3.connect(tmp_path / "a.sqlite3")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
    for query in (
        Query(flagged_only=True),
        Query(flagged_only=True, outlets=frozenset({"x"}), tiers=frozenset({"urgent"})),
    ):
        sql, params = triage_sql(query, Window(None, None, ()), 100)
        plan = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "articles_triage" in plan
        # The table's cursor is opened for a deferred seek that no column read ever triggers.
        program = conn.execute(f"EXPLAIN {sql}", params).fetchall()
        table = next(row[2] for row in program if row[1] == "OpenRead" and row[3] == root)
        assert not [row for row in program if row[1] == "Column" and row[2] == table]


def test_the_same_list_until_a_commit_changes_one_of_its_rows(tmp_path: Path) -> None:
    archive = SQLiteArchive(tmp_path / "a.sqlite3")
    archive.upsert([_flagged(n) for n in range(1, 6)])
    first = archive.triage(Query(), 100)
    assert archive.triage(Query(), 100) is first
    archive.upsert([make_doc("unflagged", published_at=DAY)])  # a commit the queue does not see
    assert archive.triage(Query(), 100) is first
    archive.record_review(ReviewEvent("doc003", "an", DAY, "unstarted", "false"))
    changed = archive.triage(Query(), 100)
    assert changed is not first
    assert [e.review_status for e in changed.entries if e.id == "doc003"] == ["false"]
    # Entries of the rows the commit left alone are the same objects.
    kept = {e.id: e for e in first.entries}
    assert all(e is kept[e.id] for e in changed.entries if e.id != "doc003")
    archive.close()


def test_entries_as_the_generic_implementation_builds_them(tmp_path: Path) -> None:
    archive = SQLiteArchive(tmp_path / "a.sqlite3")
    archive.upsert(
        [
            _flagged(1),
            _flagged(2, flag_details={}),  # no uncertainty: 0.0
            _flagged(3, flag_details={"uncertainty": "cao"}),  # not a number: 0.0
            _flagged(4, flag_details={"uncertainty": 1}),
        ]
    )
    lean = archive.triage(Query(), 3)
    generic = super(SQLiteArchive, archive).triage(Query(), 3)
    assert lean.entries == generic.entries and lean.capped and generic.capped
    assert [e.uncertainty for e in archive.triage(Query(), 10).entries] == [1.0, 0.0, 0.0, 0.1]
    archive.close()


def test_a_read_of_the_same_rows_is_the_kept_read() -> None:
    rows = [
        ("a", 0, "urgent", 0.9, "c1", "unstarted", 0.2),
        ("b", 0, "review", 0.6, None, "false", None),
    ]
    first = triage_read(rows, 1, None)
    assert first.triage.capped and [e.id for e in first.triage.entries] == ["a"]
    assert triage_read(list(rows), 1, first) is first
    longer = triage_read(rows, 2, first)
    assert longer.triage.entries[0] is first.triage.entries[0]
    assert longer.triage.entries[1].uncertainty == 0.0 and not longer.triage.capped


def test_the_upgrade_to_version_8_replaces_the_flagged_index(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:7])
    conn.close()
    archive = SQLiteArchive(path)
    archive.upsert([_flagged(1)])
    assert [e.id for e in archive.triage(Query(), 10).entries] == ["doc001"]
    archive.close()
    names = {
        row[0]
        for row in sqlite3.connect(path).execute(
            "SELECT name FROM sqlite_master WHERE type='index'"
        )
    }
    assert "articles_triage" in names and "articles_flagged" not in names
