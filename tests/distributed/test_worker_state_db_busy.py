"""`pressmon worker` while another process holds the state database (BEGIN EXCLUSIVE, as a
`sqlite3` shell would), on a real redis-server: the state database's error with its hint, no
traceback, exit 1; the article read is archived, and its request, not recorded in the crawl
state, goes back to the shared queue, so the next worker records it. The audit found a worker
that logged the failure's traceback and then reported a clean finish ("hết việc"), exit 0.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import ClassVar

import pytest

from index.sqlite_backend import SQLiteArchive
from tests.crawlers.loopback_crawl import (
    FeedSite,
    article_page,
    crawl_env,
    run_python,
    serving,
    stopped_on_held_state,
    write_source,
)
from tests.distributed.conftest import RedisServer

pytestmark = pytest.mark.timeout(420)

# `pressmon worker`, giving up after 1 s on a held state database instead of after 30 s (0 s
# would also fail on the worker's own writers overlapping for a moment).
_WORKER_NO_WAIT = (
    "import pressmon.state_db as state_db; state_db.TIMEOUT_SECONDS = 1; "
    "from pressmon.cli import main; "
    "main(prog_name='pressmon', args=['worker', '--max-idle', '1', '--lease', '1'])"
)
TITLE = "BHXH Nghệ An vận động người dân tham gia BHXH tự nguyện"


class Site(FeedSite):
    pages: ClassVar[dict[str, bytes]] = {}
    hits: ClassVar[Counter[str]] = Counter()


def _seen(folder: Path) -> dict[str, str]:
    with sqlite3.connect(folder / "state.db") as db:
        rows = db.execute("SELECT url, outcome FROM seen_urls").fetchall()
    db.close()
    return {url.rsplit("/", 1)[1]: outcome for url, outcome in rows}


def _titles(folder: Path) -> list[str]:
    archive = SQLiteArchive(folder / "archive.db")
    try:
        return [doc.title for doc in archive.iter_documents()]
    finally:
        archive.close()


def _held_worker(folder: Path, env: dict[str, str]) -> None:
    """`pressmon worker` on `folder` while its state database is held: the error, no traceback."""
    holder = sqlite3.connect(folder / "state.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        held = run_python(["-c", _WORKER_NO_WAIT], env)
    finally:
        holder.rollback()
        holder.close()
    stopped_on_held_state(held, folder / "state.db")
    assert "tình trạng nguồn của worker này KHÔNG được ghi" in held.stderr


def test_a_worker_on_a_held_state_database_stops_with_its_error_and_gives_back_its_requests(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    env = {**crawl_env(tmp_path), "PRESSMON_REDIS_URL": redis_server.url}
    Site.pages = {"a": article_page(TITLE, "Nghệ An")}
    with serving(Site) as base:
        write_source(tmp_path, base)
        enqueued = run_python(["-m", "pressmon", "enqueue"], env)
        assert enqueued.returncode == 0, enqueued.stderr[-3000:]
        _held_worker(tmp_path, env)
        assert _titles(tmp_path) == [TITLE]  # archived, though not recorded in the crawl state
        assert "a.html" not in _seen(tmp_path)

        # The next worker gets the request back once its lease expires, and records it.
        again = run_python(["-m", "pressmon", "worker", "--max-idle", "1"], env)
        assert again.returncode == 0, again.stderr[-3000:]
    assert _seen(tmp_path)["a.html"] == "stored"
    assert _titles(tmp_path) == [TITLE]


def test_a_worker_with_nothing_new_stops_with_the_error_when_it_records_its_health(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    """Its first write is the health of its burst, when it goes idle."""
    env = {**crawl_env(tmp_path), "PRESSMON_REDIS_URL": redis_server.url}
    Site.pages = {}
    with serving(Site) as base:
        write_source(tmp_path, base)
        enqueued = run_python(["-m", "pressmon", "enqueue"], env)
        assert enqueued.returncode == 0, enqueued.stderr[-3000:]
        _held_worker(tmp_path, env)
