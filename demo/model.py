"""Typed values of the demo site: pages, outlets and the ground truth of every article."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# Pages are built once with this origin; the server swaps in its real base URL, so one build
# serves on any port. `.invalid` can never resolve, so a leaked placeholder fails loudly.
PLACEHOLDER_ORIGIN = "http://demo-origin.invalid"

Stance = Literal["asserts", "reports-and-debunks", "neutral"]
Kind = Literal["sector", "national", "provincial", "other"]


@dataclass(frozen=True)
class Page:
    body: bytes
    content_type: str
    status: int = 200


@dataclass(frozen=True)
class Outlet:
    """One demo outlet: where it lives, what kind it is and how its pages are built."""

    id: str
    name: str
    kind: Kind
    province: str | None
    prefix: str  # path prefix, e.g. "/bao-quoc-gia/"
    structure: str  # how the article page states its date and metadata
    press: bool = True  # False for the forum / fake-service site
    notes: str = ""


@dataclass(frozen=True)
class DemoArticle:
    """Ground truth for one article URL the crawler can discover.

    `title`, `lead` and `body` are NFC as written (old tone placement kept where the page uses it),
    i.e. what extraction should return after NFC. `province` is the outlet's province for
    provincial outlets; for other outlets, the one province the article is about ("BHXH tỉnh
    Gia Lai ..." in the title, lead or first paragraph, or twice in the body), else None.
    `category` (C1..C8) is set only for pages that assert a false claim (`expected_flagged`).
    `challenge` pages are anti-bot interstitials: discovered, never stored.
    """

    path: str
    outlet: str
    title: str
    published_at: datetime
    relevant: bool
    topics: tuple[str, ...]
    province: str | None
    expected_flagged: bool
    stance: Stance
    category: str | None
    syndicated_of: str | None
    challenge: bool = False
    lead: str = ""
    body: str = ""
    author: str = ""
    features: tuple[str, ...] = ()  # robustness cases: nfd, old-tone, broken-html, week-edge, ...

    @property
    def words(self) -> int:
        return len(self.lead.split()) + len(self.body.split())


@dataclass(frozen=True)
class DemoSite:
    pages: Mapping[str, Page]  # keyed by path (with query string where the URL has one)
    articles: tuple[DemoArticle, ...]
    outlets: tuple[Outlet, ...]
    forbidden_paths: tuple[str, ...]  # robots.txt-disallowed pages that must never be fetched

    def body_for(self, path: str, base_url: str) -> bytes:
        """The bytes served at `path` when the site runs at `base_url` (no trailing slash)."""
        return with_origin(self.pages[path].body, base_url)

    def outlet(self, outlet_id: str) -> Outlet:
        for outlet in self.outlets:
            if outlet.id == outlet_id:
                return outlet
        raise KeyError(outlet_id)


def with_origin(body: bytes, base_url: str) -> bytes:
    return body.replace(PLACEHOLDER_ORIGIN.encode("ascii"), base_url.rstrip("/").encode("ascii"))
