"""Schema.org JSON-LD: the article node, whatever shape the page gives it.

Handles ``@graph``, top-level lists, ``@type`` given as a list, one invalid block among valid ones
(skipped, not fatal), HTML entities inside strings (escaped once or twice: Báo Chính phủ, Tuổi Trẻ),
and raw control characters inside strings (``strict=False``).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "blogposting",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "webpage",
    }
)
_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")


def _load(raw: str) -> Any:
    raw = raw.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    if not raw:
        return None
    try:
        return json.loads(raw, strict=False)
    except json.JSONDecodeError:
        try:  # the commonest hand-written mistake; anything worse is skipped
            return json.loads(_TRAILING_COMMA_RE.sub(r"\1", raw), strict=False)
        except json.JSONDecodeError:
            return None


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _nodes(data["@graph"])


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type", ())
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return {str(v).lower() for v in values}


def ld_nodes(tree: etree._Element) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, flattened (``@graph`` and lists expanded)."""
    found: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            found.extend(_nodes(_load(script.text or "")))
    return found


def article_node(nodes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The NewsArticle/Article node; a plain WebPage only if no article type is present."""
    best: dict[str, Any] | None = None
    for node in nodes:
        types = _types(node)
        if types & (ARTICLE_TYPES - {"webpage"}):
            return node
        if "webpage" in types and best is None and ("headline" in node or "datePublished" in node):
            best = node
    return best


def ld_text(value: Any) -> str | None:
    """A JSON-LD string value with HTML entities resolved (up to twice-escaped)."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    for _ in range(3):
        unescaped = html.unescape(value)
        if unescaped == value:
            break
        value = unescaped
    return value


def resolve(value: Any, nodes: list[dict[str, Any]]) -> Any:
    """Follow an ``{"@id": ...}`` reference to the node that defines it, if any."""
    if isinstance(value, dict) and set(value) == {"@id"}:
        return next((n for n in nodes if n.get("@id") == value["@id"] and len(n) > 1), value)
    return value


def person_names(value: Any, nodes: list[dict[str, Any]]) -> list[str]:
    """Names of Person authors (organisations are outlets, not authors)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        item = resolve(item, nodes)
        if isinstance(item, dict) and "organization" not in _types(item):
            name = ld_text(item.get("name"))
            if name:
                names.append(name)
        elif isinstance(item, str):
            names.append(item)
    return names
