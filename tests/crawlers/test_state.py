"""Crawl state: finished URLs are skipped, errors retried, stories survive a restart, the version
of each page read is remembered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from crawlers.revisions import PageVersion
from crawlers.state import CrawlState, FetchedURL
from pressmon.state_db import open_state_db
from vntext.stories import StoryClusterer

STORY = " ".join(
    f"Câu {i}: BHXH tỉnh phối hợp với bưu điện chi trả lương hưu, "
    f"trợ cấp cho người hưởng tại xã {i}."
    for i in range(12)
)


@pytest.fixture
def state_path(tmp_path: Path) -> Path:
    """CrawlState opens a state database that pressmon has created and migrated."""
    path = tmp_path / "state.db"
    open_state_db(path).close()
    return path


def test_final_outcomes_are_done_errors_are_retried(state_path: Path) -> None:
    state = CrawlState(state_path)
    state.mark("a", "https://bao.vn/a.html", "bao", "stored")
    state.mark("b", "https://bao.vn/b.html", "bao", "timeout")
    assert state.is_done("a") and not state.is_done("b") and not state.is_done("c")
    state.mark("b", "https://bao.vn/b.html", "bao", "irrelevant")
    assert state.is_done("b")


def test_stories_survive_a_restart(state_path: Path) -> None:
    first_run = StoryClusterer()
    original = first_run.assign("orig", STORY)
    state = CrawlState(state_path)
    state.share_stories(0, lambda others: [("orig", original, first_run.fingerprint_of("orig"))])
    state.close()

    second_run = StoryClusterer()
    reopened = CrawlState(state_path)
    for article_id, story_id, fingerprint in reopened.stories(
        since=datetime.now(UTC) - timedelta(days=1)
    ):
        second_run.add(article_id, fingerprint, story_id)
    copy = "(TTXVN) - " + STORY + " Xem thêm: tin liên quan."
    assert second_run.assign("copy", copy) == "orig"
    assert reopened.stories(since=datetime.now(UTC) + timedelta(days=1)) == []


def test_the_version_of_each_page_read_is_remembered(state_path: Path) -> None:
    state = CrawlState(state_path)
    assert state.known("a") is None
    lastmod = datetime(2026, 5, 12, 8, 30, tzinfo=timezone(timedelta(hours=7)))
    version = PageVersion(lastmod, '"v1"', "Tue, 12 May 2026 01:30:00 GMT")
    state.mark_fetched([FetchedURL("a", "https://bao.vn/a.html", "bao", version)], "stored")
    state.close()
    known = CrawlState(state_path).known("a")
    assert known is not None and known.outcome == "stored" and known.version == version
    assert known.version.modified == lastmod and known.fetched_at.tzinfo is not None
    # A later outcome without a page read (a retry's timeout) keeps the recorded version.
    state = CrawlState(state_path)
    state.mark("a", "https://bao.vn/a.html", "bao", "timeout")
    changed = state.known("a")
    assert changed is not None and changed.outcome == "timeout" and changed.version == version
    state.mark("b", "https://bao.vn/b.html", "bao", "stored")
    unversioned = state.known("b")
    assert unversioned is not None and unversioned.version == PageVersion()
