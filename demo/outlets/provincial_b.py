"""Provincial paper B (Nghệ An): <time datetime="...+07:00"> plus a visible "06/04/2026 - 08:00",
photo captions inside the body, an RSS feed that starts with blank lines, a sitemap index of
monthly sitemaps and "/trang-2.html" pagination. Hosts the syndicated copy, the old-tone
article and the broken-HTML article."""

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
    sitemap_index,
    urlset,
)

PREFIX = "/bao-tinh-b/"
NAME = "Báo Nghệ An điện tử (demo)"
OUTLET = Outlet(
    id="bao_tinh_b",
    name=NAME,
    kind="provincial",
    province="Nghệ An",
    prefix=PREFIX,
    structure="time-tag",
)
LISTING = PREFIX + "xa-hoi"
FEED = PREFIX + "rss/xa-hoi.rss"
SITEMAP = PREFIX + "sitemap.xml"
DISALLOW = (PREFIX + "in-bai/",)
ARTICLE_PATTERN = r"/bao-tinh-b/tin-tuc/\d{4}/\d{2}/[a-z0-9-]+-post\d+\.html$"
NEXT_PAGE = "a.btn-next"
PER_PAGE = 6


def article_path(spec: Spec, seq: int, when: datetime) -> str:
    return f"{PREFIX}tin-tuc/{when:%Y/%m}/{spec.slug}-post{440100 + seq}.html"


def _chrome(title: str, head: str, main: str, closed: bool = True) -> str:
    tail = "</body></html>\n" if closed else "\n"
    return (
        f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="UTF-8"><title>{esc(title)}</title>{head}</head>\n'
        '<body><div class="header"><a class="logo" href="/bao-tinh-b/">' + esc(NAME) + "</a>"
        '<nav><ul class="menu"><li><a href="/bao-tinh-b/thoi-su">Thời sự</a></li>'
        '<li><a href="/bao-tinh-b/xa-hoi">Xã hội</a></li><li><a href="/bao-tinh-b/giao-thong">Giao thông</a></li>'
        '<li><a href="/bao-tinh-b/video">Video</a></li></ul></nav></div>\n'
        f'<div class="main-content">{main}</div>\n'
        '<footer><div class="footer-info"><p>Báo Nghệ An điện tử (bản demo). Tổng Biên tập: (giả định).</p>'
        "<p>Giấy phép số 31/GP-BTTTT ngày 02/05/2025.</p></div></footer>" + tail
    )


def _body(view: View) -> str:
    paragraphs = list(view.paragraphs)
    figure = (
        '<figure class="image"><img src="/bao-tinh-b/anh/minh-hoa.jpg" alt="">'
        "<figcaption>Ảnh minh họa: Tư liệu.</figcaption></figure>"
    )
    if "broken-html" not in view.article.features:
        return paragraphs_html(paragraphs[:2]) + figure + paragraphs_html(paragraphs[2:])
    # Unclosed <p>, <b> and <span> and a stray </td>: what a hand-edited CMS page looks like.
    broken = [f"<p>{esc(p)}" for p in paragraphs]
    broken[1] = "<p><b>" + esc(paragraphs[1]) + "</td>"
    broken[2] = '<p><span style="font-size:14px">' + esc(paragraphs[2])
    return "\n".join(broken) + '\n<figure class="image"><img src="/bao-tinh-b/anh/minh-hoa.jpg">'


def article_html(view: View) -> str:
    art = view.article
    when = art.published_at
    broken = "broken-html" in art.features
    related = "".join(f'<li><a href="{esc(p)}">{esc(t)}</a></li>' for p, t in view.related)
    credit = ""
    if art.syndicated_of:
        credit = '<p class="source-credit"><em>Theo Báo Đời sống &amp; An sinh</em></p>'
    head = (
        f'<meta name="description" content="{esc(art.lead)}">'
        f'<link rel="canonical" href="{esc(view.url)}">'
        f'<meta property="og:title" content="{esc(art.title)}">'
    )
    article = (
        '<article class="article">'
        '<div class="breadcrumbs"><a href="/bao-tinh-b/xa-hoi">Xã hội</a></div>'
        f'<h1 class="article__title cms-title">{esc(art.title)}</h1>'
        f'<div class="article__meta"><time class="time" datetime="{when.isoformat()}">'
        f"{when:%d/%m/%Y - %H:%M}</time>"
        f'<a class="print" href="/bao-tinh-b/in-bai/{art.path.rsplit("/", 1)[1]}">In bài</a></div>'
        f'<div class="article__sapo cms-desc">{esc(art.lead)}</div>'
        f'<div class="article__body cms-body">{_body(view)}'
    )
    article += (
        f"</div>{credit}"
        f'<p class="article__author">{esc(art.author)}</p>'
        + ("" if broken else "</article>")
        + f'<div class="related-news"><h3 class="title">Tin liên quan</h3><ul>{related}</ul></div>'
        '<div class="share-tools"><a href="#">Facebook</a><a href="#">Zalo</a></div>'
    )
    return _chrome(f"{art.title} | {NAME}", head, article, closed=not broken)


def _page_path(number: int) -> str:
    return LISTING if number == 1 else f"{LISTING}/trang-{number}.html"


def listing_html(chunk: Sequence[View], number: int, pages: int) -> str:
    items = "".join(
        f'<div class="story"><h2 class="story__heading"><a href="{esc(v.article.path)}">{esc(v.article.title)}</a></h2>'
        f'<time datetime="{v.article.published_at.isoformat()}">{v.article.published_at:%d/%m/%Y}</time></div>'
        for v in chunk
    )
    pager = ""
    if number > 1:
        pager += f'<a class="btn-prev" href="{_page_path(number - 1)}">Trang trước</a>'
    if number < pages:
        pager += f'<a class="btn-next" href="{_page_path(number + 1)}">Trang sau</a>'
    return _chrome(
        f"Xã hội | {NAME}",
        "",
        f'<h1>Xã hội</h1><div class="list">{items}</div><div class="pager">{pager}</div>',
    )


def pages(views: Sequence[View]) -> dict[str, Page]:
    out = {v.article.path: html_page(article_html(v)) for v in views}
    listed = [v for v in views if v.listed]
    chunks = paginate(listed, PER_PAGE)
    for number, chunk in enumerate(chunks, start=1):
        out[_page_path(number)] = html_page(listing_html(chunk, number, len(chunks)))
    out[PREFIX] = out[LISTING]
    out[FEED] = rss2(f"{NAME} - Xã hội", absolute(LISTING), paginate(listed, 10)[0], leading="\n\n")
    months = sorted({v.article.published_at.strftime("%Y-%m") for v in views})
    out[SITEMAP] = sitemap_index([absolute(f"{PREFIX}sitemaps/{m}.xml") for m in months])
    for month in months:
        chosen = [v for v in views if v.article.published_at.strftime("%Y-%m") == month]
        out[f"{PREFIX}sitemaps/{month}.xml"] = urlset(chosen)
    return out
