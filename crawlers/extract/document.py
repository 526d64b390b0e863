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


# Elements that start a line of their own in pasted markup; <br> breaks a line inside one.
_PARAGRAPH_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip


def markup_text(markup: str) -> str:
    """The visible text of pasted HTML (a post, an article's source): entities read, scripts,
    styles, comments and the page's <head> dropped, one paragraph per block ("\\n\\n" between
    them, as `Body.text`), <br> as a line break, spaces (NBSP included) collapsed in a line.

    Unlike `node_text`, invisible characters are kept: the flagger reads them as disguise.
    Empty when there is no text; never raises on broken markup.
    """
    try:
        root = parse_html(markup)
    except ExtractionError:
        return ""
    paragraphs: list[list[str]] = [[]]

    def line_break(paragraph: bool) -> None:
        if paragraph:
            paragraphs.append([])
        else:
            paragraphs[-1].append("\n")

    def walk(el: etree._Element) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _SKIP_TEXT_TAGS or tag == "head":
            return
        block = tag in _PARAGRAPH_TAGS
        if block:
            line_break(True)
        if tag == "br":
            line_break(False)
        elif el.text:
            paragraphs[-1].append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                paragraphs[-1].append(child.tail)
        if block:
            line_break(True)

    walk(root)
    texts = []
    for parts in paragraphs:
        lines = (_SPACE_RE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            texts.append(text)
    return "\n\n".join(texts)


def classes(node: etree._Element) -> str:
    """Class and id of a node, lower-cased, for boilerplate and date-element patterns."""
    return f"{node.get('class') or ''} {node.get('id') or ''}".lower()
