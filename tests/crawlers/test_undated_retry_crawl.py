"""Article URLs whose page has no plausible publication date, through the real crawler on a
loopback site over simulated days (crawl_at): such a URL was fetched again on every run, for as
long as discovery listed it; now it waits 1, 3 and 7 days like a shell page (crawlers.retry) and is
given up after its third retry. `u` never gets a date; `v` gets one after a day and is stored.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, ClassVar

import pytest

from tests.crawlers.loopback_crawl import (
    FeedSite,
    article_page,
    crawl_on_schedule,
    hours_after_start,
)


def _undated(page: bytes) -> bytes:
    return re.sub(rb"<script.*?</script>", b"", page, flags=re.S)


ARTICLE_U = article_page("BHXH tự nguyện ở xã Nam Đàn", "Nghệ An")
ARTICLE_V = article_page("Lương hưu tháng Sáu chi trả sớm ở Hà Tĩnh", "Hà Tĩnh")
# When each crawl runs, in hours from the first, and what the site answers from then on.
RUNS: dict[str, tuple[int, dict[str, bytes]]] = {
    "first": (0, {"u": _undated(ARTICLE_U), "v": _undated(ARTICLE_V)}),
    "within_wait": (12, {}),
    "after_wait": (25, {"v": ARTICLE_V}),  # v has its date now; u waits 3 days
    "second_retry": (98, {}),  # u waits 7 days
    "last_retry": (267, {}),  # u undated after its 3 retries: given up
    "month_later": (24 * 30, {}),
}


class _Site(FeedSite):
    pages: ClassVar[dict[str, bytes]] = {}
    hits: ClassVar[Counter[str]] = Counter()


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return crawl_on_schedule(tmp_path_factory.mktemp("undated-retry"), _Site, RUNS)


def test_an_undated_page_waits_a_day_and_is_not_fetched_meanwhile(crawls: dict[str, Any]) -> None:
    first = crawls["first"]
    assert first["hits"] == {"u": 1, "v": 1} and first["counters"]["bad_date"] == 2
    assert first["seen"] == {
        "u": ("bad_date", 1, hours_after_start(crawls, 24)),
        "v": ("bad_date", 1, hours_after_start(crawls, 24)),
    }
    assert "không xác định được ngày đăng, sẽ tải lại: 2" in first["stdout"]
    within = crawls["within_wait"]
    assert within["hits"] == {} and within["counters"]["retry_waiting"] == 2


def test_a_page_that_gets_its_date_is_stored(crawls: dict[str, Any]) -> None:
    after = crawls["after_wait"]
    assert after["hits"] == {"u": 1, "v": 1}
    assert after["seen"]["v"] == ("stored", 1, None)
    assert after["seen"]["u"] == ("bad_date", 2, hours_after_start(crawls, 25 + 72))


def test_a_page_that_never_gets_a_date_is_given_up_after_its_third_retry(
    crawls: dict[str, Any],
) -> None:
    assert crawls["second_retry"]["hits"] == {"u": 1}
    last = crawls["last_retry"]
    assert last["hits"] == {"u": 1}
    assert last["seen"]["u"] == ("bad_date_given_up", 4, None)
    assert "không xác định được ngày đăng, đã bỏ: 1" in last["stdout"]
    later = crawls["month_later"]
    assert later["hits"] == {} and later["counters"]["known"] == 2
