"""The demo outlets as pressmon Source dicts (validate with pressmon.settings.SourceList)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from demo.outlets import MODULES

LISTING_MAX_PAGES = 5  # every demo listing has 3 pages; the spare pages prove the crawler stops


def demo_sources(base_url: str) -> list[dict[str, Any]]:
    """One Source dict per outlet, every URL absolute under `base_url` (no trailing slash).

    `article_pattern` regexes are searched in a URL's path + query (as crawlers.spiders does) and
    anchored (`^/prefix/...$`). The shared host means ONE robots.txt at `<base_url>/robots.txt`.
    """
    base_url = base_url.rstrip("/")
    host = urlsplit(base_url).hostname or ""
    sources = []
    for module in MODULES:
        outlet = module.OUTLET
        pattern = "^" + module.ARTICLE_PATTERN
        sources.append(
            {
                "id": outlet.id,
                "name": outlet.name,
                "kind": outlet.kind,
                "province": outlet.province,
                "domain": host,
                "feeds": [base_url + module.FEED],
                "sitemaps": [base_url + module.SITEMAP],
                "listings": [
                    {
                        "url": base_url + module.LISTING,
                        "article_pattern": pattern,
                        "next_page": module.NEXT_PAGE,
                        "max_pages": LISTING_MAX_PAGES,
                    }
                ],
                "article_pattern": pattern,
                "parser": "generic",
                "enabled": True,
                "verified": True,
                "notes": outlet.notes
                or f"Demo outlet ({outlet.structure}); served by demo.server.",
            }
        )
    return sources
