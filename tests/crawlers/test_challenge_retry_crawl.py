"""Article URLs that answer a recognised anti-bot challenge, through the real crawler on a
loopback site, over simulated days (tests.crawlers.loopback_crawl.crawl_at).

`c` answers a Cloudflare "Just a moment..." page on every fetch; `d` answers it until the site
lets the crawler through; `m` first answers a "Vui lòng chờ…" shell, then the challenge, then the
article. A challenged URL is not fetched again on every run: it waits 6 hours, then 1, 3 and 7
days (crawlers.retry), and after its fourth retry it is given up; the crawl summary says how many
challenge pages wait for a retry, how many URLs were skipped while waiting, how many were given up.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar

import pytest

from tests.crawlers.loopback_crawl import (
    CHALLENGE_PAGE,
    SHELL_PAGE,
    FeedSite,
    article_page,
    crawl_on_schedule,
    hours_after_start,
)

ARTICLE_D = article_page("BHXH tự nguyện đến từng hộ ở Nghệ An", "Nghệ An")
ARTICLE_M = article_page("Lương hưu tháng Sáu chi trả sớm ở Hà Tĩnh", "Hà Tĩnh")

# When each crawl runs, in hours from the first, and what the site answers from then on.
RUNS: dict[str, tuple[int, dict[str, bytes]]] = {
    "first": (0, {"c": CHALLENGE_PAGE, "d": CHALLENGE_PAGE, "m": SHELL_PAGE}),
    "within_wait": (3, {"m": CHALLENGE_PAGE}),  # c's and d's 6-hour wait is not over, nor m's day
    "lifted": (7, {"d": ARTICLE_D}),  # c still challenged (waits a day), d is the article
    "second_retry": (32, {}),  # c waits 3 days; m, due, is challenged now (waits a day)
    "third_retry": (105, {"m": ARTICLE_M}),  # c waits 7 days; m is the article
    "last_retry": (274, {}),  # c challenged after its 4 retries: given up
    "month_later": (24 * 30, {}),
}


class _Site(FeedSite):
    pages: ClassVar[dict[str, bytes]] = {}
    hits: ClassVar[Counter[str]] = Counter()


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return crawl_on_schedule(tmp_path_factory.mktemp("challenge-retry"), _Site, RUNS)


def test_a_challenge_page_is_not_stored_and_its_url_waits_six_hours(
    crawls: dict[str, Any],
) -> None:
    first = crawls["first"]
    assert first["hits"] == {"c": 1, "d": 1, "m": 1}
    assert first["titles"] == []
    assert first["counters"]["challenge"] == 2 and first["counters"]["retry_later"] == 1
    assert first["seen"] == {
        "c": ("challenge", 1, hours_after_start(crawls, 6)),
        "d": ("challenge", 1, hours_after_start(crawls, 6)),
        "m": ("retry_later", 1, hours_after_start(crawls, 24)),
    }
    assert "trang chống bot, sẽ tải lại: 2" in first["stdout"]


def test_within_its_wait_a_challenged_url_is_not_fetched_and_the_summary_says_so(
    crawls: dict[str, Any],
) -> None:
    within = crawls["within_wait"]
    assert within["hits"] == {}
    assert within["counters"]["challenge_waiting"] == 2
    assert within["counters"]["retry_waiting"] == 1
    assert "challenge" not in within["counters"]
    assert within["seen"] == crawls["first"]["seen"]
    assert "chờ tải lại sau trang chống bot: 2" in within["stdout"]


def test_once_the_challenge_lifts_the_article_is_stored(crawls: dict[str, Any]) -> None:
    lifted = crawls["lifted"]
    assert lifted["hits"] == {"c": 1, "d": 1}
    assert lifted["titles"] == ["BHXH tự nguyện đến từng hộ ở Nghệ An"]
    assert lifted["seen"]["d"] == ("stored", 1, None)
    assert lifted["seen"]["c"] == ("challenge", 2, hours_after_start(crawls, 7 + 24))


def test_a_shell_then_a_challenge_then_the_article_is_stored(crawls: dict[str, Any]) -> None:
    second = crawls["second_retry"]
    assert second["hits"] == {"c": 1, "m": 1}
    assert second["seen"]["m"] == ("challenge", 2, hours_after_start(crawls, 32 + 24))
    third = crawls["third_retry"]
    assert third["hits"] == {"c": 1, "m": 1}
    assert third["seen"]["m"] == ("stored", 2, None)
    assert "Lương hưu tháng Sáu chi trả sớm ở Hà Tĩnh" in third["titles"]


def test_a_lasting_challenge_is_given_up_after_its_fourth_retry(crawls: dict[str, Any]) -> None:
    assert crawls["second_retry"]["seen"]["c"] == (
        "challenge",
        3,
        hours_after_start(crawls, 32 + 72),
    )
    assert crawls["third_retry"]["seen"]["c"] == (
        "challenge",
        4,
        hours_after_start(crawls, 105 + 168),
    )
    last = crawls["last_retry"]
    assert last["hits"] == {"c": 1}
    assert last["seen"]["c"] == ("challenge_given_up", 5, None)
    assert last["counters"]["challenge_given_up"] == 1 and "challenge" not in last["counters"]
    assert "trang chống bot, đã bỏ: 1" in last["stdout"]
    later = crawls["month_later"]
    assert later["hits"] == {} and later["counters"]["known"] == 3
    assert len(later["titles"]) == 2
