"""extract_article: response bytes → ExtractedArticle, each field by the first method that works.

Order per field (fundus, aesthetics.md §1.2): JSON-LD NewsArticle → og:/article: meta → CSS (site
table, then generic rules) → trafilatura (body only). The lead is the exception: the visible sapo
comes first, because meta descriptions are often shortened or lose the "(Chinhphu.vn) -" prefix.

``ExtractedArticle.methods`` records how each field was found:
title json-ld|meta|css; body css|density|trafilatura; published_at json-ld|meta|time-tag|
visible-text|url; canonical_url link|meta|json-ld|request; outlet json-ld|meta|none;
lead css|json-ld|meta|none.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

from crawlers.encoding import decode_html
from crawlers.errors import CrawlError, ExtractionError
from crawlers.extract.body import extract_body
from crawlers.extract.challenge import check_challenge
from crawlers.extract.document import clean_text, node_text, parse_html
from crawlers.extract.jsonld import article_node, ld_nodes, ld_text, person_names, resolve
from crawlers.extract.meta import first_meta, link_href, meta_values
from crawlers.extract.published import published_date
from crawlers.extract.selectors import GENERIC, SiteSelectors, headline_h1, select, site_selectors
from crawlers.extract.sites import parser_selectors
from crawlers.items import ExtractedArticle
from crawlers.urls import canonicalize_url

_TITLE_SUFFIX_RE = re.compile(r"\s+[-|–—:]\s+[^-|–—]{2,40}$")
_SECOND_LEVEL_VN = frozenset({"com", "gov", "org", "edu", "net", "ac", "info", "int", "health"})


def _site_of(host: str) -> str:
    labels = host.lower().split(".")
    keep = 3 if len(labels) >= 3 and labels[-1] == "vn" and labels[-2] in _SECOND_LEVEL_VN else 2
    return ".".join(labels[-keep:])


def _title(
    tree: etree._Element, ld: dict[str, Any] | None, meta: dict[str, str], site: SiteSelectors
) -> tuple[str, str]:
    h1 = None
    for value, method in (
        (ld_text(ld.get("headline")) or ld_text(ld.get("name")) if ld else None, "json-ld"),
        ((first_meta(meta, "og:title", "twitter:title") or ("", ""))[1], "meta"),
    ):
        text = clean_text(value or "")
        if not text:
            continue
        if text.endswith(("...", "…")):  # truncated for a 110-character SEO limit
            h1 = headline_h1(tree)
            if h1 and h1.startswith(text.rstrip(".… ")):
                return h1, "css"
        elif method == "meta" and _TITLE_SUFFIX_RE.search(text):  # "Tiêu đề - Báo X"
            h1 = headline_h1(tree)
            if h1 and text.startswith(h1) and _TITLE_SUFFIX_RE.fullmatch(text[len(h1) :]):
                return h1, "css"
        return text, method
    for node in select(tree, site.title):
        text = node_text(node)
        if text:
            return text, "css"
    h1 = h1 or headline_h1(tree)
    if h1:
        return h1, "css"
    title = tree.find(".//title")
    text = _TITLE_SUFFIX_RE.sub("", node_text(title)) if title is not None else ""
    if text:
        return text, "css"
    raise ExtractionError("no title: no JSON-LD headline, og:title, <h1> or <title>")


def _lead(
    tree: etree._Element, ld: dict[str, Any] | None, meta: dict[str, str], site: SiteSelectors
) -> tuple[str, str]:
    for selector in (site.lead, GENERIC.lead):
        for node in select(tree, selector):
            if node.tag == "meta":
                continue
            text = node_text(node)
            if len(text) >= 20:
                return text, "css"
    text = clean_text(ld_text(ld.get("description")) or "") if ld else ""
    if text:
        return text, "json-ld"
    found = first_meta(meta, "og:description", "description", "twitter:description")
    return (clean_text(found[1]), "meta") if found else ("", "none")


def _canonical(
    tree: etree._Element, ld: dict[str, Any] | None, meta: dict[str, str], url: str
) -> tuple[str, str]:
    entity = resolve(ld.get("mainEntityOfPage"), []) if ld else None
    entity_url = entity.get("@id") if isinstance(entity, dict) else entity
    page_site = _site_of(urlsplit(url).hostname or "")
    for value, method in (
        (link_href(tree, "canonical"), "link"),
        (meta.get("og:url"), "meta"),
        (entity_url if isinstance(entity_url, str) else None, "json-ld"),
    ):
        if not value:
            continue
        try:
            candidate = canonicalize_url(urljoin(url, value.split("#")[0]))
        except CrawlError:
            continue
        # A canonical on another site would fold a syndicated copy into the original's id and
        # lose the placement; only same-site canonicals are trusted.
        if _site_of(urlsplit(candidate).hostname or "") == page_site:
            return candidate, method
    return canonicalize_url(url), "request"


def _outlet(
    ld: dict[str, Any] | None, nodes: list[dict[str, Any]], meta: dict[str, str]
) -> tuple[str | None, str]:
    publisher = resolve(ld.get("publisher"), nodes) if ld else None
    name = ld_text(publisher.get("name")) if isinstance(publisher, dict) else None
    if name:
        return clean_text(name), "json-ld"
    if meta.get("og:site_name"):
        return clean_text(meta["og:site_name"]), "meta"
    return None, "none"


def extract_article(
    body: bytes,
    url: str,
    *,
    content_type: str | None = None,
    parser: str = "generic",
    max_bytes: int = 5_000_000,
    now: datetime | None = None,
) -> ExtractedArticle:
    """Extract one article page.

    Args:
        body: the raw response bytes (decoded here, see :mod:`crawlers.encoding`).
        url: the URL the page was fetched from (after redirects).
        content_type: the HTTP ``Content-Type`` header, for its charset.
        parser: ``"generic"`` or a dedicated parser from :data:`crawlers.extract.sites.PARSERS`.
        max_bytes: larger bodies are refused, not truncated (a truncated page would lose its end).
        now: the reference time for rejecting future dates (default: the current time).

    Raises:
        ChallengePage: an anti-bot or JavaScript challenge page.
        DateError: no plausible publication date.
        ExtractionError: too large, undecodable, not an article URL for the parser, no title/body.
        CrawlError: unknown parser name.
    """
    if len(body) > max_bytes:
        raise ExtractionError(f"page is {len(body):,} bytes, over the {max_bytes:,}-byte limit")
    site = parser_selectors(parser) or site_selectors(url)
    if site.article_url and not re.search(site.article_url, url):
        raise ExtractionError(f"not an article URL for parser {parser!r}: {url!r}")
    text = decode_html(body, content_type, normalize=False)  # fields are NFC'd one by one
    tree = parse_html(text)
    check_challenge(text, tree)

    nodes = ld_nodes(tree)
    ld = article_node(nodes)
    meta = meta_values(tree)
    title, title_method = _title(tree, ld, meta, site)
    article_body = extract_body(tree, text, site)
    if article_body is None:
        raise ExtractionError(f"no article body found on {url!r}")
    reference = now or datetime.now(UTC)
    published = published_date(tree, ld, meta, url, site, reference)
    lead, lead_method = _lead(tree, ld, meta, site)
    canonical, canonical_method = _canonical(tree, ld, meta, url)
    outlet, outlet_method = _outlet(ld, nodes, meta)
    authors = [clean_text(a) for a in person_names(ld.get("author"), nodes)] if ld else []
    if not authors and article_body.byline:
        authors = [article_body.byline]
    return ExtractedArticle(
        url=url,
        canonical_url=canonical,
        title=title,
        body=article_body.text,
        published_at=published.value,
        date_source=published.source,
        outlet=outlet,
        lead=lead,
        authors=tuple(a for a in authors if a and a != outlet),
        methods={
            "title": title_method,
            "body": article_body.method,
            "published_at": published.source,
            "canonical_url": canonical_method,
            "outlet": outlet_method,
            "lead": lead_method,
        },
        date_precision=published.precision,
    )
