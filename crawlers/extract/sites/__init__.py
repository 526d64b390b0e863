"""Dedicated parsers, by name: the ``parser`` field of a source in config/sources.yaml."""

from __future__ import annotations

from crawlers.errors import CrawlError
from crawlers.extract.selectors import SiteSelectors
from crawlers.extract.sites.baohiemxahoi import BAOHIEMXAHOI

PARSERS: dict[str, SiteSelectors | None] = {
    "generic": None,  # structured data, the per-host table in selectors.SITES, generic rules
    "baohiemxahoi": BAOHIEMXAHOI,
}


def parser_selectors(name: str) -> SiteSelectors | None:
    """The selectors of a dedicated parser; None for the generic one.

    Raises:
        CrawlError: the name is not a known parser (a configuration mistake, not a page problem).
    """
    if name not in PARSERS:
        raise CrawlError(
            f"không có bộ đọc (parser) {name!r}; chọn một trong: {', '.join(sorted(PARSERS))}"
        )
    return PARSERS[name]
