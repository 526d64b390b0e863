"""CSS selectors: per-site tables and the generic fallbacks shared by every outlet.

A site table only says where a field lives when structured data and the generic rules are not
enough; the accuracy test over the saved pages tells when an entry is needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from lxml import etree
from lxml.cssselect import CSSSelector

from crawlers.extract.document import classes, node_text


@dataclass(frozen=True)
class SiteSelectors:
    """Where one outlet (or dedicated parser) keeps its fields; None means the generic rule."""

    title: str | None = None
    body: str | None = None
    lead: str | None = None
    date: str | None = None
    drop: str | None = None  # extra boilerplate blocks inside the body container
    links: str | None = None  # article links on listing pages
    next_page: str | None = None
    article_url: str | None = None  # regex an article URL must match (path + query)


GENERIC = SiteSelectors(
    lead="[class*=sapo], p.description, .article-summary, .lead-detail, .summary-detail, "
    "[itemprop=description]",
    body="[itemprop=articleBody]",
    next_page="a[rel=next], link[rel=next], .pagination a.next, a.next-page, a.btn-next, "
    "a[title*='Trang sau'], a[title*='trang sau'], a[aria-label=Next]",
)

# Keyed by host without "www." / mobile prefixes. Only entries the saved pages proved necessary.
SITES: dict[str, SiteSelectors] = {
    "vnexpress.net": SiteSelectors(
        body="article.fck_detail", lead="p.description", date="span.date"
    ),
    "baocantho.com.vn": SiteSelectors(body="#newscontents .content-fck", date="span.pubdate"),
    "baochinhphu.vn": SiteSelectors(
        body=".detail-content", lead=".detail-sapo", date=".detail-time"
    ),
    "tuoitre.vn": SiteSelectors(body=".detail-content", lead=".detail-sapo", date=".detail-time"),
    "vietnamnet.vn": SiteSelectors(
        body="#maincontent", lead=".content-detail-sapo", date=".bread-crumb-detail__time"
    ),
}


@lru_cache(maxsize=256)
def css(selector: str) -> CSSSelector:
    """A compiled selector (cached: the same few strings are used for every page)."""
    return CSSSelector(selector)


def select(tree: etree._Element, selector: str | None) -> list[etree._Element]:
    return css(selector)(tree) if selector else []


def site_key(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix):
            return host[len(prefix) :]
    return host


def site_selectors(url: str) -> SiteSelectors:
    """The table entry for a URL's host, or for its parent domain (suckhoe.vnexpress.net)."""
    host = site_key(url)
    while host:
        if host in SITES:
            return SITES[host]
        _, _, host = host.partition(".")
    return SiteSelectors()


def _is_breadcrumb_h1(h1: etree._Element, text: str) -> bool:
    own = classes(h1)
    around = " ".join(classes(a) for a in h1.iterancestors())
    return (
        ">" in text
        or "›" in text
        or "»" in text
        or any(word in own for word in ("breadcrumb", "logo", "cate", "menu"))
        or any(word in around for word in ("breadcrumb", "logo"))
        or (text.isupper() and len(text.split()) <= 6)
        or h1.find(".//img") is not None
        and len(text) < 5
    )


def headline_h1(tree: etree._Element) -> str | None:
    """The headline <h1>: not empty, not a breadcrumb or a category label, not the logo.

    Báo Cần Thơ has two h1s (the breadcrumb "THỜI SỰ > Cần Thơ" first); the longest other wins.
    """
    best = ""
    for h1 in tree.iter("h1"):
        text = node_text(h1)
        if text and not _is_breadcrumb_h1(h1, text) and len(text) > len(best):
            best = text
    return best or None
