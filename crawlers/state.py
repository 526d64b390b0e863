"""Crawl state kept between runs: URLs already handled (incremental re-crawls) with the version of
each page last read (crawlers.revisions), per-source runs."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from crawlers.errors import CrawlStateError
from crawlers.outcomes import BAD_DATE_GIVEN_UP, CHALLENGE_GIVEN_UP
from crawlers.revisions import KnownPage, PageVersion

# Outcomes that end a URL's life: re-crawls skip them. Errors are retried on the next run; a page
# that was, for now, not the article (a shell: retry_later; a challenge; no date: bad_date) once
# its wait is over (crawlers.retry).
FINAL_OUTCOMES = frozenset(
    {"stored", "irrelevant", "duplicate", "not_article", CHALLENGE_GIVEN_UP, BAD_DATE_GIVEN_UP}
)


# How long a write waits for another process holding the file before it fails.
DEFAULT_TIMEOUT_SECONDS = 30.0

_P = ParamSpec("_P")
_R = TypeVar("_R")


def utc_now() -> datetime:
    """The crawl state's clock when none is given (a crawl run in a test may set another)."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class SourceRun:
    run_id: str
    source_id: str
    started_at: datetime
    finished_at: datetime
    stored: int
    counters: Mapping[str, int]


@dataclass(frozen=True)
class FetchedURL:
    """A fetched article URL and the version of the page read (CrawlState.mark_fetched)."""

    url_id: str
    url: str
    source_id: str
    version: PageVersion


def _state_errors(
    method: Callable[Concatenate[CrawlState, _P], _R],
) -> Callable[Concatenate[CrawlState, _P], _R]:
    """SQLite's failures in `method` become CrawlStateError naming the file."""

    @functools.wraps(method)
    def guarded(state: CrawlState, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(state, *args, **kwargs)
        except sqlite3.Error as err:
            raise CrawlStateError(state.path, err) from err

    return guarded


class CrawlState:
    """SQLite-backed memory of the crawler, in the pressmon state database.

    `path` is a state database that pressmon has already created and migrated (pressmon.state_db);
    `clock` gives the time rows are recorded at and retries are due against (default: utc_now);
    a write waits up to `timeout` seconds while another process holds the file. Every method
    raises CrawlStateError when SQLite fails.
    """

    def __init__(
        self,
        path: Path,
        clock: Callable[[], datetime] | None = None,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
    ) -> None:
        self.path = path
        try:
            self._db = sqlite3.connect(path, timeout=timeout)
        except sqlite3.Error as err:
            raise CrawlStateError(path, err) from err
        self.now: Callable[[], datetime] = clock or utc_now

    @_state_errors
    def is_done(self, url_id: str) -> bool:
        row = self._db.execute(
            "SELECT outcome FROM seen_urls WHERE url_id = ?", (url_id,)
        ).fetchone()
        return row is not None and row[0] in FINAL_OUTCOMES

    @_state_errors
    def known(self, url_id: str) -> KnownPage | None:
        """What the state remembers of a URL; None when it was never handled."""
        row = self._db.execute(
            "SELECT outcome, last_seen, modified, etag, http_last_modified, attempts, retry_at,"
            " recheck FROM seen_urls WHERE url_id = ?",
            (url_id,),
        ).fetchone()
        if row is None:
            return None
        outcome, last_seen, modified, etag, last_modified, attempts, retry_at, recheck = row
        version = PageVersion(
            datetime.fromisoformat(modified) if modified else None, etag, last_modified
        )
        return KnownPage(
            outcome,
            datetime.fromisoformat(last_seen),
            version,
            attempts,
            datetime.fromisoformat(retry_at) if retry_at else None,
            bool(recheck),
        )

    @_state_errors
    def mark_fetched(self, rows: Iterable[FetchedURL], outcome: str) -> None:
        """Like `mark_many`, also recording the version of each page that was read."""
        with self._db:
            self._upsert_fetched(rows, outcome)

    def _upsert_fetched(self, rows: Iterable[FetchedURL], outcome: str) -> None:
        now = self.now().isoformat()
        self._db.executemany(
            "INSERT INTO seen_urls (url_id, url, source_id, outcome, first_seen, last_seen,"
            " modified, etag, http_last_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(url_id) DO UPDATE SET outcome = excluded.outcome,"
            " last_seen = excluded.last_seen, modified = excluded.modified,"
            " etag = excluded.etag, http_last_modified = excluded.http_last_modified,"
            " retry_at = NULL",  # a page read: no retry waits (mark_retry sets a new one)
            (
                (
                    row.url_id,
                    row.url,
                    row.source_id,
                    outcome,
                    now,
                    now,
                    row.version.modified.isoformat() if row.version.modified else None,
                    row.version.etag,
                    row.version.last_modified,
                )
                for row in rows
            ),
        )

    @_state_errors
    def mark_retry(
        self, row: FetchedURL, outcome: str, attempts: int, retry_at: datetime | None
    ) -> None:
        """A page that was, for now, not the article, the `attempts`-th such page read at the URL:
        `outcome` (waiting until `retry_at`, crawlers.retry; with None, a final one: given up)."""
        with self._db:
            self._upsert_fetched([row], outcome)
            self._db.execute(
                "UPDATE seen_urls SET attempts = ?, retry_at = ? WHERE url_id = ?",
                (attempts, retry_at.isoformat() if retry_at else None, row.url_id),
            )

    @_state_errors
    def end_recheck(self, url_id: str) -> None:
        """The one re-check of a not_article URL from before shells were retried (state v12) is
        asked for: whatever it reads, or if it fails, it is not asked again."""
        with self._db:
            self._db.execute("UPDATE seen_urls SET recheck = 0 WHERE url_id = ?", (url_id,))

    @_state_errors
    def challenged_host(self, host: str) -> tuple[int, datetime] | None:
        """A host backed off for answering challenges (crawlers.retry): its runs of challenges in
        a row and until when it is asked for no article page; None when it is not."""
        row = self._db.execute(
            "SELECT trips, retry_at FROM challenged_hosts WHERE host = ?", (host,)
        ).fetchone()
        return (row[0], datetime.fromisoformat(row[1])) if row else None

    @_state_errors
    def back_off_host(self, host: str, trips: int, retry_at: datetime) -> None:
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO challenged_hosts VALUES (?, ?, ?)",
                (host, trips, retry_at.isoformat()),
            )

    @_state_errors
    def clear_host(self, host: str) -> None:
        """The host answered a page that was no challenge: no back-off is kept for it."""
        with self._db:
            self._db.execute("DELETE FROM challenged_hosts WHERE host = ?", (host,))

    @_state_errors
    def mark(self, url_id: str, url: str, source_id: str, outcome: str) -> None:
        self.mark_many([(url_id, url, source_id)], outcome)

    @_state_errors
    def mark_many(self, urls: Iterable[tuple[str, str, str]], outcome: str) -> None:
        """(url id, url, source id) rows with one outcome, in one transaction; the version of the
        page recorded before (if any) is left as it was."""
        now = self.now().isoformat()
        with self._db:
            self._db.executemany(
                "INSERT INTO seen_urls (url_id, url, source_id, outcome, first_seen, last_seen)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url_id) DO UPDATE SET"
                " outcome = excluded.outcome, last_seen = excluded.last_seen, retry_at = NULL",
                ((url_id, url, source_id, outcome, now, now) for url_id, url, source_id in urls),
            )

    @_state_errors
    def share_stories(
        self,
        after: int,
        assign: Callable[[list[tuple[str, str, int]]], Iterable[tuple[str, str, int]]],
    ) -> int:
        """One step for every process sharing the file (a crawl and an ingest run together):
        `assign` hears the (article id, story id, fingerprint) rows remembered after row `after`,
        by other runs since, and the rows it returns for its own articles are remembered before
        any other run can assign; the last row now, for the next call's `after`."""
        now = self.now().isoformat()
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            others = self._db.execute(
                "SELECT article_id, story_id, fingerprint FROM stories WHERE rowid > ?"
                " ORDER BY rowid",
                (after,),
            ).fetchall()
            mine = assign([(a, story, int(fingerprint, 16)) for a, story, fingerprint in others])
            self._db.executemany(
                "INSERT OR IGNORE INTO stories VALUES (?, ?, ?, ?)",
                ((a, story, format(fingerprint, "x"), now) for a, story, fingerprint in mine),
            )
            return self.last_story_row()

    @_state_errors
    def last_story_row(self) -> int:
        """The row the stories read so far end at: `share_stories` reads the later ones."""
        return int(self._db.execute("SELECT coalesce(max(rowid), 0) FROM stories").fetchone()[0])

    @_state_errors
    def stories(self, since: datetime) -> list[tuple[str, str, int]]:
        rows = self._db.execute(
            "SELECT article_id, story_id, fingerprint FROM stories"
            " WHERE seen_at >= ? ORDER BY rowid",
            (since.isoformat(),),
        )
        return [
            (article_id, story_id, int(fingerprint, 16))
            for article_id, story_id, fingerprint in rows
        ]

    @_state_errors
    def record_run(self, run: SourceRun) -> None:
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO crawl_runs VALUES (?, ?, ?, ?, ?, ?)",
                (
                    run.run_id,
                    run.source_id,
                    run.started_at.isoformat(),
                    run.finished_at.isoformat(),
                    run.stored,
                    json.dumps(dict(run.counters), sort_keys=True),
                ),
            )

    @_state_errors
    def runs(self, source_id: str | None = None) -> list[SourceRun]:
        sql = "SELECT * FROM crawl_runs"
        params: tuple[str, ...] = ()
        if source_id is not None:
            sql += " WHERE source_id = ?"
            params = (source_id,)
        rows = self._db.execute(sql + " ORDER BY started_at", params).fetchall()
        return [
            SourceRun(
                run_id=row[0],
                source_id=row[1],
                started_at=datetime.fromisoformat(row[2]),
                finished_at=datetime.fromisoformat(row[3]),
                stored=row[4],
                counters=json.loads(row[5]),
            )
            for row in rows
        ]

    @_state_errors
    def close(self) -> None:
        self._db.close()
