"""Helpers shared by the outlet renderers: escaping, Vietnamese dates, feeds and sitemaps."""

# ruff: noqa: E501  (HTML/XML markup kept one element per line, not split mid-tag)

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from xml.sax.saxutils import escape as xml_escape

from demo.model import PLACEHOLDER_ORIGIN, DemoArticle, Page

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"

WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


@dataclass(frozen=True)
class View:
    """One article as an outlet renders it."""

    article: DemoArticle
    paragraphs: tuple[str, ...]
    section: str
    related: tuple[tuple[str, str], ...] = ()  # (path, title) for the "Tin liên quan" box
    listed: bool = True  # shown on the outlet's paginated section listing
    comments: tuple[str, ...] = ()  # reader comments rendered after the article, never body text

    @property
    def url(self) -> str:
        return absolute(self.article.path)


def absolute(path: str) -> str:
    return PLACEHOLDER_ORIGIN + path


def esc(text: str) -> str:
    return escape(text, quote=True)


def weekday(when: datetime, capital: bool = False) -> str:
    name = WEEKDAYS[when.weekday()]
    return name.title() if capital else name


def html_page(markup: str) -> Page:
    return Page(markup.encode("utf-8"), HTML)


def paragraphs_html(paragraphs: Iterable[str], css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return "\n".join(f"<p{attr}>{esc(p)}</p>" for p in paragraphs)


def newest_first(views: Sequence[View]) -> list[View]:
    return sorted(views, key=lambda v: v.article.published_at, reverse=True)


def paginate(views: Sequence[View], per_page: int) -> list[list[View]]:
    ordered = newest_first(views)
    return [ordered[i : i + per_page] for i in range(0, len(ordered), per_page)] or [[]]


def rss2(
    title: str, link: str, items: Sequence[View], bom: bool = False, leading: str = ""
) -> Page:
    """RSS 2.0; `bom` and `leading` blank lines reproduce byte quirks of real Vietnamese feeds."""
    entries = []
    for view in items:
        art = view.article
        entries.append(
            "<item>"
            f"<title><![CDATA[ {art.title} ]]></title>"
            f"<link>{xml_escape(view.url)}</link>"
            f'<guid isPermaLink="true">{xml_escape(view.url)}</guid>'
            f'<description><![CDATA[<a href="{esc(view.url)}"><img src="{PLACEHOLDER_ORIGIN}'
            f'/static/anh.jpg" /></a>{art.lead}]]></description>'
            f"<pubDate>{format_datetime(art.published_at)}</pubDate>"
            "</item>"
        )
    xml = (
        f'{leading}<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
        f"<title>{xml_escape(title)}</title><link>{xml_escape(link)}</link>"
        "<description>Tin tức</description><language>vi</language>\n"
        + "\n".join(entries)
        + "\n</channel>\n</rss>\n"
    )
    return Page((b"\xef\xbb\xbf" if bom else b"") + xml.encode("utf-8"), RSS)


def atom(title: str, link: str, feed_id: str, items: Sequence[View]) -> Page:
    entries = []
    for view in items:
        art = view.article
        stamp = art.published_at.isoformat()
        entries.append(
            "<entry>"
            f'<title type="text">{xml_escape(art.title)}</title>'
            f'<link rel="alternate" type="text/html" href="{esc(view.url)}"/>'
            f"<id>{xml_escape(view.url)}</id>"
            f"<published>{stamp}</published><updated>{stamp}</updated>"
            f'<summary type="text">{xml_escape(art.lead)}</summary>'
            "</entry>"
        )
    updated = max((v.article.published_at for v in items), default=datetime(2026, 1, 1, tzinfo=UTC))
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">\n'
        f"<title>{xml_escape(title)}</title><id>{xml_escape(feed_id)}</id>"
        f'<link rel="alternate" href="{esc(link)}"/><updated>{updated.isoformat()}</updated>\n'
        + "\n".join(entries)
        + "\n</feed>\n"
    )
    return Page(xml.encode("utf-8"), ATOM)


def urlset(items: Sequence[View], extra: Sequence[str] = ()) -> Page:
    """A plain sitemap: every article with <lastmod>, plus `extra` absolute URLs (section pages)."""
    rows = [f"<url><loc>{xml_escape(u)}</loc><changefreq>hourly</changefreq></url>" for u in extra]
    rows += [
        f"<url><loc>{xml_escape(v.url)}</loc><lastmod>{v.article.published_at.isoformat()}</lastmod></url>"
        for v in newest_first(items)
    ]
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(rows)
        + "\n</urlset>\n"
    )
    return Page(xml.encode("utf-8"), XML)


def sitemap_index(urls: Sequence[str]) -> Page:
    rows = [f"<sitemap><loc>{xml_escape(u)}</loc></sitemap>" for u in urls]
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(rows)
        + "\n</sitemapindex>\n"
    )
    return Page(xml.encode("utf-8"), XML)


def challenge_page() -> Page:
    """An anti-bot interstitial (status 200, like a cookie challenge): no content, only a script."""
    markup = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Just a moment...</title>'
        '<meta name="robots" content="noindex,nofollow"></head><body>'
        '<div id="challenge-running">Checking your browser before accessing the website.</div>'
        "<script>(function(){var d=new Date();d.setTime(d.getTime()+3600000);"
        'document.cookie="D1N=9f2c71d0b4e3a8;expires="+d.toUTCString()+";path=/";'
        "setTimeout(function(){window.location.reload(true);},1500);})();</script>"
        "<noscript>Vui lòng bật JavaScript và cookie để tiếp tục truy cập trang.</noscript>"
        "</body></html>"
    )
    return html_page(markup)
