"""The outlet's name as the page states it, for pages whose source is not configured.

Why not trust the publisher field as is: real pages put a URL there (Người Lao Động's JSON-LD
publisher is "https://nld.com.vn"). A name that is a URL or a bare host is skipped for the next
statement. Names lose an SEO tagline ("Báo Tuổi Trẻ - Tin tức mới nhất, tin nhanh, ...").
The ``<title>`` suffix ("... - Báo Cần Thơ Online") comes after the meta names; the registrable
domain is the last resort, so the result is never empty.
"""

from __future__ import annotations

import re
from typing import Any

from crawlers.extract.document import clean_text
from crawlers.extract.jsonld import ld_text, resolve

_URLISH_RE = re.compile(r"^(?:https?:)?(?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?$", re.I)
_SEPARATOR_RE = re.compile(r"\s+[-|–—]\s+")
MAX_NAME_CHARS = 60
_ORGANIZATION_TYPES = frozenset({"organization", "newsmediaorganization"})
_NAME_META = ("og:site_name", "application-name", "apple-mobile-web-app-title")


def _name(value: Any) -> str | None:
    text = _SEPARATOR_RE.split(clean_text(ld_text(value) or ""))[0]
    ok = text and not _URLISH_RE.match(text) and len(text) <= MAX_NAME_CHARS
    return text if ok else None


def _title_suffix(title: str) -> str | None:
    parts = _SEPARATOR_RE.split(clean_text(title))
    return _name(parts[-1]) if len(parts) > 1 and len(parts[-1]) < len(parts[0]) else None


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type", ())
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return {str(v).lower() for v in values}


def outlet_name(
    article: dict[str, Any] | None,
    nodes: list[dict[str, Any]],
    meta: dict[str, str],
    page_title: str,
    site: str,
) -> tuple[str, str]:
    """(name, method): JSON-LD publisher or Organization, site-name meta, the <title> suffix,
    then ``site`` (the registrable domain)."""
    publisher = resolve(article.get("publisher"), nodes) if article else None
    if isinstance(publisher, dict) and (name := _name(publisher.get("name"))):
        return name, "json-ld"
    for node in nodes:
        if _types(node) & _ORGANIZATION_TYPES and (name := _name(node.get("name"))):
            return name, "json-ld"
    for key in _NAME_META:
        if name := _name(meta.get(key)):
            return name, "meta"
    if name := _title_suffix(page_title):
        return name, "title"
    return site, "domain"
