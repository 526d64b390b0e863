"""Pure extraction: page bytes → typed fields. No Scrapy here; the spider calls these."""

from crawlers.extract.article import extract_article
from crawlers.extract.dates import DateCandidate, parse_date
from crawlers.extract.links import DEFAULT_ARTICLE_URL, extract_links, next_page
from crawlers.extract.profile import ExtractionProfile
from crawlers.extract.reconcile import DateDecision, choose_published, reconcile
from crawlers.extract.sites import PARSERS

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
