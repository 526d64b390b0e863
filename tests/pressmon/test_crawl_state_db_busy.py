"""`pressmon crawl` while another process holds the state database (BEGIN EXCLUSIVE, as a
`sqlite3` shell would): no traceback, the state database's error with the hint the `users`
commands give, a non-zero exit; the articles read are archived, and what was not recorded is
said and caught up by the next run. The audit found Scrapy's "Scraper close failure" and the
alert thread's tracebacks, an exit of 0, and the run's source health silently lost."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from index.sqlite_backend import SQLiteArchive
from tests.crawlers.loopback_crawl import (
    SHELL_PAGE,
    FeedSite,
    article_page,
    crawl_env,
    run_python,
    serving,
    stopped_on_held_state,
    write_source,
)

# `pressmon crawl` giving up on a held state database after 1 s instead of 30 s. Not 0: the
# crawl's own writers (the pipeline, the alert delivery thread) wait briefly on one another, and
# with no wait at all the first crawl, with nothing holding the file, failed now and then.
_CRAWL_NO_WAIT = (
    "import pressmon.state_db as state_db; state_db.TIMEOUT_SECONDS = 1; "
    "from pressmon.cli import main; main(prog_name='pressmon', args=['crawl'])"
)
FIRST = "BHXH Nghệ An vận động người dân tham gia BHXH tự nguyện"
LATER = "BHXH Hà Tĩnh chi trả lương hưu qua tài khoản"


class Site(FeedSite):
    pages: ClassVar[dict[str, bytes]] = {}
    hits: ClassVar[Counter[str]] = Counter()


def _crawl(folder: Path) -> Any:
    return run_python(["-c", _CRAWL_NO_WAIT], crawl_env(folder))


def _held(folder: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(folder / "state.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    return holder


def _state(folder: Path) -> dict[str, Any]:
    with sqlite3.connect(folder / "state.db") as db:
        runs = db.execute("SELECT count(*) FROM crawl_runs").fetchone()[0]
        seen = dict(db.execute("SELECT url, outcome FROM seen_urls").fetchall())
    db.close()
    archive = SQLiteArchive(folder / "archive.db")
    try:
        titles = sorted(doc.title for doc in archive.iter_documents())
    finally:
        archive.close()
    return {
        "runs": runs,
        "seen": {url.rsplit("/", 1)[1]: o for url, o in seen.items()},
        "titles": titles,
    }


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Per folder: a first crawl, then a new article (or a shell page) crawled while the state
    database is held, what that left, then a crawl once it is free again."""
    results: dict[str, Any] = {}
    for name, later in (("article", article_page(LATER, "Hà Tĩnh")), ("shell", SHELL_PAGE)):
        folder = tmp_path_factory.mktemp(name)
        Site.pages = {"a": article_page(FIRST, "Nghệ An")}
        with serving(Site) as base:
            write_source(folder, base)
            assert _crawl(folder).returncode == 0
            Site.pages["b"] = later
            holder = _held(folder)
            try:
                held = _crawl(folder)
            finally:
                holder.rollback()
                holder.close()
            after_held = _state(folder)
            again = _crawl(folder)
        results[name] = {
            "folder": folder,
            "held": held,
            "after_held": after_held,
            "again": again,
            "after_again": _state(folder),
        }
    yield results


@pytest.mark.parametrize("page", ["article", "shell"])
def test_a_held_state_database_is_an_error_naming_it_without_traceback(
    crawls: dict[str, Any], page: str
) -> None:
    result = crawls[page]["held"]
    state = crawls[page]["folder"] / "state.db"
    stopped_on_held_state(result, state)
    assert "tình trạng nguồn của lượt này KHÔNG được ghi" in result.stderr, result.stderr


def test_the_article_read_is_archived_and_the_next_run_records_it(crawls: dict) -> None:
    run = crawls["article"]
    assert run["after_held"]["titles"] == sorted([FIRST, LATER])
    assert run["after_held"]["runs"] == 1  # only the first crawl's: this run's was not recorded
    assert "b.html" not in run["after_held"]["seen"]
    assert run["again"].returncode == 0, run["again"].stderr[-3000:]
    assert run["after_again"]["seen"]["b.html"] == "stored"
    assert run["after_again"]["titles"] == sorted([FIRST, LATER])  # read again, not twice
    assert run["after_again"]["runs"] == 2


def test_a_page_not_recorded_while_held_is_read_again(crawls: dict) -> None:
    run = crawls["shell"]
    assert "b.html" not in run["after_held"]["seen"]
    assert run["again"].returncode == 0, run["again"].stderr[-3000:]
    assert "b.html" in run["after_again"]["seen"]
