"""A blog/forum-style site that is NOT press: it hosts the scam and false-claim pages.
WordPress markup: article:published_time in UTC ("+00:00"), <time class="entry-date">,
reader comments after the post, /page/2/ pagination and a Yoast-style post sitemap."""

# ruff: noqa: E501  (HTML/XML markup kept one element per line, not split mid-tag)

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

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
)

PREFIX = "/dien-dan/"
NAME = "Diễn đàn Hỏi đáp Bảo hiểm (demo)"
OUTLET = Outlet(
    id="dien_dan_bhxh",
    name=NAME,
    kind="other",
    province=None,
    prefix=PREFIX,
    structure="wordpress",
    press=False,
    notes="Không phải cơ quan báo chí: trang diễn đàn/dịch vụ tự đăng (demo), nơi xuất hiện tin sai "
    "sự thật và quảng cáo lừa đảo.",
)
LISTING = PREFIX
FEED = PREFIX + "feed/"
SITEMAP = PREFIX + "post-sitemap.xml"
DISALLOW = (PREFIX + "wp-admin/",)
ARTICLE_PATTERN = r"/dien-dan/(?!page/|feed/|wp-|category/)[a-z0-9-]+/$"
NEXT_PAGE = "a.next.page-numbers"
PER_PAGE = 4
_MONTHS = (
    "Một",
    "Hai",
    "Ba",
    "Tư",
    "Năm",
    "Sáu",
    "Bảy",
    "Tám",
    "Chín",
    "Mười",
    "Mười Một",
    "Mười Hai",
)


def article_path(spec: Spec, seq: int, when: datetime) -> str:
    return f"{PREFIX}{spec.slug}/"


def _chrome(title: str, head: str, main: str, body_class: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="UTF-8">'
        f"<title>{esc(title)}</title>{head}"
        "<link rel='stylesheet' href='/dien-dan/wp-content/themes/hoidap/style.css' media='all' />"
        f'</head>\n<body class="{body_class}"><div id="page" class="site">'
        f'<header id="masthead"><p class="site-title"><a href="{PREFIX}">{esc(NAME)}</a></p>'
        '<p class="site-description">Chia sẻ kinh nghiệm làm hồ sơ bảo hiểm</p>'
        '<nav id="site-navigation"><ul><li><a href="/dien-dan/">Trang chủ</a></li>'
        '<li><a href="/dien-dan/category/dich-vu/">Dịch vụ</a></li>'
        '<li><a href="/dien-dan/category/hoi-dap/">Hỏi đáp</a></li></ul></nav></header>\n'
        f'<div id="content" class="site-content">{main}</div>\n'
        '<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">'
        "Liên hệ nhanh</h2><p>Zalo hỗ trợ 24/7 - nhắn tin để được tư vấn.</p></section></aside>"
        '<footer id="colophon"><div class="site-info">© 2026 '
        + esc(NAME)
        + " - Vận hành bởi WordPress</div></footer></div></body></html>\n"
    )


def _human_date(when: datetime) -> str:
    return f"{when.day} Tháng {_MONTHS[when.month - 1]}, {when.year}"


def article_html(view: View) -> str:
    art = view.article
    when = art.published_at
    comments = "".join(f'<li class="comment"><p>{esc(c)}</p></li>' for c in view.comments)
    head = (
        f'<meta property="og:locale" content="vi_VN" /><meta property="og:type" content="article" />'
        f'<meta property="og:title" content="{esc(art.title)}" />'
        f'<meta property="og:url" content="{esc(view.url)}" />'
        f'<meta property="article:published_time" content="{when.astimezone(UTC).isoformat()}" />'
        f'<link rel="canonical" href="{esc(view.url)}" />'
    )
    main = (
        f'<main id="main"><article class="post type-post status-publish format-standard">'
        f'<header class="entry-header"><h1 class="entry-title">{esc(art.title)}</h1>'
        f'<div class="entry-meta"><span class="posted-on"><a href="{esc(view.url)}" rel="bookmark">'
        f'<time class="entry-date published" datetime="{when.isoformat()}">{_human_date(when)}</time></a></span>'
        f'<span class="byline"> bởi <span class="author vcard">{esc(art.author)}</span></span></div></header>'
        f'<div class="entry-content"><p><strong>{esc(art.lead)}</strong></p>{paragraphs_html(view.paragraphs)}</div>'
        '<footer class="entry-footer"><span class="cat-links">Chuyên mục: Bảo hiểm</span></footer></article>'
        f'<div id="comments" class="comments-area"><h2 class="comments-title">Bình luận</h2>'
        f'<ol class="comment-list">{comments}</ol></div></main>'
    )
    return _chrome(f"{art.title} - {NAME}", head, main, "post-template-default single single-post")


def _page_path(number: int) -> str:
    return LISTING if number == 1 else f"{PREFIX}page/{number}/"


def listing_html(chunk: Sequence[View], number: int, pages: int) -> str:
    items = "".join(
        f'<article class="post"><h2 class="entry-title"><a href="{esc(v.url)}" rel="bookmark">{esc(v.article.title)}</a></h2>'
        f'<div class="entry-summary"><p>{esc(v.article.lead[:140])} […]</p></div></article>'
        for v in chunk
    )
    nav = "".join(
        f'<a class="page-numbers" href="{_page_path(n)}">{n}</a>'
        if n != number
        else f'<span aria-current="page" class="page-numbers current">{n}</span>'
        for n in range(1, pages + 1)
    )
    if number < pages:
        nav += f'<a class="next page-numbers" href="{_page_path(number + 1)}">Trang sau »</a>'
    main = f'<main id="main">{items}<nav class="navigation pagination"><div class="nav-links">{nav}</div></nav></main>'
    return _chrome(NAME, "", main, "home blog")


def pages(views: Sequence[View]) -> dict[str, Page]:
    out = {v.article.path: html_page(article_html(v)) for v in views}
    chunks = paginate(list(views), PER_PAGE)
    for number, chunk in enumerate(chunks, start=1):
        out[_page_path(number)] = html_page(listing_html(chunk, number, len(chunks)))
    out[FEED] = rss2(NAME, absolute(LISTING), paginate(list(views), 10)[0])
    out[SITEMAP] = urlset(views)
    return out
