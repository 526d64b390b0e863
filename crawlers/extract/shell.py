"""Pages that stand in for an article for a while: pure, one decision for the crawler.

An article URL can answer 200 with a page that is not the article: an anti-bot page the
challenge markers (crawlers.extract.challenge) do not know, a "Vui lòng chờ…" meta refresh, a
login wall, a maintenance notice, a soft 404. Such a shell is worth fetching again later
(crawlers.retry); a real page that is no article (a video, a photo gallery, a section page, with
menus and teasers) is not. Only a URL that still looks like an article's is ever a shell: like a
redirect to a section page, a page at an address outside the source's article pattern is final.
"""

from __future__ import annotations

import re

from lxml import etree

from crawlers.encoding import decode_html
from crawlers.errors import ExtractionError
from crawlers.extract.document import node_text, parse_html

# Visible characters: a shell says one or two lines; any real page, even a video page, has menus,
# a footer and teasers well beyond this.
SHORT_TEXT = 300
_SCAN = 20_000  # characters of the page searched for a meta refresh
_MAX_BYTES = 500_000  # a shell is a few kB; a page this large is no shell, and is not parsed again
_REFRESH_RE = re.compile(r"<meta[^>]+http-equiv\s*=\s*[\"']?refresh", re.I)
# Lower-case, searched in the lower-cased visible text and title.
_HINTS = (
    ("wait", ("vui lòng chờ", "vui lòng đợi", "đang chuyển hướng", "please wait")),
    (
        "maintenance",
        ("bảo trì", "đang nâng cấp", "maintenance", "tạm thời gián đoạn", "service unavailable"),
    ),
    ("login", ("đăng nhập để", "vui lòng đăng nhập", "please log in", "sign in to continue")),
    (
        "not_found",
        (
            "không tìm thấy trang",
            "trang không tồn tại",
            "bài viết không tồn tại",
            "không tìm thấy bài viết",
            "page not found",
            "404",
        ),
    ),
    ("challenge", ("captcha", "xác minh bạn không phải", "javascript")),
)


def _visible(tree: etree._Element) -> str:
    body = tree.find("body")
    return node_text(body) if body is not None else ""


def shell_reason(body: bytes, content_type: str | None, *, article_url: bool) -> str | None:
    """Why a page that yielded no article may be one later (``refresh``, ``wait``,
    ``maintenance``, ``login``, ``not_found``, ``challenge``, ``short``), or None when it is a
    real page that is no article, or its address is not an article's (`article_url` False)."""
    if not article_url or len(body) > _MAX_BYTES:
        return None
    try:
        text = decode_html(body, content_type, normalize=False)
        tree = parse_html(text)
    except ExtractionError:
        return "short"  # empty or unreadable: nothing was said yet
    visible = _visible(tree)
    if len(visible) >= SHORT_TEXT:
        return None
    if _REFRESH_RE.search(text[:_SCAN]):
        return "refresh"
    title = tree.findtext(".//title") or ""
    said = f"{title} {visible}".lower()
    for reason, hints in _HINTS:
        if any(hint in said for hint in hints):
            return reason
    return "short"
