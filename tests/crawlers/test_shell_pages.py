"""Pages standing in for an article (crawlers.extract.shell), the retry schedule
(crawlers.retry) and how the crawl state records retries, on its own clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crawlers.extract.shell import shell_reason
from crawlers.retry import CHALLENGE_DELAYS, SHELL_DELAYS, host_retry, next_retry, waiting
from crawlers.revisions import PageVersion
from crawlers.state import CrawlState, FetchedURL
from pressmon.state_db import open_state_db

NOW = datetime(2026, 5, 12, 3, 0, tzinfo=UTC)
MENU = " ".join(f"<li><a href='/c{n}'>Chuyên mục thời sự số {n}</a></li>" for n in range(30))


def _page(body: str, head: str = "") -> bytes:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (
            _page("<p>Vui lòng chờ…</p>", "<meta http-equiv='refresh' content='3'>"),
            "refresh",
        ),
        (_page("<p>Vui lòng chờ trong giây lát</p>"), "wait"),
        (_page("<h1>Hệ thống đang bảo trì</h1><p>Mời bạn quay lại sau.</p>"), "maintenance"),
        (_page("<p>Vui lòng đăng nhập để đọc tiếp bài viết</p>"), "login"),
        (_page("<h1>404</h1><p>Không tìm thấy trang bạn yêu cầu</p>"), "not_found"),
        (_page("<div id='app'></div>", "<title>Bảo hiểm xã hội</title>"), "short"),
        (b"   ", "short"),
    ],
)
def test_a_page_that_says_nothing_yet_is_a_shell(page: bytes, reason: str) -> None:
    assert shell_reason(page, "text/html; charset=utf-8", article_url=True) == reason


def test_a_real_page_that_is_no_article_is_not_a_shell() -> None:
    section = _page(f"<nav><ul>{MENU}</ul></nav><h2>Video</h2><p>Vui lòng chờ video tải</p>")
    assert shell_reason(section, "text/html; charset=utf-8", article_url=True) is None


def test_a_page_outside_the_article_pattern_is_never_a_shell() -> None:
    page = _page("<p>Vui lòng chờ…</p>", "<meta http-equiv='refresh' content='3'>")
    assert shell_reason(page, None, article_url=False) is None


def test_retries_wait_longer_each_time_then_give_up() -> None:
    assert SHELL_DELAYS == (timedelta(days=1), timedelta(days=3), timedelta(days=7))
    waits = [next_retry(n, NOW, SHELL_DELAYS) for n in range(1, len(SHELL_DELAYS) + 2)]
    assert waits == [NOW + timedelta(days=1), NOW + timedelta(days=3), NOW + timedelta(days=7)] + [
        None
    ]
    with pytest.raises(ValueError):
        next_retry(0, NOW, SHELL_DELAYS)
    assert waiting(NOW + timedelta(days=1), NOW)
    assert not waiting(NOW, NOW) and not waiting(None, NOW)


def test_the_state_records_attempts_on_its_own_clock(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    open_state_db(path).close()
    clock = [NOW]
    state = CrawlState(path, clock=lambda: clock[0])
    row = FetchedURL("u1", "https://bao.vn/a.html", "bao", PageVersion(etag='"e"'))
    state.mark_retry(row, "retry_later", 1, NOW + timedelta(days=1))
    known = state.known("u1")
    assert known is not None and not state.is_done("u1")
    assert (known.outcome, known.attempts, known.retry_at) == (
        "retry_later",
        1,
        NOW + timedelta(days=1),
    )
    assert known.fetched_at == NOW and known.version.etag == '"e"'
    clock[0] = NOW + timedelta(days=20)
    state.mark_retry(row, "not_article", 4, None)
    known = state.known("u1")
    assert known is not None and state.is_done("u1")
    assert (known.outcome, known.attempts, known.retry_at) == ("not_article", 4, None)
    assert known.fetched_at == NOW + timedelta(days=20)
    state.close()


def test_a_challenge_is_asked_again_within_hours_then_given_up_after_four_retries() -> None:
    waits = [next_retry(n, NOW, CHALLENGE_DELAYS) for n in range(1, 6)]
    assert waits == [
        NOW + timedelta(hours=6),
        NOW + timedelta(days=1),
        NOW + timedelta(days=3),
        NOW + timedelta(days=7),
        None,
    ]


def test_shells_and_challenges_at_one_url_share_one_bound() -> None:
    # Three shell pages, then a challenge: its last wait; one page more and the URL is given up.
    assert next_retry(4, NOW, CHALLENGE_DELAYS) == NOW + timedelta(days=7)
    assert next_retry(5, NOW, CHALLENGE_DELAYS) is None
    assert next_retry(5, NOW, SHELL_DELAYS) is None


def test_a_host_that_challenges_every_page_waits_longer_each_run_at_most_a_day() -> None:
    waits = [host_retry(trips, NOW) - NOW for trips in range(1, 6)]
    assert waits == [timedelta(hours=6), timedelta(hours=12)] + [timedelta(days=1)] * 3
    with pytest.raises(ValueError):
        host_retry(0, NOW)


def test_the_state_keeps_a_backed_off_host_until_it_answers(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    open_state_db(path).close()
    state = CrawlState(path)
    assert state.challenged_host("bao.vn") is None
    state.back_off_host("bao.vn", 2, NOW + timedelta(hours=12))
    assert state.challenged_host("bao.vn") == (2, NOW + timedelta(hours=12))
    assert state.challenged_host("khac.vn") is None
    state.clear_host("bao.vn")
    assert state.challenged_host("bao.vn") is None
    state.close()
