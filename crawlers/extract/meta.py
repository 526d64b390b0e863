"""``<meta>`` and ``<link>`` values: og:, article:, itemprop and name keys, first value wins."""

from __future__ import annotations

from lxml import etree

from crawlers.extract.jsonld import ld_text


def meta_values(tree: etree._Element) -> dict[str, str]:
    """Lower-cased key (property, name or itemprop) → the first non-empty content."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            key = meta.get(attr)
            if key:
                values.setdefault(key.strip().lower(), ld_text(content.strip()) or "")
    return values


def first_meta(values: dict[str, str], *keys: str) -> tuple[str, str] | None:
    """The first present key among ``keys`` and its value."""
    for key in keys:
        if values.get(key):
            return key, values[key]
    return None


def link_href(tree: etree._Element, rel: str) -> str | None:
    """The href of the first ``<link rel=...>`` carrying that relation."""
    for link in tree.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        if rel in rels and (link.get("href") or "").strip():
            return link.get("href").strip()
    return None
