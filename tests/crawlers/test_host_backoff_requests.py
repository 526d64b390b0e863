"""Which article URLs the spider asks for while their host is backed off for its challenges
(crawlers.retry): none of that host's, whatever address the URL is canonicalised to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from crawlers.discovery import Link
from crawlers.sources import Source
from crawlers.spiders.source import SourceSpider
from crawlers.state import CrawlState
from pressmon.state_db import open_state_db

NOW = datetime(2026, 5, 12, 3, 0, tzinfo=UTC)


def _spider(tmp_path: Path) -> SourceSpider:
    open_state_db(tmp_path / "state.db").close()
    state = CrawlState(tmp_path / "state.db", clock=lambda: NOW)
    source = Source(id="baothu", name="Báo Thử", kind="national", domain="baothu.vn")
    return SourceSpider([source], state)


def test_the_mobile_host_that_challenged_is_not_asked_though_urls_canonicalise_off_it(
    tmp_path: Path,
) -> None:
    spider = _spider(tmp_path)
    # The crawler asked m.baothu.vn (the feed's address), which answered the challenges.
    spider.state.back_off_host("m.baothu.vn", 1, NOW + timedelta(hours=6))
    assert spider._article(Link("https://m.baothu.vn/tin/a.html"), "baothu") is None
    assert spider.counters["baothu"]["challenge_waiting"] == 1
    request = spider._article(Link("https://baothu.vn/tin/b.html"), "baothu")
    assert request is not None and request.url == "https://baothu.vn/tin/b.html"


def test_a_host_is_asked_again_once_its_back_off_is_over(tmp_path: Path) -> None:
    spider = _spider(tmp_path)
    spider.state.back_off_host("baothu.vn", 3, NOW - timedelta(minutes=1))
    assert spider._article(Link("https://baothu.vn/tin/a.html"), "baothu") is not None
