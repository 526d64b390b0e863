"""The headline as the page shows it, and the SEO title beside it.

Why the visible headline first: outlets reword ``og:title``/JSON-LD ``headline``/``<title>`` for
search and social cards ("Tiêu đề - Báo X", shortened to 110 characters, or a different phrasing
altogether), and a monitoring report must quote what readers saw. The SEO title is kept as a
second field. An <h1> is only taken as the headline when it looks like one: not a breadcrumb,
logo or section label (:func:`selectors.headline_h1`), not the site's name, and sharing words with
the SEO title when there is one (a promotional or widget <h1> shares none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from crawlers.errors import ExtractionError
from crawlers.extract.document import clean_text, node_text
from crawlers.extract.jsonld import ld_text
from crawlers.extract.meta import first_meta
from crawlers.extract.selectors import SiteSelectors, headline_h1, select
from vntext.normalize import fold

_TITLE_SUFFIX_RE = re.compile(r"\s+[-|–—:]\s+[^-|–—]{2,40}$")
_WORD_RE = re.compile(r"\w+")
MIN_SHARED_WORDS = 0.2  # share of the <h1>'s words also in the SEO title


@dataclass(frozen=True)
class Headline:
    title: str  # as shown
    method: str  # css | json-ld | meta
    seo_title: str  # JSON-LD headline, og:title or <title>; "" when the page has none


def _words(text: str) -> set[str]:
    return set(_WORD_RE.findall(fold(text).lower()))


def _seo(tree: etree._Element, ld: dict[str, Any] | None, meta: dict[str, str]) -> tuple[str, str]:
    for value, method in (
        (ld_text(ld.get("headline")) or ld_text(ld.get("name")) if ld else None, "json-ld"),
        ((first_meta(meta, "og:title", "twitter:title") or ("", ""))[1], "meta"),
    ):
        text = clean_text(value or "")
        if text:
            return text, method
    title = tree.find(".//title")
    text = _TITLE_SUFFIX_RE.sub("", node_text(title)) if title is not None else ""
    return text, "css"


def _from_site_table(tree: etree._Element, site: SiteSelectors) -> str | None:
    for node in select(tree, site.title):
        text = node_text(node)
        if text:
            return text
    return None


def _plausible(shown: str, seo: str, seo_method: str, site_name: str) -> bool:
    """A generic <h1> that is the site's name, or shares no words with an article-specific SEO
    title (a <title> may be generic: SharePoint writes "Tin tức - ..."), is not the headline."""
    if fold(shown).lower() == fold(site_name).lower():
        return False
    if not seo or seo_method == "css":
        return True
    words = _words(shown)
    return bool(words) and len(words & _words(seo)) >= MIN_SHARED_WORDS * len(words)


def headline(
    tree: etree._Element, ld: dict[str, Any] | None, meta: dict[str, str], site: SiteSelectors
) -> Headline:
    """The headline as shown, else the SEO title (without a " - Báo X" suffix when the page's
    <h1> confirms the rest).

    Raises:
        ExtractionError: no headline anywhere (no <h1>, JSON-LD headline, og:title or <title>).
    """
    seo, seo_method = _seo(tree, ld, meta)
    own = _from_site_table(tree, site)
    if own:
        return Headline(own, "css", seo)
    shown = headline_h1(tree)
    if shown and _plausible(shown, seo, seo_method, meta.get("og:site_name", "")):
        return Headline(shown, "css", seo)
    if seo:
        return Headline(seo, seo_method, seo)
    raise ExtractionError(
        "không có tiêu đề: không thấy <h1>, headline JSON-LD, og:title hay <title>"
    )
