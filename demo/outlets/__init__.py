"""The demo outlets, each with its own markup, feed flavour, sitemap and pagination.

Every module exposes OUTLET, PREFIX, LISTING, FEED, SITEMAP, DISALLOW, ARTICLE_PATTERN,
NEXT_PAGE, PER_PAGE, article_path(spec, seq, when) and pages(views).
"""

from __future__ import annotations

from types import ModuleType

from demo.outlets import forum, national, provincial_a, provincial_b, sector

MODULES: tuple[ModuleType, ...] = (sector, national, provincial_a, provincial_b, forum)
