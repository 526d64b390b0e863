"""The state database: created from empty, adopted from before versioning, newer ones refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pressmon.errors import StateDatabaseError
from pressmon.state_db import MIGRATIONS, open_state_db

# The tables exactly as crawlers/state.py, pressmon/web/accounts.py and pressmon/snapshots.py
# created them before the state database had versions.
UNVERSIONED = """
CREATE TABLE IF NOT EXISTS seen_urls (
    url_id TEXT PRIMARY KEY, url TEXT NOT NULL, source_id TEXT NOT NULL, outcome TEXT NOT NULL,
    first_seen TEXT NOT NULL, last_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (
    article_id TEXT PRIMARY KEY, story_id TEXT NOT NULL, fingerprint TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS crawl_runs (
    run_id TEXT NOT NULL, source_id TEXT NOT NULL, started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL, stored INTEGER NOT NULL, counters TEXT NOT NULL,
    PRIMARY KEY (run_id, source_id)
);
CREATE TABLE IF NOT EXISTS users (
    username TEXT PRIMARY KEY,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('reviewer', 'lead', 'admin')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token_digest TEXT PRIMARY KEY, username TEXT NOT NULL REFERENCES users(username),
    csrf_token TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS assignments (
    document_id TEXT PRIMARY KEY, assignee TEXT NOT NULL, assigned_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS coverage_snapshots (
    week_start TEXT NOT NULL, group_by TEXT NOT NULL, "group" TEXT NOT NULL,
    count INTEGER NOT NULL, frozen_at TEXT NOT NULL, revision INTEGER NOT NULL,
    PRIMARY KEY (week_start, group_by, "group", revision)
);
INSERT INTO seen_urls VALUES ('u1', 'https://bao.vn/a.html', 'bao', 'stored', 't', 't');
INSERT INTO users VALUES ('an', 'An', 'reviewer', 'hash', 0, 't');
INSERT INTO coverage_snapshots VALUES ('2026-01-05', '', '', 12, 't', 0);
"""
TABLES = {
    "seen_urls",
    "stories",
    "crawl_runs",
    "users",
    "sessions",
    "assignments",
    "coverage_snapshots",
    "login_failures",
    "account_events",
    "evidence",
    "escalations",
    "login_address_failures",
    "content_changes",  # version 9
    "challenged_hosts",  # version 13
    "schema_version",
}
ALERT_TABLES = {"alerts", "alert_deliveries", "alert_events", "alert_preferences"}  # version 6
ALERT_TABLES |= {"alert_items"}  # version 11


def _columns(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {name: conn.execute(f'PRAGMA table_info("{name}")').fetchall() for name in names}


def _version(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]


def test_an_empty_file_gets_every_table_at_the_newest_version(tmp_path: Path) -> None:
    conn = open_state_db(tmp_path / "sub" / "state.db")
    assert set(_columns(conn)) == TABLES | ALERT_TABLES
    assert _version(conn) == len(MIGRATIONS)
    conn.close()


def test_a_database_from_before_versioning_is_adopted_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    with sqlite3.connect(path) as old:
        old.executescript(UNVERSIONED)
        before = _columns(old)
    old.close()
    conn = open_state_db(path)
    after = _columns(conn)
    assert after.pop("schema_version") and after.pop("login_failures")
    assert after.pop("account_events") and after.pop("evidence") and after.pop("escalations")
    assert after.pop("login_address_failures") and after.pop("content_changes")
    assert after.pop("challenged_hosts")
    for table in ALERT_TABLES:
        assert after.pop(table)
    # Versions 3 and 5 add a column each to users; everything that was there is kept as it was.
    assert [column[1] for column in after["users"][-2:]] == ["must_change_password", "province"]
    after["users"] = after["users"][:-2]
    # Version 8 adds the version of the page last read to seen_urls, version 10 its retries,
    # version 12 the re-check of a not_article from before.
    added = ["modified", "etag", "http_last_modified", "attempts", "retry_at", "recheck"]
    assert [c[1] for c in after["seen_urls"][-6:]] == added
    after["seen_urls"] = after["seen_urls"][:-6]
    assert after == before
    assert _version(conn) == len(MIGRATIONS)  # stamped as version 1, then migrated on
    assert conn.execute("SELECT outcome FROM seen_urls").fetchall() == [("stored",)]
    assert conn.execute("SELECT username FROM users").fetchall() == [("an",)]
    assert conn.execute("SELECT count FROM coverage_snapshots").fetchall() == [(12,)]
    conn.close()


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    open_state_db(path).close()
    conn = open_state_db(path)
    assert conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
    conn.close()


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    open_state_db(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?)", (len(MIGRATIONS) + 1,))
    conn.close()
    with pytest.raises(
        StateDatabaseError,
        match=rf"phiên bản lược đồ {len(MIGRATIONS) + 1}, mới hơn.*\({len(MIGRATIONS)}\)",
    ) as caught:
        open_state_db(path)
    assert "nâng cấp pressmon" in caught.value.hint


def test_a_file_that_is_not_a_database_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    path.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(
        StateDatabaseError,
        match="không mở được cơ sở dữ liệu trạng thái .*state.db.*: tệp không phải cơ sở dữ liệu",
    ):
        open_state_db(path)


def test_version_3_keeps_accounts_and_adds_the_reset_flag_and_audit_log(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    conn = sqlite3.connect(path)
    conn.executescript(UNVERSIONED)
    from pressmon.state_db import migrate

    migrate(conn, MIGRATIONS[:2])
    conn.close()
    conn = open_state_db(path)
    assert _version(conn) >= 3
    row = conn.execute("SELECT username, must_change_password FROM users").fetchone()
    assert row == ("an", 0)
    conn.execute(
        "INSERT INTO account_events (at, actor, username, action) VALUES ('t', 'x', 'an', 'enable')"
    )
    conn.close()


def test_version_8_keeps_every_crawled_url_and_adds_its_page_version(tmp_path: Path) -> None:
    from crawlers.revisions import PageVersion
    from crawlers.state import CrawlState
    from pressmon.state_db import migrate

    path = tmp_path / "state.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        UNVERSIONED.replace(
            "'t', 't')", "'2026-05-12T03:00:00+00:00', '2026-05-12T03:00:00+00:00')"
        )
    )
    migrate(conn, MIGRATIONS[:7])
    before = conn.execute("SELECT * FROM seen_urls").fetchall()
    conn.close()
    conn = open_state_db(path)
    assert _version(conn) >= 8
    columns = "url_id, url, source_id, outcome, first_seen, last_seen, modified, etag"
    rows = conn.execute(f"SELECT {columns}, http_last_modified FROM seen_urls").fetchall()
    assert rows == [(*before[0], None, None, None)]
    conn.close()
    known = CrawlState(path).known("u1")
    assert known is not None and known.outcome == "stored" and known.version == PageVersion()


def _seen_urls_at_version_9(path: Path) -> sqlite3.Connection:
    """A state database at version 9 with a stored, a not_article, a timeout, an irrelevant URL."""
    from pressmon.state_db import migrate

    conn = sqlite3.connect(path)
    conn.executescript(
        UNVERSIONED.replace(
            "'t', 't')", "'2026-05-12T03:00:00+00:00', '2026-05-12T03:00:00+00:00')"
        )
    )
    migrate(conn, MIGRATIONS[:9])
    conn.executemany(
        "INSERT INTO seen_urls VALUES (?, ?, 'bao', ?, ?, ?, NULL, '\"e\"', NULL)",
        [
            (f"u{n}", f"https://bao.vn/{n}.html", outcome, "2026-05-12", "2026-05-13")
            for n, outcome in enumerate(("not_article", "timeout", "irrelevant"), start=2)
        ],
    )
    conn.commit()
    return conn


def test_version_10_keeps_every_crawled_url_with_no_retry_waiting(tmp_path: Path) -> None:
    from pressmon.state_db import migrate

    conn = _seen_urls_at_version_9(tmp_path / "state.db")
    before = conn.execute("SELECT * FROM seen_urls ORDER BY url_id").fetchall()
    migrate(conn, MIGRATIONS[:10])
    assert _version(conn) == 10
    after = conn.execute("SELECT * FROM seen_urls ORDER BY url_id").fetchall()
    assert after == [(*row, 0, None) for row in before] and len(after) == 4
    conn.close()


def test_version_11_gives_each_not_article_from_before_retries_one_recheck(
    tmp_path: Path,
) -> None:
    from crawlers.state import CrawlState
    from pressmon.state_db import migrate

    path = tmp_path / "state.db"
    conn = _seen_urls_at_version_9(path)
    migrate(conn, MIGRATIONS[:10])
    # Given up after its retries under version 10: it has had its chances.
    conn.execute(
        "INSERT INTO seen_urls VALUES ('u5', 'https://bao.vn/5.html', 'bao', 'not_article',"
        " '2026-05-12', '2026-05-20', NULL, NULL, NULL, 4, NULL)"
    )
    conn.commit()
    before = conn.execute("SELECT * FROM seen_urls ORDER BY url_id").fetchall()
    conn.close()
    conn = open_state_db(path)
    assert _version(conn) == len(MIGRATIONS) >= 11
    after = conn.execute("SELECT * FROM seen_urls ORDER BY url_id").fetchall()
    assert after == [(*row, int(row[0] == "u2")) for row in before] and len(after) == 5
    conn.close()
    state = CrawlState(path)
    known = state.known("u2")
    assert known is not None and known.outcome == "not_article" and known.recheck
    assert state.is_done("u2")  # still final: fetched once more only by the crawler's choice
    state.end_recheck("u2")
    known = state.known("u2")
    assert known is not None and known.outcome == "not_article" and not known.recheck
    assert not any(state.known(u).recheck for u in ("u1", "u3", "u4", "u5"))  # type: ignore[union-attr]
    state.close()
