"""National paper: JSON-LD NewsArticle (no articleBody), a header showing "today", a visible
date "Thứ ba, 7/4/2026, 07:30 (GMT+7)", an RSS feed with a UTF-8 BOM and a Google news sitemap.
Its section listing also links one URL that answers with an anti-bot challenge page."""

# ruff: noqa: E501  (HTML/XML markup kept one element per line, not split mid-tag)

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from xml.sax.saxutils import escape as xml_escape

from demo.content.catalog import Spec
from demo.model import Outlet, Page
from demo.outlets.common import (
    XML,
    View,
    absolute,
    challenge_page,
    esc,
    html_page,
    paginate,
    paragraphs_html,
    rss2,
    weekday,
)

PREFIX = "/bao-quoc-gia/"
NAME = "Báo Đời sống & An sinh (demo)"
OUTLET = Outlet(
    id="bao_quoc_gia", name=NAME, kind="national", province=None, prefix=PREFIX, structure="json-ld"
)
LISTING = PREFIX + "an-sinh"
FEED = PREFIX + "rss/an-sinh.rss"
SITEMAP = PREFIX + "sitemap-news.xml"
DISALLOW = (PREFIX + "tim-kiem",)
ARTICLE_PATTERN = r"/bao-quoc-gia/[a-z-]+/[a-z0-9-]+-\d{7}\.html$"
NEXT_PAGE = "a.next-page"
PER_PAGE = 8
_SECTIONS = {"an-sinh": "An sinh", "the-thao": "Thể thao", "kinh-doanh": "Kinh doanh"}
_TODAY = "Thứ hai, 6/7/2026"  # a fixed "today" in the header, after every article


def article_path(spec: Spec, seq: int, when: datetime) -> str:
    section = "an-sinh" if spec.section == "xa-hoi" else spec.section
    return f"{PREFIX}{section}/{spec.slug}-{4901000 + seq}.html"


def _section(view: View) -> str:
    return view.article.path.removeprefix(PREFIX).split("/")[0]


def _json_ld(view: View) -> str:
    art = view.article
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": view.url},
        "headline": art.title,
        "description": art.lead,
        "image": [
            absolute("/bao-quoc-gia/anh/" + art.path.rsplit("/", 1)[1].replace(".html", ".jpg"))
        ],
        "datePublished": art.published_at.isoformat(),
        "dateModified": (art.published_at + timedelta(hours=2, minutes=13)).isoformat(),
        "author": {"@type": "Person", "name": art.author},
        "publisher": {
            "@type": "Organization",
            "name": NAME,
            "logo": {"@type": "ImageObject", "url": absolute("/bao-quoc-gia/logo.png")},
        },
        "articleSection": _SECTIONS[_section(view)],
        "inLanguage": "vi",
    }
    return json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")


def _chrome(title: str, head: str, main: str) -> str:
    menu = "".join(
        f'<li><a href="{PREFIX}{slug}">{esc(name)}</a></li>' for slug, name in _SECTIONS.items()
    )
    return (
        f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{esc(title)}</title>{head}'
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>\n<body>'
        f'<header class="top-header"><span class="today">{_TODAY}</span>'
        f'<a class="logo" href="{PREFIX}">{esc(NAME)}</a><nav class="main-nav"><ul>'
        f'<li><a href="{PREFIX}">Trang chủ</a></li>{menu}'
        '<li><a href="/bao-quoc-gia/tim-kiem">Tìm kiếm</a></li></ul></nav></header>\n'
        f'<main class="container">{main}</main>\n'
        '<footer class="footer"><p>Báo điện tử Đời sống &amp; An sinh (demo) - Cơ quan chủ quản: Hội Nhà báo giả định.</p>'
        "<p>Giấy phép hoạt động báo điện tử số 121/GP-BTTTT cấp ngày 17/10/2025.</p>"
        "<p>© Bản quyền thuộc về báo (demo). Cấm sao chép dưới mọi hình thức.</p></footer></body></html>\n"
    )


def article_html(view: View) -> str:
    art = view.article
    when = art.published_at
    related = "".join(
        f'<li class="item-news"><h4 class="title-news"><a href="{esc(p)}">{esc(t)}</a></h4></li>'
        for p, t in view.related
    )
    head = (
        f'<meta name="description" content="{esc(art.lead)}">'
        f'<link rel="canonical" href="{esc(view.url)}">'
        f'<script type="application/ld+json">{_json_ld(view)}</script>'
    )
    main = (
        '<section class="section page-detail"><div class="sidebar-1">'
        f'<div class="header-content"><ul class="breadcrumb"><li><a href="{PREFIX}{_section(view)}">'
        f"{esc(_SECTIONS[_section(view)])}</a></li></ul>"
        f'<span class="date">{weekday(when)}, {when.day}/{when.month}/{when.year}, {when:%H:%M} (GMT+7)</span></div>'
        f'<h1 class="title-detail">{esc(art.title)}</h1>'
        f'<p class="description">{esc(art.lead)}</p>'
        f'<article class="fck_detail">{paragraphs_html(view.paragraphs, "Normal")}'
        f'<p class="Normal" style="text-align:right;"><strong>{esc(art.author)}</strong></p></article>'
        '<div class="social-share"><a class="btn-share fb" href="#">Chia sẻ</a> <a class="btn-share copy" href="#">'
        "Sao chép liên kết</a></div>"
        f'<div class="box-tinlienquan"><h3>Tin liên quan</h3><ul class="list-news">{related}</ul></div>'
        '<div class="box-comment"><h3>Ý kiến bạn đọc</h3><p>Chưa có ý kiến nào.</p></div></div></section>'
    )
    return _chrome(f"{art.title} - {NAME}", head, main)


def _page_path(number: int) -> str:
    return LISTING if number == 1 else f"{LISTING}/trang-{number}"


def listing_html(chunk: Sequence[View], number: int, pages: int) -> str:
    items = "".join(
        '<article class="item-news item-news-common">'
        f'<h3 class="title-news"><a href="{esc(v.url)}" title="{esc(v.article.title)}">{esc(v.article.title)}</a></h3>'
        f'<p class="description">{esc(v.article.lead[:160])}</p></article>'
        for v in chunk
    )
    pager = "".join(f'<a href="{_page_path(n)}">{n}</a>' for n in range(1, pages + 1))
    if number < pages:
        pager += f'<a class="btn-page next-page" rel="next" href="{_page_path(number + 1)}">Trang sau</a>'
    main = f'<h1 class="title-folder">An sinh</h1><div class="list-news-subfolder">{items}</div><div id="pagination">{pager}</div>'
    return _chrome(f"An sinh - {NAME}", "", main)


def news_sitemap(views: Sequence[View]) -> Page:
    rows = [
        f"<url><loc>{xml_escape(v.url)}</loc><news:news><news:publication><news:name>{xml_escape(NAME)}"
        "</news:name><news:language>vi</news:language></news:publication>"
        f"<news:publication_date>{v.article.published_at.isoformat()}</news:publication_date>"
        f"<news:title>{xml_escape(v.article.title)}</news:title></news:news></url>"
        for v in sorted(views, key=lambda v: v.article.published_at, reverse=True)
    ]
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
        + "\n".join(rows)
        + "\n</urlset>\n"
    )
    return Page(xml.encode("utf-8"), XML)


def pages(views: Sequence[View]) -> dict[str, Page]:
    out: dict[str, Page] = {}
    for view in views:
        out[view.article.path] = (
            challenge_page() if view.article.challenge else html_page(article_html(view))
        )
    listed = [v for v in views if v.listed]
    chunks = paginate(listed, PER_PAGE)
    for number, chunk in enumerate(chunks, start=1):
        out[_page_path(number)] = html_page(listing_html(chunk, number, len(chunks)))
    out[PREFIX] = out[LISTING]
    feed_items = [v for v in listed if not v.article.challenge]
    out[FEED] = rss2(f"{NAME} - An sinh", absolute(LISTING), paginate(feed_items, 12)[0], bom=True)
    out[SITEMAP] = news_sitemap([v for v in views if not v.article.challenge])
    return out
