"""Pure parsers for discovery documents: RSS/Atom feeds and (news) sitemaps → article URLs, each
with the modification time the document gives for it (sitemap `<lastmod>`, Atom `<updated>`).

RSS `<pubDate>` is publication, not modification, and is not read (crawlers.revisions).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

from lxml import etree

from crawlers.encoding import decode_feed
from crawlers.errors import CrawlError
from crawlers.revisions import parse_modified

_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


class FeedError(CrawlError):
    """A feed or sitemap is not XML we can read (an HTML error page, an empty body, ...)."""


@dataclass(frozen=True)
class Link:
    """An article URL as a discovery document lists it."""

    url: str
    modified: datetime | None = None  # when the document says it last changed; None: not said


@dataclass(frozen=True)
class SitemapLinks:
    entries: tuple[Link, ...]  # the articles of a urlset
    sitemaps: tuple[str, ...]  # child sitemaps of a sitemap index

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(link.url for link in self.entries)


def _root(body: bytes, declared: str | None) -> etree._Element:
    # Real feeds start with a BOM, blank lines, or are UTF-16 (vietnamese-pitfalls.md §4).
    body = decode_feed(body, declared)
    if not body.strip():
        raise FeedError("tài liệu trống (empty)")
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as err:
        raise FeedError(f"không phải XML ({err})") from err
    if root is None:
        raise FeedError("không phải XML")
    return root


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child.tag) == name]


def _text(element: etree._Element | None) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


def feed_links(body: bytes, base_url: str, declared: str | None = None) -> list[str]:
    """Article URLs of an RSS 2.0 / RSS 1.0 / Atom feed, in document order, without repeats."""
    return [link.url for link in feed_entries(body, base_url, declared)]


def feed_entries(body: bytes, base_url: str, declared: str | None = None) -> list[Link]:
    """The articles of an RSS 2.0 / RSS 1.0 / Atom feed, in document order, without repeats (the
    first mention of a URL wins), each with its entry's `<updated>` when it has one.

    `declared` is the HTTP charset, if any.
    """
    root = _root(body, declared)
    kind = _local(root.tag)
    if kind not in {"rss", "rdf", "feed"}:
        raise FeedError(f"không phải RSS/Atom: phần tử gốc là <{kind}>")
    links: dict[str, Link] = {}
    for item in root.iter():
        name = _local(item.tag)
        if name == "item":
            link = next(iter(_children(item, "link")), None)
            url = _text(link) or (link.get("href", "") if link is not None else "")
            if not url:
                guid = next(iter(_children(item, "guid")), None)
                if guid is not None and guid.get("isPermaLink", "true") != "false":
                    url = _text(guid)
        elif name == "entry":
            entry_links = _children(item, "link")
            preferred = [li for li in entry_links if li.get("rel", "alternate") == "alternate"]
            url = (preferred or entry_links)[0].get("href", "") if entry_links else ""
        else:
            continue
        url = urljoin(base_url, url.strip())
        if url.startswith(("http://", "https://")) and url not in links:
            # Atom's <updated> (also as atom:updated inside an RSS item); never RSS <pubDate>.
            updated = next(iter(_children(item, "updated")), None)
            links[url] = Link(url, parse_modified(_text(updated)))
    return list(links.values())


def sitemap_links(body: bytes, base_url: str, declared: str | None = None) -> SitemapLinks:
    """URLs of a sitemap (incl. Google news sitemaps) or the child sitemaps of a sitemap index."""
    root = _root(body, declared)
    kind = _local(root.tag)
    if kind not in {"urlset", "sitemapindex"}:
        raise FeedError(f"không phải sitemap: phần tử gốc là <{kind}>")
    entry = "url" if kind == "urlset" else "sitemap"
    found: dict[str, Link] = {}
    for element in root.iter():
        if _local(element.tag) != entry:
            continue
        loc = _text(next(iter(_children(element, "loc")), None))
        url = urljoin(base_url, loc)
        if loc and url not in found:
            lastmod = next(iter(_children(element, "lastmod")), None)
            found[url] = Link(url, parse_modified(_text(lastmod)))
    if kind == "urlset":
        return SitemapLinks(entries=tuple(found.values()), sitemaps=())
    return SitemapLinks(entries=(), sitemaps=tuple(found))
