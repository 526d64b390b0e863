"""Every publication-date candidate on one page (JSON-LD, meta, <time>, byline, URL), reconciled.

Each candidate keeps the field it came from, so that :mod:`crawlers.extract.reconcile` can tell a
creation time (``dateCreated``) from a publication time and the outlet's own date element from a
date-looking element guessed by class name.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from lxml import etree

from crawlers.extract.dates import DateCandidate, candidate, relative_candidate, url_date
from crawlers.extract.document import classes, node_text
from crawlers.extract.profile import DEFAULT_PROFILE, ExtractionProfile
from crawlers.extract.reconcile import DateDecision, reconcile
from crawlers.extract.selectors import SiteSelectors, select

META_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "datecreated",
    "parsely-pub-date",
    "sailthru.date",
    "date",
)
_DATE_CLASS_RE = re.compile(r"date|time|publish|ngay-?dang|thoi-?gian|post-meta")
# Today's-date widgets in headers (Báo Đầu tư), clocks, weather, licence lines in footers.
_NOT_PUBLICATION_RE = re.compile(
    r"time-?now|today|current-?date|clock|weather|copyright|license|licence|giay-?phep|"
    r"(?:^|\s)(?:site-|top-?)?header(?:$|\s)|(?:^|\s)footer|related|relate|comment|"
    r"(?:^|\s)(?:box-)?tin-?moi|most-?read|doc-?nhieu|other-?news"
)
_EXCLUDED_TAGS = frozenset({"header", "footer", "nav", "aside"})
_MAX_VISIBLE_CHARS = 80


def _in_page_furniture(node: etree._Element) -> bool:
    for el in (node, *node.iterancestors()):
        if el.tag in _EXCLUDED_TAGS or _NOT_PUBLICATION_RE.search(classes(el)):
            return True
    return False


def _parse_visible(nodes: list[etree._Element], field: str) -> list[DateCandidate]:
    found: list[DateCandidate] = []
    for node in nodes:
        text = node_text(node)
        if not text or len(text) > _MAX_VISIBLE_CHARS or _in_page_furniture(node):
            continue
        parsed = candidate(text, "visible-text", field)
        if parsed:
            found.append(parsed)
    return found


def _date_elements(tree: etree._Element) -> list[etree._Element]:
    return [
        el
        for el in tree.iter("span", "div", "p", "li", "time", "small", "em", "a")
        if _DATE_CLASS_RE.search(classes(el))
    ]


def _visible(tree: etree._Element, site: SiteSelectors) -> list[DateCandidate]:
    """Dates in the site's date element (the byline), else in any element whose class or id says
    date/time (a guess, weighed less when it contradicts the metadata)."""
    return _parse_visible(select(tree, site.date), "byline") or _parse_visible(
        _date_elements(tree), "date-element"
    )


def _relative(tree: etree._Element, site: SiteSelectors, now: datetime) -> list[DateCandidate]:
    """A byline that shows only "2 giờ trước" (or "hôm qua"), read back from `now`; used only
    when the page has no other date at all, because the outlet rounds it."""
    for node in (*select(tree, site.date), *_date_elements(tree)):
        text = node_text(node)
        if text and len(text) <= _MAX_VISIBLE_CHARS and not _in_page_furniture(node):
            found = relative_candidate(text, now, "relative")
            if found:
                return [found]
    return []


_LOOSE_TAGS = ("span", "div", "p", "li", "small", "em", "i", "b", "strong", "font")
_DATE_SHAPE_RE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|tháng\s+\d", re.I)


def _loose_visible(tree: etree._Element) -> list[DateCandidate]:
    """Last resort for pages whose date sits in an unnamed element ("- 07/03/2026 08:47"):
    the first short text outside the page furniture that holds a date WITH a time of day.
    A bare date is not enough here: header "today" widgets and licence lines have none."""
    for el in tree.iter(*_LOOSE_TAGS):
        own = el.text or ""
        if not own or len(own) > _MAX_VISIBLE_CHARS or not _DATE_SHAPE_RE.search(own):
            continue
        text = node_text(el)
        if len(text) > _MAX_VISIBLE_CHARS or _in_page_furniture(el):
            continue
        found = candidate(text, "visible-text", "loose-text")
        if found and found.precision == "minute":
            return [found]
    return []


def date_candidates(
    tree: etree._Element,
    article: dict[str, Any] | None,
    meta: dict[str, str],
    url: str,
    site: SiteSelectors,
) -> list[DateCandidate]:
    """Every reading of the date on the page, each with its source and field, in page order."""
    found: list[DateCandidate | None] = []
    if article:
        for key in ("datePublished", "dateCreated"):
            value = article.get(key)
            found.append(candidate(value if isinstance(value, str) else None, "json-ld", key))
    found.extend(candidate(meta.get(key), "meta", key) for key in META_KEYS)
    for node in tree.iter("time"):
        if node.get("datetime") and not _in_page_furniture(node):
            found.append(candidate(node.get("datetime"), "time-tag", "datetime"))
            break
    visible = _visible(tree, site)
    if not any(c.precision == "minute" for c in visible):
        visible += _loose_visible(tree)
    found.extend(visible)
    parsed = url_date(url)
    if parsed:
        found.append(DateCandidate(parsed[0], "url", parsed[1], "path"))
    return [c for c in found if c is not None]


def published_date(
    tree: etree._Element,
    article: dict[str, Any] | None,
    meta: dict[str, str],
    url: str,
    site: SiteSelectors,
    now: datetime,
    profile: ExtractionProfile = DEFAULT_PROFILE,
) -> DateDecision:
    """The publication date of the page, chosen by :func:`crawlers.extract.reconcile.reconcile`;
    `now` is when the page was fetched (a relative byline is read back from it).

    Raises:
        DateError: no plausible candidate.
    """
    found = date_candidates(tree, article, meta, url, site) or _relative(tree, site, now)
    return reconcile(found, now, profile)
