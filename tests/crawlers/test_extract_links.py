"""Listing pages: article links and pagination, on our own pages and on the saved real ones."""

from __future__ import annotations

import csv
import re

import pytest

from benchmarks.saved_pages import SHARED
from crawlers.extract import DEFAULT_ARTICLE_URL, extract_links, next_page

TRUTH = SHARED / "data/research/html_truth.csv"

LISTING = """<html><head><meta charset="utf-8"></head><body>
<header><a href="/thoi-su-a100001.html">Tin nổi bật trên menu</a></header>
<nav><a href="/xa-hoi">Xã hội</a></nav>
<div class="list">
  <h3><a href="/bhxh-tu-nguyen-a196670.html?utm_source=home">BHXH tự nguyện</a></h3>
  <a href="https://baomau.vn/bhxh-tu-nguyen-a196670.html"><img src="x.jpg"></a>
  <h3><a href="//baomau.vn/bhyt-hoc-sinh-a196671.html">BHYT học sinh</a></h3>
  <h3><a href="https://m.baomau.vn/luong-huu-a196672.html">Lương hưu</a></h3>
  <h3><a href="https://baokhac.vn/tin-khac-a555555.html">Báo khác</a></h3>
  <a href="/chuyen-muc/xa-hoi.html">Chuyên mục</a>
  <a href="javascript:void(0)">Xem thêm</a>
</div>
<div class="paging"><a href="/xa-hoi?p=1">1</a><a href="/xa-hoi?p=2">2</a>
<a href="/xa-hoi?p=3">3</a></div>
<footer><a href="/gioi-thieu-a100002.html">Giới thiệu</a></footer>
</body></html>""".encode()


def test_article_links_in_page_order_deduplicated_same_site_no_furniture() -> None:
    assert extract_links(LISTING, "https://baomau.vn/xa-hoi") == [
        "https://baomau.vn/bhxh-tu-nguyen-a196670.html",
        "https://baomau.vn/bhyt-hoc-sinh-a196671.html",
        "https://baomau.vn/luong-huu-a196672.html",
    ]


def test_custom_article_pattern() -> None:
    assert extract_links(LISTING, "https://baomau.vn/xa-hoi", r"/chuyen-muc/") == [
        "https://baomau.vn/chuyen-muc/xa-hoi.html"
    ]


def test_next_page_by_page_number() -> None:
    assert next_page(LISTING, "https://baomau.vn/xa-hoi") == "https://baomau.vn/xa-hoi?p=2"
    assert next_page(LISTING, "https://baomau.vn/xa-hoi?p=2") == "https://baomau.vn/xa-hoi?p=3"
    assert next_page(LISTING, "https://baomau.vn/xa-hoi?p=3") is None


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<link rel="next" href="/xa-hoi/trang-2.htm">', "https://baomau.vn/xa-hoi/trang-2.htm"),
        (
            '<a class="btn" href="/xa-hoi/p/2" title="Trang sau">›</a>',
            "https://baomau.vn/xa-hoi/p/2",
        ),
        ('<a href="/xa-hoi-trang-sau">Trang sau</a>', "https://baomau.vn/xa-hoi-trang-sau"),
        ('<a href="javascript:;" class="next">Sau</a>', None),
        ("", None),
    ],
    ids=["rel-next", "title", "text", "javascript-only", "none"],
)
def test_next_page_markers(markup: str, expected: str | None) -> None:
    body = f"<html><head></head><body>{markup}<p>Danh sách</p></body></html>".encode()
    assert next_page(body, "https://baomau.vn/xa-hoi") == expected


def test_next_page_with_an_explicit_selector() -> None:
    body = (
        "<html><body><div class='pager'><a href='/tin?Page=5'>Cuối</a></div></body></html>".encode()
    )
    assert (
        next_page(body, "https://baomau.vn/tin", selector=".pager a")
        == "https://baomau.vn/tin?Page=5"
    )


def test_baohiemxahoi_listing_links_use_item_ids() -> None:
    body = """<html><body><div class="list-news">
      <a href="/tintuc/Pages/linh-vuc-bao-hiem-xa-hoi.aspx?ItemID=21000&amp;CateID=168">Tin 1</a>
      <a href="/tintuc/Pages/linh-vuc-bao-hiem-xa-hoi.aspx?CateID=168&amp;ItemID=21000">Lặp</a>
      <a href="/tintuc/Pages/linh-vuc-bao-hiem-y-te.aspx?CateID=169&amp;ItemID=21001">Tin 2</a>
      <a href="/tintuc/Pages/hoat-dong-bhxh-viet-nam.aspx?CateID=136&amp;Page=2">Trang 2</a>
    </div></body></html>""".encode()
    url = "https://baohiemxahoi.gov.vn/tintuc/Pages/hoat-dong-bhxh-viet-nam.aspx?CateID=136"
    assert extract_links(body, url, parser="baohiemxahoi") == [
        "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-xa-hoi.aspx?CateID=168&ItemID=21000",
        "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-y-te.aspx?CateID=169&ItemID=21001",
    ]


# Expected next-page URLs of the saved listing pages (None: JavaScript "load more" only).
SAVED_NEXT = {
    "baocantho.com.vn": "https://baocantho.com.vn/thoi-su?p=2",
    "baochinhphu.vn": None,
    "dantri.com.vn": "https://dantri.com.vn/kinh-doanh/trang-2.htm",
    "tuoitre.vn": None,
    "vietnamnet.vn": "https://vietnamnet.vn/kinh-doanh-page1",
    "vnexpress.net": "https://vnexpress.net/kinh-doanh-p2",
}


def _listing_rows() -> list[dict[str, str]]:
    if not TRUTH.exists():
        return []
    with TRUTH.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["page_type"] == "listing"]


@pytest.mark.shared
@pytest.mark.parametrize(
    "row", _listing_rows() or [None], ids=lambda r: r["site"] if r else "absent"
)
def test_saved_listing_pages(row: dict[str, str] | None) -> None:
    if row is None:
        pytest.skip(f"shared material not found at {SHARED}")
    assert row["site"] in SAVED_NEXT, f"new saved listing site {row['site']!r} needs an expectation"
    body = (SHARED / "data/raw/html" / row["file"]).read_bytes()
    links = extract_links(body, row["url"])
    assert len(links) >= 10
    assert len(set(links)) == len(links)
    assert all(re.search(DEFAULT_ARTICLE_URL, link) for link in links)
    assert all(row["site"] in link for link in links)
    assert next_page(body, row["url"]) == SAVED_NEXT[row["site"]]
