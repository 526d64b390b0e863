"""Article URLs that answer a shell page, through the real crawler on a loopback site.

`a` first answers "Vui lòng chờ…" with a meta refresh (a challenge the markers do not know), then
the article; `b` never stops answering it; `v` is a real page that is no article (a video section
with its menus). Each crawl runs `pressmon crawl` in a child process whose crawl-state clock is
set (crawlers.state.utc_now), so days pass without waiting: the shell pages are not stored and
wait (1, 3, 7 days, crawlers.retry), the article is stored once its retry is due, and `b` is
given up after its last retry; `v` is final from the start.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

import pytest

from tests.crawlers.loopback_crawl import (
    FeedSite,
    crawl_and_read,
    hours_after_start,
    serving,
    write_source,
)

ARTICLE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>BHXH tự nguyện đến từng hộ</title>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "BHXH tự nguyện đến từng
hộ", "datePublished": "2026-05-12T08:30:00+07:00"}</script></head><body><article>
<h1>BHXH tự nguyện đến từng hộ</h1>
<p>Bảo hiểm xã hội (BHXH) tỉnh Nghệ An cho biết, trong tháng vận động triển khai BHXH toàn dân,
cơ quan BHXH đã phối hợp với bưu điện tuyên truyền chính sách BHXH tự nguyện đến từng hộ.</p>
<p>Người tham gia BHXH tự nguyện được Nhà nước hỗ trợ một phần tiền đóng và được hưởng lương hưu
khi đủ điều kiện. Cán bộ BHXH khuyến khích người lao động tự do tham gia.</p>
<p>Cũng theo BHXH tỉnh, số người tham gia BHYT hộ gia đình tăng so với cùng kỳ năm trước.</p>
</article></body></html>""".encode()

SHELL = """<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="refresh" content="5"><title>Vui lòng chờ…</title></head>
<body><p>Vui lòng chờ trong giây lát…</p></body></html>""".encode()

MENU = "".join(f"<li><a href='/chuyen-muc/{n}'>Chuyên mục video số {n}</a></li>" for n in range(40))
VIDEO = f"""<!doctype html><html><head><meta charset="utf-8"><title>Video</title></head>
<body><nav><ul>{MENU}</ul></nav><video src="/v.mp4"></video></body></html>""".encode()

# When each crawl runs, from the first: in hours.
RUNS = {
    "first": 0,
    "within_wait": 12,  # a's and b's 1-day wait is not over
    "after_wait": 25,  # it is: a is the article now, b a shell again (waits 3 days)
    "second_retry": 25 + 73,  # b again (waits 7 days)
    "last_retry": 25 + 73 + 169,  # b a shell after its 3 retries: given up
    "month_later": 24 * 40,
}


class _Site(FeedSite):
    pages: ClassVar[dict[str, bytes]] = {}
    hits: ClassVar[Counter[str]] = Counter()


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("shell-retry")
    with serving(_Site) as base:
        write_source(folder, base, kind="other", province=None)
        _Site.pages.update(a=SHELL, b=SHELL, v=VIDEO)
        start = datetime.now(UTC).replace(microsecond=0)
        runs: dict[str, Any] = {"start": start}
        for name, hours in RUNS.items():
            if name == "after_wait":
                _Site.pages["a"] = ARTICLE  # the site lets the crawler through now
            runs[name] = crawl_and_read(folder, start + timedelta(hours=hours), _Site)
        yield runs


def test_a_shell_page_is_not_stored_and_waits_a_day(crawls: dict[str, Any]) -> None:
    first = crawls["first"]
    assert first["hits"] == {"a": 1, "b": 1, "v": 1}
    assert first["titles"] == []
    assert first["counters"]["retry_later"] == 2 and first["counters"]["not_article"] == 1
    retry = hours_after_start(crawls, 24)
    assert first["seen"] == {
        "a": ("retry_later", 1, retry),
        "b": ("retry_later", 1, retry),
        "v": ("not_article", 0, None),  # a real page that is no article: final at once
    }
    assert "tạm chưa đọc được bài, sẽ tải lại sau: 2" in first["stdout"]


def test_within_the_wait_nothing_is_fetched_again(crawls: dict[str, Any]) -> None:
    within = crawls["within_wait"]
    assert within["hits"] == {}
    assert within["counters"]["retry_waiting"] == 2 and within["counters"]["known"] == 1
    assert "retry_later" not in within["counters"]
    assert within["seen"] == crawls["first"]["seen"]


def test_after_the_wait_the_real_article_is_stored(crawls: dict[str, Any]) -> None:
    after = crawls["after_wait"]
    assert after["hits"] == {"a": 1, "b": 1}
    assert after["titles"] == ["BHXH tự nguyện đến từng hộ"]
    assert after["counters"]["stored"] == 1 and after["counters"]["retry_later"] == 1
    assert after["seen"]["a"][0] == "stored"
    assert after["seen"]["b"] == ("retry_later", 2, hours_after_start(crawls, 25 + 72))


def test_a_shell_after_its_last_retry_is_given_up(crawls: dict[str, Any]) -> None:
    assert crawls["second_retry"]["hits"] == {"b": 1}
    assert crawls["second_retry"]["seen"]["b"] == (
        "retry_later",
        3,
        hours_after_start(crawls, 25 + 73 + 168),
    )
    last = crawls["last_retry"]
    assert last["hits"] == {"b": 1}
    assert last["seen"]["b"] == ("not_article", 4, None)
    assert last["counters"]["not_article"] == 1 and "retry_later" not in last["counters"]
    later = crawls["month_later"]
    assert later["hits"] == {} and later["counters"]["known"] == 3
    assert later["titles"] == ["BHXH tự nguyện đến từng hộ"]
