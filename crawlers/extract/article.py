"""extract_article: response bytes → ExtractedArticle, each field by the first method that works.

Order per field (fundus, aesthetics.md §1.2): JSON-LD NewsArticle → og:/article: meta → CSS (site
table, then generic rules) → trafilatura (body only). Three fields put what the reader sees first,
because the machine-readable copies are the ones found wrong on real pages: the headline (the
article's <h1>; SEO titles are reworded for search and kept as ``seo_title``), the lead (meta
descriptions are shortened or lose the "(Chinhphu.vn) -" prefix) and the date (reconciled against
the visible byline, see :mod:`crawlers.extract.reconcile`).

``ExtractedArticle.methods`` records how each field was found:
title css|json-ld|meta; body css|density|trafilatura; published_at json-ld|meta|time-tag|
visible-text|url; canonical_url link|meta|json-ld|request; outlet config|json-ld|meta|title|domain;
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
from crawlers.extract.headline import headline
from crawlers.extract.jsonld import article_node, ld_nodes, ld_text, person_names, resolve
from crawlers.extract.meta import first_meta, link_href, meta_values
from crawlers.extract.outlet import outlet_name
from crawlers.extract.profile import DEFAULT_PROFILE, ExtractionProfile
from crawlers.extract.published import published_date
from crawlers.extract.selectors import GENERIC, SiteSelectors, select, site_selectors
from crawlers.extract.sites import parser_selectors
from crawlers.items import ExtractedArticle
from crawlers.urls import canonicalize_url, same_site, site_of


def _page_title(tree: etree._Element) -> str:
    title = tree.find(".//title")
    return node_text(title) if title is not None else ""


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
        if same_site(candidate, url):
            return candidate, method
    return canonicalize_url(url), "request"


def extract_article(
    body: bytes,
    url: str,
    *,
    content_type: str | None = None,
    parser: str = "generic",
    max_bytes: int = 5_000_000,
    now: datetime | None = None,
    profile: ExtractionProfile = DEFAULT_PROFILE,
    outlet: str | None = None,
) -> ExtractedArticle:
    """Extract one article page.

    Args:
        body: the raw response bytes (decoded here, see :mod:`crawlers.encoding`).
        url: the URL the page was fetched from (after redirects).
        content_type: the HTTP ``Content-Type`` header, for its charset.
        parser: ``"generic"`` or a dedicated parser from :data:`crawlers.extract.sites.PARSERS`.
        max_bytes: larger bodies are refused, not truncated (a truncated page would lose its end).
        now: the reference time for rejecting future dates (default: the current time).
        profile: the outlet's known habits (date preference, mislabelled offsets).
        outlet: the outlet's configured name; when None it is read off the page.

    Raises:
        ChallengePage: an anti-bot or JavaScript challenge page.
        DateError: no plausible publication date.
        ExtractionError: too large, undecodable, not an article URL for the parser, no title/body.
        CrawlError: unknown parser name.
    """
    if len(body) > max_bytes:
        size, limit = (f"{n:_}".replace("_", ".") for n in (len(body), max_bytes))  # 5.000.000
        raise ExtractionError(f"trang dài {size} byte, quá giới hạn {limit} byte")
    site = parser_selectors(parser) or site_selectors(url)
    if site.article_url and not re.search(site.article_url, url):
        raise ExtractionError(f"không phải địa chỉ bài viết với bộ đọc {parser!r}: {url!r}")
    text = decode_html(body, content_type, normalize=False)  # fields are NFC'd one by one
    tree = parse_html(text)
    check_challenge(text, tree)

    nodes = ld_nodes(tree)
    ld = article_node(nodes)
    meta = meta_values(tree)
    shown = headline(tree, ld, meta, site)
    article_body = extract_body(tree, text, site)
    if article_body is None:
        raise ExtractionError(f"không tìm thấy thân bài trên {url!r}")
    reference = now or datetime.now(UTC)
    decision = published_date(tree, ld, meta, url, site, reference, profile)
    published = decision.chosen
    lead, lead_method = _lead(tree, ld, meta, site)
    canonical, canonical_method = _canonical(tree, ld, meta, url)
    outlet, outlet_method = (
        (outlet, "config")
        if outlet
        else outlet_name(ld, nodes, meta, _page_title(tree), site_of(urlsplit(url).hostname or ""))
    )
    authors = [clean_text(a) for a in person_names(ld.get("author"), nodes)] if ld else []
    if not authors and article_body.byline:
        authors = [article_body.byline]
    return ExtractedArticle(
        url=url,
        canonical_url=canonical,
        title=shown.title,
        body=article_body.text,
        published_at=published.value,
        date_source=published.source,
        outlet=outlet,
        lead=lead,
        authors=tuple(a for a in authors if a and a != outlet),
        methods={
            "title": shown.method,
            "body": article_body.method,
            "published_at": published.source,
            "canonical_url": canonical_method,
            "outlet": outlet_method,
            "lead": lead_method,
        },
        date_precision=published.precision,
        seo_title=shown.seo_title,
        date_field=published.field,
        date_reason=decision.reason,
        date_disagreements=tuple(str(d) for d in decision.disagreements),
    )
