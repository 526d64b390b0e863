"""The outlets a crawl reads: where their articles are listed and which parser reads them.

Plain frozen dataclasses; pressmon validates sources.yaml into them (`pressmon.settings`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from crawlers.extract.profile import DEFAULT_PROFILE, ExtractionProfile

# "other": not press (forums, social media, service sites) — monitored for false content, and
# counted apart from press coverage.
OutletKind = Literal["sector", "national", "provincial", "other"]
_SOURCE_ID = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True, kw_only=True)
class Listing:
    url: str
    article_pattern: str | None = None  # regex searched in an article link's path?query
    next_page: str | None = None  # CSS selector of the "next page" link
    max_pages: int = 5

    def __post_init__(self) -> None:
        if self.max_pages < 1:
            raise ValueError("max_pages phải từ 1 trở lên")


@dataclass(frozen=True, kw_only=True)
class SourceExtraction:
    """How this outlet's article pages are read, and whether that is proven.

    `verified` is about extraction (a saved real article page gives the checked headline,
    minute-precise date and first body sentence; tests/crawlers/test_source_pages.py), not about
    the feed being live, which is `Source.verified`. Unproven needs a reason, so that the gap is
    said, not forgotten.
    """

    profile: ExtractionProfile = DEFAULT_PROFILE
    verified: bool = True  # false only with a reason; the test checks a page backs "true"
    reason: str = ""

    def __post_init__(self) -> None:
        if not self.verified and not self.reason.strip():
            raise ValueError("verified: false cần ghi lý do (reason)")


@dataclass(frozen=True, kw_only=True)
class Source:
    id: str
    name: str
    kind: OutletKind
    province: str | None = None
    domain: str
    aliases: tuple[str, ...] = ()  # legacy / pre-merger domains
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()
    article_pattern: str | None = None  # regex searched in every article URL's path?query
    parser: str = "generic"
    enabled: bool = True
    verified: bool = False  # a probe saw a feed return fresh items
    extraction: SourceExtraction = SourceExtraction()
    notes: str = ""

    @property
    def domains(self) -> tuple[str, ...]:
        """The outlet's own hosts: its domain, then its aliases (`crawlers.urls.article_id`)."""
        return (self.domain, *self.aliases)

    def __post_init__(self) -> None:
        if not _SOURCE_ID.match(self.id):
            raise ValueError(f"id {self.id!r} chỉ được gồm chữ thường không dấu, số và '_'")
        if self.kind == "provincial" and not self.province:
            raise ValueError("báo địa phương (kind: provincial) cần ghi province")
