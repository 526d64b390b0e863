"""Pure extraction: page bytes → typed fields. No Scrapy here; the spider calls these."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crawlers.extract.article import extract_article
    from crawlers.extract.dates import DateCandidate, parse_date
    from crawlers.extract.links import DEFAULT_ARTICLE_URL, extract_links, next_page
    from crawlers.extract.profile import ExtractionProfile
    from crawlers.extract.reconcile import DateDecision, choose_published, reconcile
    from crawlers.extract.sites import PARSERS

# Loaded on first use (PEP 562): crawlers.sources needs only crawlers.extract.profile, and
# importing it must not pull in lxml and trafilatura for every `pressmon` command
# (tests/test_cli_start.py).
_HOMES = {
    "extract_article": "article",
    "DateCandidate": "dates",
    "parse_date": "dates",
    "DEFAULT_ARTICLE_URL": "links",
    "extract_links": "links",
    "next_page": "links",
    "ExtractionProfile": "profile",
    "DateDecision": "reconcile",
    "choose_published": "reconcile",
    "reconcile": "reconcile",
    "PARSERS": "sites",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'crawlers.extract' has no attribute {name!r}")
    return getattr(import_module(f"crawlers.extract.{_HOMES[name]}"), name)


__all__ = [
    "DEFAULT_ARTICLE_URL",
    "PARSERS",
    "DateCandidate",
    "DateDecision",
    "ExtractionProfile",
    "choose_published",
    "extract_article",
    "extract_links",
    "next_page",
    "parse_date",
    "reconcile",
]
