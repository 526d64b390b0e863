"""Parse a page once and read clean text off its nodes; every field extractor shares this tree."""

from __future__ import annotations

import re

from lxml import etree, html

from crawlers.errors import ExtractionError
from vntext.normalize import nfc, without_invisible

_PARSER = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
_SKIP_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe"})
_SPACE_RE = re.compile(r"\s+")


def parse_html(text: str) -> html.HtmlElement:
    """One lxml tree for a decoded page.

    Parsed from UTF-8 bytes, not from str: lxml rejects str input that carries an XML encoding
    declaration, and recovery from unclosed or truncated markup is the same either way.

    Raises:
        ExtractionError: the document has no element at all.
    """
    data = text.encode("utf-8", "surrogatepass")
    if not data.strip():
        raise ExtractionError("tài liệu trống")
    try:
        root = html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError) as err:
        raise ExtractionError(f"không đọc được HTML ({err})") from err
    if root is None:
        raise ExtractionError("không đọc được HTML: không có phần tử gốc")
    return root


def clean_text(text: str) -> str:
    """NFC, invisible characters removed, whitespace (NBSP included) collapsed, ends trimmed."""
    return _SPACE_RE.sub(" ", without_invisible(nfc(text))).strip()


def node_text(node: etree._Element, skip: frozenset[str] = _SKIP_TEXT_TAGS) -> str:
    """Visible text of a node: <br> becomes a space, scripts and styles are skipped."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in skip:
            return
        if tag == "br":
            parts.append(" ")
        elif el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(node)
    return clean_text("".join(parts))


def classes(node: etree._Element) -> str:
    """Class and id of a node, lower-cased, for boilerplate and date-element patterns."""
    return f"{node.get('class') or ''} {node.get('id') or ''}".lower()
