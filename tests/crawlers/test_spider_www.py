"""On a source's own domains the spider takes www. and the bare host for one article: one request,
one id, and an article stored under the id a www. address had before is still known."""

from __future__ import annotations

from pathlib import Path

from crawlers.discovery import Link
from crawlers.sources import Source
from crawlers.spiders.source import SourceSpider
from crawlers.state import CrawlState
from crawlers.urls import article_id, canonicalize_url
from pressmon.state_db import open_state_db

SOURCE = Source(
    id="baothu", name="Báo Thử", kind="provincial", province="Cần Thơ", domain="baothu.vn"
)
WWW = "https://www.baothu.vn/tin/bhxh-tu-nguyen-123.html"
BARE = "https://baothu.vn/tin/bhxh-tu-nguyen-123.html"


def _spider(tmp_path: Path) -> SourceSpider:
    open_state_db(tmp_path / "state.db").close()
    return SourceSpider([SOURCE], CrawlState(tmp_path / "state.db"))


def test_a_feed_linking_www_and_a_sitemap_not_fetch_the_article_once(tmp_path: Path) -> None:
    spider = _spider(tmp_path)
    first = spider._article(Link(WWW), "baothu")
    assert first is not None and first.url == WWW  # fetched as the outlet spells it
    assert spider._article(Link(BARE), "baothu") is None
    assert first.cb_kwargs["url_id"] == article_id(BARE)


def test_an_article_stored_under_its_old_www_id_is_not_fetched_again(tmp_path: Path) -> None:
    spider = _spider(tmp_path)
    old_id = article_id(canonicalize_url(WWW))  # the id before www. folded on own domains
    spider.state.mark(old_id, WWW, "baothu", "stored")
    assert spider._article(Link(WWW), "baothu") is None
    assert spider.counters["baothu"]["known"] == 1


def test_another_sites_www_is_not_the_sources(tmp_path: Path) -> None:
    spider = _spider(tmp_path)
    www = spider._article(Link("https://www.baokhac.vn/tin/a-1.html"), "baothu")
    bare = spider._article(Link("https://baokhac.vn/tin/a-1.html"), "baothu")
    assert www is not None and bare is not None
    assert www.cb_kwargs["url_id"] != bare.cb_kwargs["url_id"]
