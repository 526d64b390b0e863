"""Listing pages: article links and the next page."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import etree

from crawlers.encoding import decode_html
from crawlers.errors import CrawlError
from crawlers.extract.document import classes, node_text, parse_html
from crawlers.extract.selectors import GENERIC, SiteSelectors, select, site_key, site_selectors
from crawlers.extract.sites import parser_selectors
from crawlers.urls import canonicalize_url

# Article URLs of Vietnamese outlets end in a numeric id: -5047363.html (VnExpress),
# -20260307080054340.htm (Dân trí, Tuổi Trẻ), -a196670.html (Báo Cần Thơ), .ldo/.bld (Lao Động),
# .vnp (VietnamPlus), or carry a SharePoint ItemID.
DEFAULT_ARTICLE_URL = r"\d{5,}\.(?:html?|ldo|bld|vnp|aspx)$|[?&]ItemID=\d+"
_FURNITURE_TAGS = frozenset({"header", "footer", "nav"})
_NEXT_TEXT_RE = re.compile(r"^(?:trang sau|trang tiếp|tiếp|sau|next|›|»|>|>>)$", re.I)
_PAGE_NUMBER_RE = re.compile(r"(trang-|-p|-page|[?&](?:page|Page|p)=)(\d+)")


def _site(url: str, parser: str) -> SiteSelectors:
    return parser_selectors(parser) or site_selectors(url)


def _tree(body: bytes, content_type: str | None) -> etree._Element:
    return parse_html(decode_html(body, content_type, normalize=False))


def _in_furniture(node: etree._Element) -> bool:
    return any(a.tag in _FURNITURE_TAGS for a in node.iterancestors())


def _same_site(url: str, base: str) -> bool:
    host, home = site_key(url), site_key(base)
    return host == home or host.endswith("." + home) or home.endswith("." + host)


def extract_links(
    body: bytes,
    url: str,
    article_pattern: str | None = None,
    *,
    content_type: str | None = None,
    parser: str = "generic",
) -> list[str]:
    """Canonical article URLs linked from a listing page, in page order, without duplicates.

    Links in the page header, footer and navigation are ignored; only same-site links whose path
    and query match ``article_pattern`` (default: the parser's, else :data:`DEFAULT_ARTICLE_URL`).
    """
    site = _site(url, parser)
    pattern = re.compile(article_pattern or site.article_url or DEFAULT_ARTICLE_URL)
    tree = _tree(body, content_type)
    anchors = select(tree, site.links) if site.links else tree.iter("a")
    found: dict[str, None] = {}
    for anchor in anchors:
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")) or _in_furniture(anchor):
            continue
        try:
            link = canonicalize_url(urljoin(url, href))
        except CrawlError:
            continue
        parts = urlsplit(link)
        target = parts.path + ("?" + parts.query if parts.query else "")
        if _same_site(link, url) and pattern.search(target):
            found.setdefault(link, None)
    return list(found)


def _page_number(url: str) -> int:
    match = _PAGE_NUMBER_RE.search(url)
    return int(match.group(2)) if match else 1


def next_page(
    body: bytes,
    url: str,
    selector: str | None = None,
    *,
    content_type: str | None = None,
    parser: str = "generic",
) -> str | None:
    """The URL of the next listing page, or None on the last page / JS-only pagination.

    Order: the given selector, the parser's, ``rel=next`` and generic "next" links, then a link
    whose page number is the current one plus one ("trang-2", "-p2", "?page=2").
    """
    site = _site(url, parser)
    tree = _tree(body, content_type)
    for sel in (selector, site.next_page, GENERIC.next_page):
        for node in select(tree, sel):
            href = (node.get("href") or "").strip()
            if href and not href.startswith(("javascript:", "#")):
                return canonicalize_url(urljoin(url, href))
    current = _page_number(url)
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "#")):
            continue
        text = node_text(anchor)
        is_next = _NEXT_TEXT_RE.match(text) or "next" in classes(anchor).split()
        numbered = _PAGE_NUMBER_RE.search(href)
        if is_next or (numbered and int(numbered.group(2)) == current + 1):
            link = canonicalize_url(urljoin(url, href))
            if _same_site(link, url) and link != canonicalize_url(url):
                return link
    return None
