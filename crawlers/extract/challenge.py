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

_MARKERS = (
    (
        "cloudflare",
        re.compile(
            r"<title>\s*Just a moment\.\.\.\s*</title>|/cdn-cgi/challenge-platform/|"
            r"cf-browser-verification|cf_chl_opt|Attention Required! \| Cloudflare",
            re.I,
        ),
    ),
    (
        "browser-check",
        re.compile(
            r"Checking your browser before accessing|"
            r"Enable JavaScript and cookies to continue|"
            r"Please enable JavaScript to view the page content",
            re.I,
        ),
    ),
    ("ddos-guard", re.compile(r"DDoS protection by|ddos-guard\.net/|__ddg1", re.I)),
    ("sucuri", re.compile(r"Sucuri WebSite Firewall|sucuri_cloudproxy_js", re.I)),
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
    for name, pattern in _MARKERS:
        if pattern.search(head):
            body = tree.find("body")
            visible = node_text(body) if body is not None else ""
            # Real articles may mention Cloudflare or link to its scripts; a challenge has no text.
            if len(visible) < 2_000:
                raise ChallengePage(f"anti-bot challenge page ({name})")
    if len(text) > _SMALL_PAGE:
        return
    scripts = " ".join(s.text or "" for s in tree.iter("script"))
    if _SETS_COOKIE_RE.search(scripts) and _RELOADS_RE.search(scripts + head):
        body = tree.find("body")
        visible = node_text(body) if body is not None else ""
        if len(visible) < _TINY_TEXT:
            raise ChallengePage("JavaScript cookie challenge (sets a cookie, then reloads)")
