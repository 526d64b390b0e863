"""Sector portal in the style of a SharePoint site: .aspx?CateID=&ItemID= URLs, the title in an
<h2>, and the publication date ONLY as visible text "Thứ tư, 15/04/2026 10:15 (GMT+7)"."""

# ruff: noqa: E501  (HTML/XML markup kept one element per line, not split mid-tag)

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from demo.content.catalog import Spec
from demo.model import Outlet, Page
from demo.outlets.common import (
    View,
    absolute,
    esc,
    html_page,
    paginate,
    paragraphs_html,
    rss2,
    urlset,
    weekday,
)

PREFIX = "/bhxh-demo/"
OUTLET = Outlet(
    id="bhxh_demo",
    name="Cổng thông tin BHXH (demo)",
    kind="sector",
    province=None,
    prefix=PREFIX,
    structure="visible-date-only",
)
PAGES = PREFIX + "tintuc/Pages/"
LISTING = PAGES + "tin-tong-hop.aspx?CateID=0"
FEED = PREFIX + "rss/tin-tuc.rss"
SITEMAP = PREFIX + "sitemap.xml"
DISALLOW = (PREFIX + "_layouts/",)
ARTICLE_PATTERN = r"/bhxh-demo/tintuc/Pages/[a-z-]+\.aspx\?CateID=\d+&ItemID=\d+$"
NEXT_PAGE = "a.next"
PER_PAGE = 6

_CATEGORIES = {
    "bhyt": ("linh-vuc-bao-hiem-y-te", 169, "Lĩnh vực bảo hiểm y tế"),
    "truyen_thong_chien_dich": ("hoat-dong-he-thong", 171, "Hoạt động hệ thống"),
}
_DEFAULT_CATEGORY = ("linh-vuc-bao-hiem-xa-hoi", 52, "Lĩnh vực bảo hiểm xã hội")


def article_path(spec: Spec, seq: int, when: datetime) -> str:
    page, cate, _ = _category(spec.topics)
    return f"{PAGES}{page}.aspx?CateID={cate}&ItemID={25100 + seq}"


def _category(topics: Sequence[str]) -> tuple[str, int, str]:
    return _CATEGORIES.get(topics[0] if topics else "", _DEFAULT_CATEGORY)


def _visible_date(when: datetime) -> str:
    return f"{weekday(when)}, {when:%d/%m/%Y %H:%M} (GMT+7)"


_HEADER = """<div id="s4-workspace"><div class="header"><div class="logo"><a href="/bhxh-demo/">
<img src="/bhxh-demo/PublishingImages/logo.png" alt="Bảo hiểm xã hội Việt Nam"/></a>
<span class="site-name">BẢO HIỂM XÃ HỘI VIỆT NAM (bản demo)</span></div>
<ul class="top-menu"><li><a href="/bhxh-demo/">Trang chủ</a></li><li><a href="/bhxh-demo/gioithieu/Pages/default.aspx">Giới thiệu</a></li>
<li><a href="/bhxh-demo/tintuc/Pages/tin-tong-hop.aspx?CateID=0">Tin tức - Sự kiện</a></li>
<li><a href="/bhxh-demo/chinhsach/Pages/default.aspx">Chính sách BHXH, BHYT</a></li>
<li><a href="/bhxh-demo/dichvucong/Pages/default.aspx">Dịch vụ công</a></li>
<li><a href="/bhxh-demo/hoidap/Pages/default.aspx">Hỏi - đáp</a></li></ul></div>"""

_SIDEBAR = """<div class="col-right"><div class="box-link"><h3>Liên kết nhanh</h3><ul>
<li><a href="/bhxh-demo/dichvucong/Pages/default.aspx">Cổng Dịch vụ công BHXH Việt Nam</a></li>
<li><a href="/bhxh-demo/vssid/Pages/default.aspx">Tải ứng dụng VssID - BHXH số</a></li>
<li><a href="/bhxh-demo/tracuu/Pages/default.aspx">Tra cứu quá trình tham gia BHXH</a></li></ul>
<p class="hotline">Tổng đài hỗ trợ: 1900 9068</p></div>
<div class="box-banner"><h3>Thông tin tuyên truyền</h3><p>BHXH, BHYT - Vì an sinh của mọi người</p></div></div>"""

_FOOTER = """<div class="footer"><p>CỔNG THÔNG TIN ĐIỆN TỬ BẢO HIỂM XÃ HỘI VIỆT NAM (bản demo, không phải trang chính thức)</p>
<p>Giấy phép số 56/GP-TTĐT do Cục Phát thanh, truyền hình và thông tin điện tử cấp ngày 12/03/2024.</p>
<p>Địa chỉ: số 7 phố Tràng Thi (demo) - Điện thoại: 1900 9068</p></div></div>"""


def _shell(title: str, head: str, main: str) -> str:
    return (
        '<!DOCTYPE html>\n<html dir="ltr" lang="vi-VN"><head>'
        '<meta http-equiv="X-UA-Compatible" content="IE=10"/><meta charset="utf-8"/>'
        f"<title>\n\t{esc(title)}\n</title>{head}"
        '<link rel="stylesheet" href="/bhxh-demo/_layouts/15/1066/styles/Themable/corev15.css"/></head>\n'
        '<body><form method="post" id="aspnetForm">'
        '<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIFD2QWAg"/>\n'
        f'{_HEADER}\n<div class="main">{main}\n{_SIDEBAR}</div>\n{_FOOTER}</form></body></html>\n'
    )


def article_html(view: View) -> str:
    art = view.article
    _, _, category = _category(art.topics)
    related = "".join(
        f'<li><a href="{esc(path)}">{esc(title)}</a></li>' for path, title in view.related
    )
    head = (
        f'<meta property="og:title" content="{esc(art.title)}"/>'
        '<meta property="og:type" content="article"/>'
        f'<meta property="og:url" content="{esc(view.url)}"/>'
        f'<meta name="description" content="{esc(art.lead)}"/>'
        f'<link rel="canonical" href="{esc(view.url)}"/>'
    )
    main = (
        '<div class="col-left"><div class="breadcrumb"><a href="/bhxh-demo/">Trang chủ</a> &gt; '
        f'<a href="{LISTING.replace("&", "&amp;")}">Tin tức</a> &gt; <span>{esc(category)}</span></div>'
        '<div class="news-detail">'
        f'<div class="news-title"><h2>{esc(art.title)}</h2></div>'
        f'<div class="news-date"><span class="date">{_visible_date(art.published_at)}</span></div>'
        f'<div class="news-summary"><strong>{esc(art.lead)}</strong></div>'
        '<div class="ms-rtestate-field"><div class="ExternalClass0D1C3B2A">'
        f"{paragraphs_html(view.paragraphs)}</div></div>"
        f'<div class="news-author"><strong>{esc(art.author)}</strong></div>'
        '<div class="share">Chia sẻ: <a href="#" class="fb">Facebook</a> <a href="#" class="zalo">Zalo</a>'
        ' <a href="javascript:window.print()">In bài</a></div></div>'
        f'<div class="related"><h3>Tin liên quan</h3><ul>{related}</ul></div></div>'
    )
    return _shell(art.title + " - Cổng thông tin BHXH (demo)", head, main)


_CURRENT = ' class="current"'


def _listing_href(page: int) -> str:
    return "tin-tong-hop.aspx?CateID=0" + (f"&amp;page={page}" if page > 1 else "")


def listing_html(chunk: Sequence[View], page: int, pages: int) -> str:
    items = "".join(
        '<div class="item-news">'
        f'<a class="title" href="{esc(v.article.path.removeprefix(PAGES))}">{esc(v.article.title)}</a>'
        f'<span class="date">{v.article.published_at:%d/%m/%Y}</span>'
        f"<p>{esc(v.article.lead)}</p></div>"
        for v in chunk
    )
    pager = "".join(
        f'<a href="{_listing_href(n)}"{_CURRENT if n == page else ""}>{n}</a>'
        for n in range(1, pages + 1)
    )
    if page < pages:
        pager += f'<a class="next" href="{_listing_href(page + 1)}">Trang sau</a>'
    main = f'<div class="col-left"><h2 class="cate-title">Tin tức - Sự kiện</h2>{items}<div class="paging">{pager}</div></div>'
    return _shell("Tin tức - Sự kiện - Cổng thông tin BHXH (demo)", "", main)


def pages(views: Sequence[View]) -> dict[str, Page]:
    out = {v.article.path: html_page(article_html(v)) for v in views}
    listed = [v for v in views if v.listed]
    chunks = paginate(listed, PER_PAGE)
    for number, chunk in enumerate(chunks, start=1):
        path = LISTING + (f"&page={number}" if number > 1 else "")
        out[path] = html_page(listing_html(chunk, number, len(chunks)))
    out[FEED] = rss2("BHXH Việt Nam (demo) - Tin tức", absolute(LISTING), paginate(listed, 10)[0])
    out[SITEMAP] = urlset(views)
    home = f'<div class="col-left"><a href="{LISTING.replace("&", "&amp;")}">Tin tức - Sự kiện</a></div>'
    out[PREFIX] = html_page(_shell("Cổng thông tin BHXH (demo)", "", home))
    return out
