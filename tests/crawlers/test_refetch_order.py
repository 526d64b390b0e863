"""Which discovered article URLs the spider asks for, in what order, within the run's bound:
new URLs first, changed stored articles after them (conditionally), at most so many per source."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from scrapy.http import HtmlResponse, Request, XmlResponse

from crawlers.revisions import KnownPage, PageVersion
from crawlers.sources import Source
from crawlers.spiders.source import REFETCH_PRIORITY, SourceSpider
from crawlers.state import CrawlState, FetchedURL
from crawlers.urls import article_id, canonicalize_url
from pressmon.state_db import open_state_db

SITEMAP = "https://baothu.vn/sitemap.xml"
STORED_AT = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)


def _url(name: str) -> str:
    return f"https://baothu.vn/tin/{name}.html"


def _spider(tmp_path: Path, refetch_limit: int) -> SourceSpider:
    open_state_db(tmp_path / "state.db").close()
    state = CrawlState(tmp_path / "state.db")
    version = PageVersion(STORED_AT, '"v1"', "Tue, 12 May 2026 02:00:00 GMT")
    state.mark_fetched(
        [
            FetchedURL(article_id(canonicalize_url(_url(name))), _url(name), "baothu", version)
            for name in ("old-1", "old-2", "old-3")
        ],
        "stored",
    )
    source = Source(id="baothu", name="Báo Thử", kind="national", domain="baothu.vn")
    return SourceSpider([source], state, refetch_limit=refetch_limit)


def _sitemap(spider: SourceSpider, lastmod: dict[str, datetime]) -> list[Request]:
    urls = "".join(
        f"<url><loc>{_url(name)}</loc><lastmod>{stamp.isoformat()}</lastmod></url>"
        for name, stamp in lastmod.items()
    )
    body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    response = XmlResponse(SITEMAP, body=body.encode(), request=Request(SITEMAP))
    return list(spider.parse_sitemap(response, source_id="baothu"))


def test_changed_articles_wait_behind_new_ones_and_ask_conditionally(tmp_path: Path) -> None:
    later = STORED_AT + timedelta(hours=3)
    spider = _spider(tmp_path, refetch_limit=10)
    requests = _sitemap(spider, {"old-1": later, "new": later, "old-2": STORED_AT})
    by_name = {r.url.rsplit("/", 1)[1][:-5]: r for r in requests}
    assert sorted(by_name) == ["new", "old-1"]  # old-2 has not changed since it was read
    assert by_name["new"].priority == 0 and "If-None-Match" not in by_name["new"].headers
    refetch = by_name["old-1"]
    assert refetch.priority == REFETCH_PRIORITY < 0
    assert refetch.headers["If-None-Match"] == b'"v1"'
    assert refetch.headers["If-Modified-Since"] == b"Tue, 12 May 2026 02:00:00 GMT"
    assert 304 in refetch.meta["handle_httpstatus_list"]
    assert spider.counters["baothu"]["known"] == 1


def test_at_most_so_many_refetches_per_source_the_rest_next_run(tmp_path: Path) -> None:
    later = STORED_AT + timedelta(hours=3)
    spider = _spider(tmp_path, refetch_limit=1)
    requests = _sitemap(spider, {"old-1": later, "old-2": later, "old-3": later, "new": later})
    assert [r.url for r in requests] == [_url("old-1"), _url("new")]
    assert spider.counters["baothu"]["refetch_deferred"] == 2
    # The pipeline records what was read of old-1; the next run takes the next changed one.
    read = PageVersion(later, '"v2"', None)
    old_1 = FetchedURL(article_id(canonicalize_url(_url("old-1"))), _url("old-1"), "baothu", read)
    spider.state.mark_fetched([old_1], "stored")
    next_run = SourceSpider(list(spider.sources.values()), spider.state, refetch_limit=1)
    requests = _sitemap(next_run, {"old-1": later, "old-2": later, "old-3": later})
    assert [r.url for r in requests] == [_url("old-2")]


def _refetched(tmp_path: Path, text: str) -> tuple[SourceSpider, str, KnownPage, datetime]:
    """A spider whose stored article old-1, fetched again for a change discovered 3 hours after
    it was stored, answered a page saying only `text`: (spider, its url id, what the state knew
    before, the change's time). The page yields nothing."""
    later = STORED_AT + timedelta(hours=3)
    spider = _spider(tmp_path, refetch_limit=10)
    url_id = article_id(canonicalize_url(_url("old-1")))
    previous = spider.state.known(url_id)
    assert previous is not None
    page = f"<html><body><p>{text}</p></body></html>".encode()
    response = HtmlResponse(_url("old-1"), body=page, request=Request(_url("old-1")))
    assert list(spider.parse_article(response, "baothu", url_id, later, previous.version)) == []
    return spider, url_id, previous, later


def test_a_stored_article_that_no_longer_reads_as_one_stays_stored(tmp_path: Path) -> None:
    # e.g. replaced by a removal notice: the archived copy stays, and this change is not fetched
    # again (a passing shell, such as a maintenance page, is: test_update_shell_crawl).
    spider, url_id, _, later = _refetched(tmp_path, "Bài viết không tồn tại hoặc đã bị gỡ.")
    known = spider.state.known(url_id)
    assert known is not None and known.outcome == "stored" and known.version.modified == later
    assert spider.counters["baothu"]["not_article"] == 1
    assert _sitemap(spider, {"old-1": later}) == []  # asked already this run, and up to date
    spider.forget_run()
    assert _sitemap(spider, {"old-1": later}) == []


def test_a_stored_article_answering_a_maintenance_page_is_asked_again_next_run(
    tmp_path: Path,
) -> None:
    # A passing shell: the archived copy stays and the change is not recorded as read.
    spider, url_id, previous, later = _refetched(tmp_path, "Trang đang bảo trì.")
    assert spider.state.known(url_id) == previous
    assert spider.counters["baothu"]["retry_later"] == 1
    spider.forget_run()
    assert len(_sitemap(spider, {"old-1": later})) == 1  # the next run asks for the edit again
