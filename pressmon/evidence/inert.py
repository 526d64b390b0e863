"""A saved copy made inert for showing: no script, no frame, no load from anywhere.

Pure. The page is served with a Content-Security-Policy that forbids all of it anyway
(pressmon.web.routes.saved_copy); this is the second wall: scripts, frames, embeds, forms and
<base>/<link>/<meta refresh> are removed, and so are event handlers and every attribute that
would fetch or navigate, except images inlined as data: URLs.
"""

from __future__ import annotations

import re
from html import escape

import lxml.html
from lxml import etree

from crawlers.encoding import decode_html
from crawlers.errors import ExtractionError
from pressmon.evidence.warc import Payload

_REMOVED_ELEMENTS = (
    "script",
    "noscript",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "link",
    "meta",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "video",
    "audio",
    "source",
    "track",
    "portal",
    "svg",
    "math",
    "template",
)
_URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "srcset",
        "action",
        "formaction",
        "poster",
        "data",
        "background",
        "cite",
        "longdesc",
        "manifest",
        "ping",
        "xlink:href",
        "codebase",
        "archive",
        "lowsrc",
        "dynsrc",
    }
)
_CSS_FETCH = re.compile(r"url\s*\(|@import|expression\s*\(|image-set\s*\(", re.IGNORECASE)
# The same constructs with their argument, replaced whole in <style> so no address is left.
_CSS_FETCH_WHOLE = re.compile(
    r"(url|expression|image-set)\s*\([^)]*\)?|@import[^;]*;?", re.IGNORECASE
)
_INLINE_IMAGE = re.compile(r"^\s*data:image/(png|gif|jpeg|webp);", re.IGNORECASE)
# CSS escapes (`\75rl(` is `url(`, `@\69mport` is `@import`): fetches are looked for in the text
# they stand for, not only as written.
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\r\n\f]?|\\(.)", re.DOTALL)


def inert_html(payload: Payload) -> str:
    """The saved copy as an HTML document that runs and fetches nothing; text is shown in <pre>."""
    if payload.record_type == "resource" or "html" not in payload.content_type.lower():
        return _as_text(payload.data.decode("utf-8", errors="replace"))
    try:
        page = decode_html(payload.data, payload.content_type, normalize=False)
    except ExtractionError:  # no charset fits: the bytes are still shown, as text
        return _as_text(payload.data.decode("utf-8", errors="replace"))
    document = lxml.html.document_fromstring(page)
    etree.strip_elements(document, *_REMOVED_ELEMENTS, with_tail=False)
    etree.strip_tags(document, etree.Comment, etree.ProcessingInstruction)
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in list(element.attrib.items()):
            if _forbidden(name.lower(), value):
                del element.attrib[name]
        if element.tag == "style" and element.text and _fetches(element.text):
            element.text = _CSS_FETCH_WHOLE.sub("none", element.text)
            if _fetches(element.text):  # spelled with escapes: nothing of the sheet is kept
                element.text = ""
    return "<!DOCTYPE html>" + lxml.html.tostring(document, encoding="unicode")


def _forbidden(name: str, value: str) -> bool:
    if name.startswith("on") or name in ("http-equiv", "target", "formtarget"):
        return True
    if name == "style":
        return _fetches(value)
    if name in _URL_ATTRIBUTES:
        return not (name == "src" and _INLINE_IMAGE.match(value))
    return False


def _fetches(css: str) -> bool:
    """Whether `css` would fetch something, with its escapes read as the browser reads them."""
    return _CSS_FETCH.search(_CSS_ESCAPE.sub(_unescaped, css)) is not None


def _unescaped(escape: re.Match[str]) -> str:
    if escape[1] is None:
        return escape[2]
    code = int(escape[1], 16)
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


# A text copy keeps its line breaks but not <pre>'s monospace face: the common monospace fonts
# (DejaVu Sans Mono here) set Vietnamese stacked marks apart from their letters ("hỗ~trợ").
_TEXT_STYLE = "white-space: pre-wrap; font-family: sans-serif; line-height: 1.5"


def _as_text(text: str) -> str:
    return (
        f'<!DOCTYPE html><html><body><pre style="{_TEXT_STYLE}">{escape(text)}</pre></body></html>'
    )
