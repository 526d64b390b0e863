"""URL canonicalisation on the URL shapes of the outlets we crawl (slugs are our own)."""

from __future__ import annotations

import pytest

from crawlers.errors import InvalidURL
from crawlers.urls import article_id, canonicalize_url

CASES = [
    # VnExpress: numeric id + .html; mobile host; tracking from Facebook/Zalo shares
    (
        "https://vnexpress.net/luong-huu-tang-tu-thang-7-4954454.html",
        "https://vnexpress.net/luong-huu-tang-tu-thang-7-4954454.html",
    ),
    (
        "https://m.vnexpress.net/luong-huu-tang-tu-thang-7-4954454.html?fbclid=IwAR0abc",
        "https://vnexpress.net/luong-huu-tang-tu-thang-7-4954454.html",
    ),
    (
        "HTTPS://VnExpress.NET:443/luong-huu-tang-tu-thang-7-4954454.html#box_comment",
        "https://vnexpress.net/luong-huu-tang-tu-thang-7-4954454.html",
    ),
    (
        "https://suckhoe.vnexpress.net/bhyt-chi-tra-3618863.html",
        "https://suckhoe.vnexpress.net/bhyt-chi-tra-3618863.html",
    ),
    # Dân trí / Tuổi Trẻ: 17-digit ids + .htm; Zalo tracking (zarsrc, gidzl, utm_*)
    (
        "https://dantri.com.vn/an-sinh/bhxh-mot-lan-20260307080054340.htm?zarsrc=30&utm_source=zalo"
        "&utm_medium=zalo&utm_campaign=zalo&gidzl=AbCd",
        "https://dantri.com.vn/an-sinh/bhxh-mot-lan-20260307080054340.htm",
    ),
    (
        "https://tuoitre.vn/vssid-cap-nhat-20260307075519174.htm?gclid=xyz&_ga=2.1",
        "https://tuoitre.vn/vssid-cap-nhat-20260307075519174.htm",
    ),
    # A feed link in CDATA keeps the HTML-escaped "&amp;" (VietNamNet double-escapes)
    (
        "https://vietnamnet.vn/luong-huu-2495349.html?utm_source=rss&amp;utm_medium=feed",
        "https://vietnamnet.vn/luong-huu-2495349.html",
    ),
    (
        "https://baohiemxahoi.gov.vn/tintuc/Pages/chinh-sach.aspx?CateID=0&amp;ItemID=35024",
        "https://baohiemxahoi.gov.vn/tintuc/Pages/chinh-sach.aspx?CateID=0&ItemID=35024",
    ),
    # AMP variants
    (
        "https://amp.tuoitre.vn/vssid-cap-nhat-20260307075519174.htm",
        "https://tuoitre.vn/vssid-cap-nhat-20260307075519174.htm",
    ),
    (
        "https://vietnamnet.vn/amp/bhtn-tro-cap-2495349.html",
        "https://vietnamnet.vn/bhtn-tro-cap-2495349.html",
    ),
    (
        "https://vietnamnet.vn/bhtn-tro-cap-2495349.html?amp",
        "https://vietnamnet.vn/bhtn-tro-cap-2495349.html",
    ),
    (
        "https://baochinhphu.vn/chinh-sach-bhyt-102260228093004191.htm/amp",
        "https://baochinhphu.vn/chinh-sach-bhyt-102260228093004191.htm",
    ),
    (
        "https://nld.com.vn/luong-huu-196250307.amp.htm",
        "https://nld.com.vn/luong-huu-196250307.htm",
    ),
    ("https://example.com.vn/tin/bhxh/amp/", "https://example.com.vn/tin/bhxh"),
    # Báo Cần Thơ: -a<id>.html; keep www when the outlet uses it
    (
        "https://baocantho.com.vn/bhxh-tu-nguyen-a196670.html",
        "https://baocantho.com.vn/bhxh-tu-nguyen-a196670.html",
    ),
    (
        "https://www.baocantho.com.vn/bhxh-tu-nguyen-a196670.html",
        "https://www.baocantho.com.vn/bhxh-tu-nguyen-a196670.html",
    ),
    # SharePoint: ItemID/CateID are the article's identity; order and tracking normalised
    (
        "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-xa-hoi.aspx?ItemID=21000&CateID=168",
        "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-xa-hoi.aspx?CateID=168&ItemID=21000",
    ),
    (
        "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-y-te.aspx?CateID=169&ItemID=21001"
        "&utm_source=facebook",
        "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-y-te.aspx?CateID=169&ItemID=21001",
    ),
    (
        "https://hanoi.baohiemxahoi.gov.vn/tintuc/Pages/chinh-sach-moi.aspx?CateID=0&ItemID=35024",
        "https://hanoi.baohiemxahoi.gov.vn/tintuc/Pages/chinh-sach-moi.aspx?CateID=0&ItemID=35024",
    ),
    (
        "https://baohiemxahoi.gov.vn/tintuc/Pages/hoat-dong-bhxh-viet-nam.aspx?CateID=136&date=&Page=2",
        "https://baohiemxahoi.gov.vn/tintuc/Pages/hoat-dong-bhxh-viet-nam.aspx?CateID=136&Page=2&date=",
    ),
    # Sessions, default ports, doubled slashes, non-default ports kept
    (
        "http://baodautu.vn:80/tin//bhxh-d123456.html;jsessionid=ABC123?PHPSESSID=x&sid=1",
        "http://baodautu.vn/tin/bhxh-d123456.html",
    ),
    ("http://localhost:8081/bai/1.html", "http://localhost:8081/bai/1.html"),
    # Vietnamese characters in paths: one percent-encoding
    (
        "https://example.vn/tin tức/bảo-hiểm.html",
        "https://example.vn/tin%20t%E1%BB%A9c/b%E1%BA%A3o-hi%E1%BB%83m.html",
    ),
    (
        "https://example.vn/tin%20t%E1%BB%A9c/b%E1%BA%A3o-hi%E1%BB%83m.html",
        "https://example.vn/tin%20t%E1%BB%A9c/b%E1%BA%A3o-hi%E1%BB%83m.html",
    ),
    ("https://example.vn", "https://example.vn/"),
    ("https://example.vn/tin-t%E1%BB%A9c.html", "https://example.vn/tin-t%E1%BB%A9c.html"),
    (
        "https://example.vn/tin-tu%CC%9B%CC%81c.html",
        "https://example.vn/tin-t%E1%BB%A9c.html",
    ),  # NFD
]


@pytest.mark.parametrize(("url", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_canonicalize_url(url: str, expected: str) -> None:
    assert canonicalize_url(url) == expected


@pytest.mark.parametrize(("url", "_expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_canonicalize_url_is_idempotent(url: str, _expected: str) -> None:
    once = canonicalize_url(url)
    assert canonicalize_url(once) == once


@pytest.mark.parametrize(
    "url",
    ["/relative/path.html", "ftp://x.vn/a", "mailto:a@b.vn", "https://", "http://x.vn:99999/"],
)
def test_invalid_urls_raise(url: str) -> None:
    with pytest.raises(InvalidURL):
        canonicalize_url(url)


def test_article_id_is_full_sha1_and_ignores_scheme_and_variants() -> None:
    ident = article_id("https://vnexpress.net/luong-huu-4954454.html")
    assert len(ident) == 40 and all(ch in "0123456789abcdef" for ch in ident)
    assert article_id("http://m.vnexpress.net/luong-huu-4954454.html?utm_source=x") == ident
    assert article_id("https://vnexpress.net/luong-huu-4954455.html") != ident


def test_sharepoint_items_are_distinct_articles() -> None:
    base = (
        "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-xa-hoi.aspx?CateID=168&ItemID="
    )
    assert article_id(base + "1") != article_id(base + "2")


# Báo Cần Thơ as configured: its domain and a pre-merger paper's, kept as an alias.
CAN_THO = ("baocantho.com.vn", "baohaugiang.com.vn")


@pytest.mark.parametrize(
    ("first", "second", "domains", "one_article"),
    [
        # On the outlet's own domain or alias, www. or not is one outlet: one article.
        (
            "https://www.baocantho.com.vn/a-a1.html",
            "https://baocantho.com.vn/a-a1.html",
            CAN_THO,
            True,
        ),
        (
            "http://www.baohaugiang.com.vn/b.html",
            "https://baohaugiang.com.vn/b.html",
            CAN_THO,
            True,
        ),
        # configured with its www., the bare host is the same outlet too
        ("https://www.qdnd.vn/x-1", "https://qdnd.vn/x-1", ("www.qdnd.vn",), True),
        # Without the source, nothing says the two hosts are one site: www. is kept.
        ("https://www.baocantho.com.vn/a-a1.html", "https://baocantho.com.vn/a-a1.html", (), False),
        # A host that is not the outlet's keeps it, even beside a source.
        ("https://www.other.vn/a.html", "https://other.vn/a.html", CAN_THO, False),
        # A subdomain of the outlet is another host, www. or not.
        ("https://www.tv.baocantho.com.vn/a", "https://baocantho.com.vn/a", CAN_THO, False),
        # A port makes another host.
        ("https://www.baocantho.com.vn:8443/a", "https://baocantho.com.vn/a", CAN_THO, False),
    ],
    ids=["domain", "alias", "configured-www", "no-source", "other-host", "subdomain", "port"],
)
def test_www_is_one_host_only_on_the_outlets_own_domains(
    first: str, second: str, domains: tuple[str, ...], one_article: bool
) -> None:
    assert (article_id(first, domains) == article_id(second, domains)) is one_article


def test_www_stays_in_the_canonical_url_and_the_id_of_the_bare_host_is_unchanged() -> None:
    # The URL stays as the outlet spells it (some hosts answer one way only); the id of a bare
    # host is what it always was, so archives keep those ids.
    url = "https://www.baocantho.com.vn/bhxh-tu-nguyen-a196670.html"
    assert canonicalize_url(url) == url
    bare = "https://baocantho.com.vn/bhxh-tu-nguyen-a196670.html"
    assert article_id(url, CAN_THO) == article_id(bare) == article_id(bare, CAN_THO)
