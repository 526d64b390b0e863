"""Provincial paper A (Vĩnh Long): metadata only in og:/article: meta tags, with NAIVE local
timestamps ("2026-04-08T09:30:00", no offset); two <h1> (breadcrumb first); an Atom feed;
"?page=2" pagination with a query-only href; a robots-disallowed /noi-bo/ section."""

# ruff: noqa: E501  (HTML/XML markup kept one element per line, not split mid-tag)

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from demo.content.catalog import Spec
from demo.model import Outlet, Page
from demo.outlets.common import (
    View,
    absolute,
    atom,
    esc,
    html_page,
    paginate,
    paragraphs_html,
    urlset,
    weekday,
)

PREFIX = "/bao-tinh-a/"
NAME = "Báo Vĩnh Long điện tử (demo)"
OUTLET = Outlet(
    id="bao_tinh_a",
    name=NAME,
    kind="provincial",
    province="Vĩnh Long",
    prefix=PREFIX,
    structure="og-meta",
)
LISTING = PREFIX + "chuyen-muc/xa-hoi"
FEED = PREFIX + "rss/xa-hoi.atom"
SITEMAP = PREFIX + "sitemap.xml"
DISALLOW = (PREFIX + "noi-bo/",)
ARTICLE_PATTERN = r"/bao-tinh-a/[a-z-]+/[a-z0-9-]+-a\d+\.html$"
NEXT_PAGE = "ul.pagination a.next"
PER_PAGE = 7
_SECTIONS = {"xa-hoi": "XÃ HỘI", "thoi-tiet": "THỜI TIẾT", "noi-bo": "NỘI BỘ"}


def article_path(spec: Spec, seq: int, when: datetime) -> str:
    return f"{PREFIX}{spec.section}/{spec.slug}-a{2026000 + seq}.html"


def _section(view: View) -> str:
    return view.article.path.removeprefix(PREFIX).split("/")[0]


def _chrome(title: str, head: str, main: str) -> str:
    return (
        '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="vi"><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />'
        f"<title>{esc(title)}</title>{head}"
        '<meta name="robots" content="index,follow" /></head>\n<body>'
        '<div id="header"><div class="topbar"><a href="/bao-tinh-a/xem-bao/">Đọc báo in</a> | '
        '<a href="/bao-tinh-a/rss/xa-hoi.atom">RSS</a></div>'
        f'<div class="logo"><a href="{PREFIX}">{esc(NAME)}</a></div>'
        '<ul class="menu"><li><a href="/bao-tinh-a/">Trang chủ</a></li>'
        '<li><a href="/bao-tinh-a/chuyen-muc/thoi-su">Thời sự</a></li>'
        '<li><a href="/bao-tinh-a/chuyen-muc/xa-hoi">Xã hội</a></li>'
        '<li><a href="/bao-tinh-a/chuyen-muc/kinh-te">Kinh tế</a></li></ul></div>\n'
        f'<div class="wappercontainer"><div id="content">{main}</div></div>\n'
        '<div id="footer"><p>BÁO VĨNH LONG ĐIỆN TỬ (bản demo)</p>'
        "<p>Giấy phép xuất bản số 88/GP-BVHTTDL cấp ngày 08/01/2026.</p>"
        "<p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></div></body></html>\n"
    )


def article_html(view: View) -> str:
    art = view.article
    when = art.published_at
    naive = when.replace(tzinfo=None).isoformat()
    related = "".join(f'<li><a href="{esc(p)}">{esc(t)}</a></li>' for p, t in view.related)
    head = (
        '<meta property="og:type" content="article" />'
        f'<meta property="og:url" content="{esc(view.url)}" />'
        f'<meta property="og:title" content="{esc(art.title)}" />'
        f'<meta property="og:description" content="{esc(art.lead)}" />'
        f'<meta property="og:site_name" content="{esc(NAME)}" />'
        f'<meta property="article:published_time" content="{naive}" />'
        f'<meta property="article:section" content="{_SECTIONS[_section(view)].title()}" />'
        f'<meta property="article:author" content="{esc(art.author)}" />'
    )
    main = (
        f'<div id="colcate1"><div class="titlecate"><h1><a href="{LISTING}">{_SECTIONS[_section(view)]}</a></h1></div>'
        f'<div class="sharemxh"><span class="pubdate">{weekday(when, capital=True)}, {when:%d/%m/%Y} | {when:%H:%M}</span>'
        '<a class="ashare btn-facebook" href="#">Chia sẻ Facebook</a>'
        '<a class="print" href="javascript:void(0);">In</a></div>'
        f'<h1 class="titlenews">{esc(art.title)}</h1>'
        f'<div class="sapo"><strong>{esc(art.lead)}</strong></div>'
        f'<div class="detail-content">{paragraphs_html(view.paragraphs)}</div>'
        f'<div class="author">{esc(art.author.upper())}</div>'
        f'<div class="tinlienquan"><div class="title">Tin liên quan</div><ul>{related}</ul></div></div>'
        '<div id="colcate2"><div class="box"><div class="title">Đọc nhiều</div>'
        '<ul><li><a href="/bao-tinh-a/chuyen-muc/thoi-su">Thời sự trong tỉnh</a></li></ul></div></div>'
    )
    return _chrome(f"{art.title} - {NAME}", head, main)


def listing_html(chunk: Sequence[View], number: int, pages: int) -> str:
    items = "".join(
        f'<div class="news-item"><a class="title" href="{esc(v.article.path)}">{esc(v.article.title)}</a>'
        f'<span class="time">{v.article.published_at:%d/%m/%Y %H:%M}</span></div>'
        for v in chunk
    )
    pager = "".join(
        f'<li><a href="?page={n}">{n}</a></li>'
        if n != number
        else f'<li class="active"><span>{n}</span></li>'
        for n in range(1, pages + 1)
    )
    if number < pages:
        pager += f'<li><a class="next" href="?page={number + 1}">»</a></li>'
    main = f'<div id="colcate1"><div class="titlecate"><h1>XÃ HỘI</h1></div>{items}<ul class="pagination">{pager}</ul></div>'
    return _chrome(f"Xã hội - {NAME}", "", main)


def pages(views: Sequence[View]) -> dict[str, Page]:
    out = {v.article.path: html_page(article_html(v)) for v in views}
    listed = [v for v in views if v.listed]
    chunks = paginate(listed, PER_PAGE)
    for number, chunk in enumerate(chunks, start=1):
        path = LISTING if number == 1 else f"{LISTING}?page={number}"
        out[path] = html_page(listing_html(chunk, number, len(chunks)))
    out[PREFIX] = html_page(_chrome(NAME, "", f'<a href="{LISTING}">Xã hội</a>'))
    public = [v for v in listed if not v.article.path.startswith(DISALLOW[0])]
    out[FEED] = atom(f"{NAME} - Xã hội", absolute(LISTING), absolute(FEED), paginate(public, 10)[0])
    out[SITEMAP] = urlset(views, extra=(absolute(LISTING),))
    return out
