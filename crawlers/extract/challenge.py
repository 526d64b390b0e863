"""Anti-bot and JavaScript challenge pages: recognised, counted by the caller, never stored.

Markers of the common services (Cloudflare "Just a moment...", "Checking your browser", DDoS-Guard,
Sucuri) plus the generic shape of cookie challenges such as Lao Động's ``D1N``: a tiny page whose
only real content is a script that sets a cookie and reloads or redirects.
"""

from __future__ import annotations

import re

from lxml import etree

from crawlers.errors import ChallengePage
from crawlers.extract.document import node_text

# Lower-case literals, searched in the lower-cased head of the page (substring tests are ~100x
# cheaper than one case-insensitive regex over 20 kB, and this runs on every page).
_MARKERS = (
    (
        "cloudflare",
        (
            "just a moment...",
            # The interstitial's own scripts; not "/cdn-cgi/challenge-platform/scripts/jsd/",
            # which Cloudflare's bot detection injects into every ordinary page it serves.
            "/cdn-cgi/challenge-platform/h/",
            "cf-browser-verification",
            "cf_chl_opt",
            "attention required! | cloudflare",
        ),
    ),
    (
        "browser-check",
        (
            "checking your browser before accessing",
            "enable javascript and cookies to continue",
            "please enable javascript to view the page content",
        ),
    ),
    ("ddos-guard", ("ddos protection by", "ddos-guard.net/", "__ddg1")),
    ("sucuri", ("sucuri website firewall", "sucuri_cloudproxy_js")),
)
_SETS_COOKIE_RE = re.compile(r"document\.cookie\s*=", re.I)
_RELOADS_RE = re.compile(
    r"location\.(reload|replace|href|assign)|window\.location\s*=|"
    r"document\.location\s*=|http-equiv=[\"']?refresh",
    re.I,
)
_TINY_TEXT = 200  # characters of visible text: a challenge shows at most a "please wait" line
_HEAD_SCAN = 20_000
_SMALL_PAGE = 50_000  # characters; cookie challenges are a few kB, real articles far more


def check_challenge(text: str, tree: etree._Element) -> None:
    """Raise :class:`ChallengePage` when the page is a challenge rather than content."""
    head = text[:_HEAD_SCAN]
    lowered = head.lower()
    for name, markers in _MARKERS:
        if any(marker in lowered for marker in markers):
            body = tree.find("body")
            visible = node_text(body) if body is not None else ""
            # Real articles may mention Cloudflare or link to its scripts; a challenge has no text.
            if len(visible) < 2_000:
                raise ChallengePage(f"trang kiểm tra chống bot ({name})")
    if len(text) > _SMALL_PAGE:
        return
    scripts = " ".join(s.text or "" for s in tree.iter("script"))
    if _SETS_COOKIE_RE.search(scripts) and _RELOADS_RE.search(scripts + head):
        body = tree.find("body")
        visible = node_text(body) if body is not None else ""
        if len(visible) < _TINY_TEXT:
            raise ChallengePage("trang kiểm tra bằng JavaScript (đặt cookie rồi tải lại)")
