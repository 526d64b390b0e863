"""The state database (settings.archive.state_path): how it is opened, and its versioned schema.

Crawl memory, reviewer accounts and sessions, and frozen coverage counts live here. Version N
is the state after `MIGRATIONS[:N]`, as in the archive (index.sqlite_schema): append new
migrations, never edit a released one. Version 1 is the tables as they were created before
versioning, with IF NOT EXISTS, so a database from then is adopted and stamped unchanged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crawlers.errors import CrawlStateError
from index.sqlite_wal import use_wal
from pressmon.errors import StateDatabaseError, StateDatabaseUnusable
from vntext.sqlite_text import sqlite_problem
from vntext.syntax_text import read_problem

_V1 = """
CREATE TABLE IF NOT EXISTS seen_urls (
    url_id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    source_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (
    article_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS crawl_runs (
    run_id TEXT NOT NULL,
    source_id TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    stored INTEGER NOT NULL,
    counters TEXT NOT NULL,
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
    token_digest TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users(username),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS assignments (
    document_id TEXT PRIMARY KEY,
    assignee TEXT NOT NULL,
    assigned_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS coverage_snapshots (
    week_start TEXT NOT NULL,      -- Monday, local day, YYYY-MM-DD
    group_by TEXT NOT NULL,        -- '' when not grouped
    "group" TEXT NOT NULL,         -- '' when not grouped
    count INTEGER NOT NULL,
    frozen_at TEXT NOT NULL,       -- ISO 8601 UTC
    revision INTEGER NOT NULL,     -- 0 = first freeze
    PRIMARY KEY (week_start, group_by, "group", revision)
);
"""

# Version 2: failed sign-ins per account name as typed (folded), whether or not such an account
# exists, so unknown names are throttled like real ones (pressmon.web.login_failures).
_V2 = """
CREATE TABLE login_failures (
    username TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at TEXT NOT NULL,
    locked_at TEXT
);
"""

# Version 3: account administration. A password reset by an administrator is one-time: the
# account must choose its own at the next sign-in. Every administrative change to an account
# (who, when, what) is kept in account_events: accounts are never deleted, neither is this.
_V3 = """
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
CREATE TABLE account_events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,              -- ISO 8601 UTC
    actor TEXT NOT NULL,           -- username of the admin, or 'cli:<system user>'
    username TEXT NOT NULL,        -- the account changed
    action TEXT NOT NULL,          -- add, disable, enable, set-role, reset-password, unlock, ...
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX account_events_username ON account_events (username, at);
"""

# Version 4: evidence. The saved copy of each flagged article (pressmon.evidence): a WARC file
# under the evidence folder (path relative to it), the SHA-256 of its payload, when and from
# which final URL it was fetched. A page fetched again with other content adds a row.
_V4 = """
CREATE TABLE evidence (
    document_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,          -- hex digest of the WARC record's payload
    path TEXT NOT NULL,            -- relative to the evidence folder
    fetched_at TEXT NOT NULL,      -- ISO 8601 UTC
    final_url TEXT NOT NULL,       -- after redirects
    record_type TEXT NOT NULL CHECK (record_type IN ('response', 'resource')),
    PRIMARY KEY (document_id, sha256)
);
"""

# Version 5: provinces that report to the Center. An account may belong to one province (NULL:
# the Center, which sees every province). An item a province sent to the Center ("Chuyển Trung
# tâm") is listed in escalations, latest sending only; the audit log in the archive keeps all.
_V5 = """
ALTER TABLE users ADD COLUMN province TEXT;
CREATE TABLE escalations (
    document_id TEXT PRIMARY KEY,
    username TEXT NOT NULL,        -- who sent it
    province TEXT NOT NULL,        -- their province then
    note TEXT NOT NULL,
    at TEXT NOT NULL               -- ISO 8601 UTC
);
"""


# Version 6: alerts (pressmon.alerts). One row per item in `alerts` makes "one alert per item"
# a primary key; each recipient address, webhook or the console is one delivery, retried on its
# own; `alert_events` is their audit log (every attempt, sent or failed). Accounts choose their
# address, opt out or take a daily digest in `alert_preferences`.
_V6 = """
CREATE TABLE alerts (
    document_id TEXT PRIMARY KEY,
    trigger TEXT NOT NULL,         -- urgent | known-claim
    payload TEXT NOT NULL,         -- JSON: pressmon.alerts.model.Alert
    created_at TEXT NOT NULL       -- ISO 8601 UTC
);
CREATE TABLE alert_deliveries (
    document_id TEXT NOT NULL REFERENCES alerts(document_id),
    channel TEXT NOT NULL,         -- mailto:<address> | <webhook URL> | console
    status TEXT NOT NULL,          -- pending | digest (waits for the daily one) | sent | failed
    attempts INTEGER NOT NULL DEFAULT 0,
    due_at TEXT NOT NULL,          -- ISO 8601 UTC: after quiet hours or at the digest time,
                                   -- then after each back-off
    last_error TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (document_id, channel)
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (status, due_at);
CREATE TABLE alert_events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,              -- ISO 8601 UTC
    document_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    outcome TEXT NOT NULL,         -- sent | failed (retried later) | gave_up
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX alert_events_at ON alert_events (at);
CREATE TABLE alert_preferences (
    username TEXT PRIMARY KEY REFERENCES users(username),
    email TEXT NOT NULL DEFAULT '',
    opted_out INTEGER NOT NULL DEFAULT 0,
    digest INTEGER NOT NULL DEFAULT 0    -- 1: one e-mail a day instead of one per alert
);
"""

# Version 7: failed sign-ins per client address, one row each, so the sliding window of
# pressmon.web.throttle.AddressWindow is shared by every worker of `pressmon serve --workers N`
# (pressmon.web.login_address_failures); a row is written when an attempt is admitted and kept if
# it fails; rows older than the window are deleted as attempts come.
_V7 = """
CREATE TABLE login_address_failures (
    address TEXT NOT NULL,
    failed_at TEXT NOT NULL        -- ISO 8601 UTC
);
CREATE INDEX login_address_failures_address ON login_address_failures (address, failed_at);
"""

# Version 8: the version of each article page last read (crawlers.revisions), so a later crawl
# fetches a stored article again when discovery shows it changed: the modification time discovery
# gave (sitemap <lastmod>, Atom <updated>; ISO 8601, NULL when none was given) and the response's
# ETag and Last-Modified headers for a conditional GET. Rows from before stay, with NULLs.
_V8 = """
ALTER TABLE seen_urls ADD COLUMN modified TEXT;
ALTER TABLE seen_urls ADD COLUMN etag TEXT;
ALTER TABLE seen_urls ADD COLUMN http_last_modified TEXT;
"""

# Version 9: items edited at their source after someone acted on them (pressmon.review.changes),
# until someone acts on them again: what the queue reads to mark them and put them first in
# their tier without replaying every history. The audit log in the archive keeps every change.
_V9 = """
CREATE TABLE content_changes (
    document_id TEXT PRIMARY KEY,
    at TEXT NOT NULL               -- ISO 8601 UTC, the latest change
);
"""

# Version 10: article URLs whose page was, for now, not the article but a shell (a challenge not
# recognised, a login wall, a maintenance or "please wait" page; crawlers.retry): how many times
# one was read, and when the URL may be fetched again (ISO 8601 UTC; NULL: no retry waiting).
# Rows from before stay, with no attempts.
_V10 = """
ALTER TABLE seen_urls ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE seen_urls ADD COLUMN retry_at TEXT;
"""

# Version 11: an item alerted again when its content changed (pressmon.alerts). An alert is no
# longer one per item but one per item and content version: `alerts` gets its own id, the
# version it was about (a digest of what a reader sees, pressmon.alerts.model.content_version;
# '' for the alerts from before, whose content was not kept) and its number for the item;
# deliveries and the audit log refer to the alert's id. `alert_items` holds, for each item
# alerted at least once, the content version last seen, alerted or not: the same content scored
# again is never announced twice, other content that is urgent is. Every row is kept. An
# alert_events outcome may now also be `superseded`: the delivery of an earlier alert still
# waiting when a later one about the item was queued; or `withdrawn`: a
# delivery still waiting to an address that no longer receives it (opted out, disabled, moved).
_V11 = """
CREATE TABLE alerts_v11 (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,     -- 1 for the item's first alert, 2 for the next...
    version TEXT NOT NULL,         -- content digest; '' from before version 11
    trigger TEXT NOT NULL,         -- urgent | known-claim
    payload TEXT NOT NULL,         -- JSON: pressmon.alerts.model.Alert
    created_at TEXT NOT NULL,      -- ISO 8601 UTC
    UNIQUE (document_id, sequence)
);
INSERT INTO alerts_v11 (document_id, sequence, version, trigger, payload, created_at)
    SELECT document_id, 1, '', trigger, payload, created_at FROM alerts ORDER BY created_at;
CREATE TABLE alert_deliveries_v11 (
    alert_id INTEGER NOT NULL REFERENCES alerts_v11(id),
    channel TEXT NOT NULL,         -- mailto:<address> | <webhook URL> | console
    status TEXT NOT NULL,          -- pending | digest (waits for the daily one) | sent | failed
                                   -- | superseded (a later alert about the item went instead)
                                   -- | withdrawn (the address no longer receives it)
    attempts INTEGER NOT NULL DEFAULT 0,
    due_at TEXT NOT NULL,          -- ISO 8601 UTC
    last_error TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (alert_id, channel)
);
INSERT INTO alert_deliveries_v11 (alert_id, channel, status, attempts, due_at, last_error)
    SELECT a.id, d.channel, d.status, d.attempts, d.due_at, d.last_error
    FROM alert_deliveries d JOIN alerts_v11 a USING (document_id);
DROP TABLE alert_deliveries;
DROP TABLE alerts;
ALTER TABLE alerts_v11 RENAME TO alerts;
ALTER TABLE alert_deliveries_v11 RENAME TO alert_deliveries;
CREATE INDEX alert_deliveries_due ON alert_deliveries (status, due_at);
ALTER TABLE alert_events ADD COLUMN alert_id INTEGER REFERENCES alerts(id);
UPDATE alert_events SET alert_id =
    (SELECT a.id FROM alerts a WHERE a.document_id = alert_events.document_id);
CREATE TABLE alert_items (
    document_id TEXT PRIMARY KEY,
    version TEXT NOT NULL          -- content digest last seen; '' from before version 11
);
INSERT INTO alert_items (document_id, version) SELECT document_id, '' FROM alerts;
"""
# Version 12: a URL recorded not_article before version 10 may have answered a shell page (a
# "Vui lòng chờ…" refresh, a short shell) that version 10 would wait for and fetch again: each
# such row (not_article with no attempts; rows judged since then are flagged too, which costs one
# fetch each) is given one re-check, fetched once more as a new URL would be (crawlers.spiders.
# source, a few per source and run). Its outcome is kept until then; the flag is cleared when the
# re-check is asked for. A URL given up after its retries (attempts above 0) is not flagged.
_V12 = """
ALTER TABLE seen_urls ADD COLUMN recheck INTEGER NOT NULL DEFAULT 0;
UPDATE seen_urls SET recheck = 1 WHERE outcome = 'not_article' AND attempts = 0;
"""

# Version 13: hosts that answered a run of anti-bot challenges (crawlers.retry): no article page is
# asked of one before retry_at; `trips` counts such runs in a row, each time its back-off was over.
# A host that answers any other page is deleted.
_V13 = """
CREATE TABLE challenged_hosts (
    host TEXT PRIMARY KEY,
    trips INTEGER NOT NULL,
    retry_at TEXT NOT NULL         -- ISO 8601 UTC
);
"""

# Version 14: each alert's story (pressmon.alerts.copies) in a column of its own, read from the
# payload for the alerts from before ('' when it did not keep one), so whether a copy's story was
# alerted lately is one indexed read, not a scan of every alert's JSON.
_V14 = """
ALTER TABLE alerts ADD COLUMN story_id TEXT NOT NULL DEFAULT '';
UPDATE alerts SET story_id = coalesce(json_extract(payload, '$.story_id'), '');
CREATE INDEX alerts_story ON alerts (story_id, created_at);
"""

MIGRATIONS: tuple[str, ...] = (
    _V1,
    _V2,
    _V3,
    _V4,
    _V5,
    _V6,
    _V7,
    _V8,
    _V9,
    _V10,
    _V11,
    _V12,
    _V13,
    _V14,
)
# Crawler, web workers and CLI commands share the file: wait for a writer rather than fail.
TIMEOUT_SECONDS = 30


def connect(path: Path) -> sqlite3.Connection:
    """A connection to a state database that `open_state_db` has already migrated."""
    try:
        return sqlite3.connect(path, timeout=TIMEOUT_SECONDS)
    except sqlite3.Error as err:
        raise _cannot_open(path, err) from err


@contextmanager
def transaction(path: Path) -> Iterator[sqlite3.Connection]:
    """One short connection (rows by name) whose work commits on exit, or rolls back on an
    error: the stores of the state database open one per call, as web routes run on a pool.

    Raises:
        StateDatabaseError: SQLite failed (locked past the timeout, damaged, read-only). A
            constraint violation stays sqlite3.IntegrityError: the stores read it as "exists".
    """
    db = connect(path)
    db.row_factory = sqlite3.Row
    try:
        with db:
            yield db
    except sqlite3.IntegrityError:
        raise
    except sqlite3.Error as err:
        raise _cannot_use(path, err) from err
    finally:
        db.close()


def open_state_db(path: Path) -> sqlite3.Connection:
    """A connection to the state database at `path`, created or migrated to the newest version.

    Raises:
        StateDatabaseError: the file cannot be opened, or newer code wrote it.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _cannot_open(path, err) from err
    conn = connect(path)
    try:
        use_wal(conn, TIMEOUT_SECONDS)
        migrate(conn)
    except BaseException as err:
        conn.close()
        if isinstance(err, sqlite3.Error):
            raise _cannot_open(path, err) from err
        raise
    return conn


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection, migrations: tuple[str, ...] = MIGRATIONS) -> int:
    """Apply the migrations `conn`'s database lacks, one transaction each; the version reached."""
    version = current_version(conn)
    if version > len(migrations):
        raise StateDatabaseError(
            f"cơ sở dữ liệu trạng thái có phiên bản lược đồ {version}, mới hơn bản pressmon "
            f"này hiểu ({len(migrations)})",
            hint="nâng cấp pressmon trước khi mở cơ sở dữ liệu trạng thái này",
        )
    for number, script in enumerate(migrations[version:], start=version + 1):
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{script}\n"
                f"INSERT INTO schema_version (version) VALUES ({number});\nCOMMIT;"
            )
        except sqlite3.Error:
            if conn.in_transaction:
                conn.rollback()
            # Another process may have applied it while this one waited for the write lock.
            if current_version(conn) >= number:
                continue
            raise
    return len(migrations)


def crawl_state_problem(err: CrawlStateError) -> StateDatabaseError:
    """The crawler's failure to use the state database, said as the other commands say theirs."""
    return _cannot_use(err.path, err.cause)


def _cannot_use(path: Path, err: sqlite3.Error) -> StateDatabaseUnusable:
    if isinstance(err, sqlite3.OperationalError) and "locked" in str(err):
        hint = (
            "một tiến trình khác (pressmon crawl, run, serve hay một lệnh users khác) đang ghi "
            f"vào tệp này quá {TIMEOUT_SECONDS} giây: đợi nó xong rồi chạy lại; `fuser -v` với "
            "tệp nêu trên cho biết tiến trình nào đang mở nó"
        )
    else:
        hint = "kiểm tra tệp, quyền ghi và archive.state_path trong settings.toml"
    return StateDatabaseUnusable(
        f"không dùng được cơ sở dữ liệu trạng thái {str(path)!r}: {sqlite_problem(err)}",
        hint,
        path,
        err,
    )


def _cannot_open(path: Path, err: sqlite3.Error | OSError) -> StateDatabaseError:
    reason = sqlite_problem(err) if isinstance(err, sqlite3.Error) else read_problem(err)
    return StateDatabaseError(
        f"không mở được cơ sở dữ liệu trạng thái {str(path)!r}: {reason}",
        hint="kiểm tra archive.state_path trong settings.toml",
    )
