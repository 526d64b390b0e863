"""Feeds and sitemaps as real sites serve them: BOMs, UTF-16, blank lines, Atom, news sitemaps;
the modification time each gives for an article."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawlers.discovery import FeedError, Link, feed_entries, feed_links, sitemap_links
from crawlers.revisions import VN_TZ

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tin mới</title>
<item><title><![CDATA[  Bảo hiểm xã hội tự nguyện  ]]></title><link>https://bao.vn/a-1.html</link></item>
<item><title>Thẻ BHYT</title><link>/b-2.html</link></item>
<item><title>lặp</title><link>https://bao.vn/a-1.html</link></item>
<item><title>guid only</title><guid isPermaLink="true">https://bao.vn/c-3.html</guid></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Báo</title>
<entry><title>Lương hưu</title><link rel="alternate" href="https://bao.vn/d-4.html"/></entry>
</feed>"""

EXPECTED_RSS = ["https://bao.vn/a-1.html", "https://bao.vn/b-2.html", "https://bao.vn/c-3.html"]


@pytest.mark.parametrize(
    "body",
    [
        RSS.encode("utf-8"),
        b"\xef\xbb\xbf" + RSS.encode("utf-8"),
        b"\n\n   " + RSS.encode("utf-8"),
        RSS.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
    ],
    ids=["plain", "utf8-bom", "leading-blank-lines", "utf16"],
)
def test_rss_links(body: bytes) -> None:
    assert feed_links(body, "https://bao.vn/rss/tin-moi.rss") == EXPECTED_RSS


def test_atom_links() -> None:
    assert feed_links(ATOM.encode(), "https://bao.vn/atom.xml") == ["https://bao.vn/d-4.html"]


def test_html_error_page_is_not_a_feed() -> None:
    with pytest.raises(FeedError):
        feed_links(b"<html><body>404</body></html>", "https://bao.vn/rss.rss")


def test_empty_feed_is_an_error() -> None:
    with pytest.raises(FeedError, match="trống"):
        feed_links(b"  \n", "https://bao.vn/rss.rss")


def test_news_sitemap_and_index() -> None:
    urlset = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://bao.vn/e-5.html</loc><news:news><news:title>BHTN</news:title></news:news></url>
      <url><loc> https://bao.vn/f-6.html </loc></url></urlset>"""
    assert sitemap_links(urlset, "https://bao.vn/sitemap.xml").articles == (
        "https://bao.vn/e-5.html",
        "https://bao.vn/f-6.html",
    )
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://bao.vn/sitemap-1.xml</loc></sitemap></sitemapindex>"""
    links = sitemap_links(index, "https://bao.vn/sitemap.xml")
    assert links.sitemaps == ("https://bao.vn/sitemap-1.xml",) and links.articles == ()


def test_sitemap_lastmod_is_kept_per_article() -> None:
    urlset = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://bao.vn/a-1.html</loc><lastmod>2026-05-12T08:30:00+07:00</lastmod></url>
      <url><loc>https://bao.vn/b-2.html</loc><lastmod>2026-05-12T01:30:00Z</lastmod></url>
      <url><loc>https://bao.vn/c-3.html</loc><lastmod>2026-05-12</lastmod></url>
      <url><loc>https://bao.vn/d-4.html</loc><lastmod>yesterday</lastmod></url>
      <url><loc>https://bao.vn/e-5.html</loc></url></urlset>"""
    entries = sitemap_links(urlset, "https://bao.vn/sitemap.xml").entries
    modified = {link.url.rsplit("/", 1)[1]: link.modified for link in entries}
    at = datetime(2026, 5, 12, 1, 30, tzinfo=UTC)
    assert modified["a-1.html"] == at and modified["b-2.html"] == at
    assert modified["c-3.html"] == datetime(2026, 5, 12, tzinfo=VN_TZ)  # no offset: Vietnam time
    # An unreadable value is no signal, like a missing one.
    assert modified["d-4.html"] is None and modified["e-5.html"] is None


def test_atom_updated_is_kept_rss_pubdate_is_not_a_modification() -> None:
    atom = ATOM.replace("</entry>", "<updated>2026-05-12T09:00:00+07:00</updated></entry>")
    (entry,) = feed_entries(atom.encode(), "https://bao.vn/atom.xml")
    assert entry == Link("https://bao.vn/d-4.html", datetime(2026, 5, 12, 2, tzinfo=UTC))
    rss = RSS.replace(
        "</title><link>", "</title><pubDate>Tue, 12 May 2026 08:30:00 +0700</pubDate><link>"
    )
    assert [link.modified for link in feed_entries(rss.encode(), "https://bao.vn/rss")] == [
        None
    ] * 3
