"""The spider reads each article with its source's extraction profile and configured name."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request, Response

from crawlers.extract.dates import VN_TZ
from crawlers.extract.profile import ExtractionProfile
from crawlers.items import ArticleItem
from crawlers.sources import Source, SourceExtraction
from crawlers.spiders.source import SourceSpider
from crawlers.state import CrawlState
from pressmon.state_db import open_state_db

URL = "https://baothu.vn/tin/bhxh-tu-nguyen-123.html"
# Vietnam wall-clock time written under a UTC offset, with no visible byline to correct it.
PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>BHXH tự nguyện đến từng hộ</title><meta property="og:site_name" content="Báo Trên Trang">
<script type="application/ld+json">{"@type": "NewsArticle",
"headline": "BHXH tự nguyện đến từng hộ", "datePublished": "2026-05-12T08:30:00+00:00"}</script>
</head>
<body><article>
<h1>BHXH tự nguyện đến từng hộ</h1>
<p>Bảo hiểm xã hội tỉnh Nghệ An phối hợp với bưu điện tuyên truyền chính sách BHXH tự nguyện
đến từng hộ gia đình trong tháng vận động triển khai BHXH toàn dân.</p>
<p>Người tham gia BHXH tự nguyện được Nhà nước hỗ trợ một phần tiền đóng và được hưởng lương
hưu khi đủ điều kiện.</p></article></body></html>"""


def _spider(
    tmp_path: Path, extraction: SourceExtraction, article_pattern: str | None = None
) -> SourceSpider:
    tmp_path.mkdir(parents=True, exist_ok=True)
    open_state_db(tmp_path / "state.db").close()
    source = Source(
        id="baothu",
        name="Báo Thử",
        kind="national",
        domain="baothu.vn",
        article_pattern=article_pattern,
        extraction=extraction,
    )
    return SourceSpider([source], CrawlState(tmp_path / "state.db"))


def _crawl_one(tmp_path: Path, extraction: SourceExtraction) -> ArticleItem:
    spider = _spider(tmp_path, extraction)
    response = HtmlResponse(URL, body=PAGE.encode(), request=Request(URL))
    (item,) = spider.parse_article(response, source_id="baothu", url_id="u1")
    assert isinstance(item, ArticleItem)
    return item


def test_the_source_name_is_the_outlet_not_the_page_publisher(tmp_path: Path) -> None:
    item = _crawl_one(tmp_path, SourceExtraction())
    assert item.article.outlet == "Báo Thử"


def test_the_source_profile_applies_to_crawled_pages(tmp_path: Path) -> None:
    plain = _crawl_one(tmp_path / "a", SourceExtraction()).article.published_at
    habit = SourceExtraction(profile=ExtractionProfile(timezone_offset_wrong=True))
    fixed = _crawl_one(tmp_path / "b", habit).article.published_at
    assert plain.astimezone(VN_TZ).hour == 15  # 08:30 UTC read as written
    assert fixed.astimezone(VN_TZ).hour == 8  # the outlet's habit: Vietnam time, wrong offset


def test_an_article_whose_dates_disagree_is_counted(tmp_path: Path) -> None:
    byline = '<div class="date">Thứ ba, 12/05/2026 08:30 (GMT+7)</div>'
    page = PAGE.replace("</h1>", "</h1>\n" + byline)
    spider = _spider(tmp_path, SourceExtraction())
    response = HtmlResponse(URL, body=page.encode(), request=Request(URL))
    (item,) = spider.parse_article(response, source_id="baothu", url_id="u1")
    assert item.article.date_disagreements
    assert spider.counters["baothu"]["date_disagreement"] == 1
    assert spider.counters["baothu"]["fetched"] == 1


@pytest.mark.parametrize(
    ("location", "followed"),
    [("/", False), ("/tin/", False), ("/tin/bhxh-tu-nguyen-moi-124.html", True)],
    ids=["home", "section", "article"],
)
def test_a_redirect_off_the_article_pattern_is_not_read_as_the_article(
    tmp_path: Path, location: str, followed: bool
) -> None:
    # A removed article that the site sends to its home or a section page: that page has dated
    # teasers about BHXH and would be stored under the article's id.
    spider = _spider(tmp_path, SourceExtraction(), article_pattern=r"-\d+\.html$")
    request = Request(URL, meta={"redirects": 0})
    response = Response(URL, status=302, headers={"Location": location}, request=request)
    out = list(spider.parse_article(response, source_id="baothu", url_id="u1"))
    assert [r.url for r in out] == (["https://baothu.vn" + location] if followed else [])
    assert spider.state.is_done("u1") is not followed
    assert spider.counters["baothu"]["not_article"] == (0 if followed else 1)
