"""Bytes → text for pages and feeds, never through a library's silent guess.

Order for HTML: byte-order mark, then the HTTP charset, then ``<meta charset>`` / XML declaration,
then detection. A declared charset that does not decode the bytes strictly is a mislabel and falls
through to detection. A legacy label on non-ASCII bytes that are valid UTF-8 is a mislabel too:
they are read as UTF-8 (a default server config's ISO-8859-1, a windows-1258 header left from
before the move to UTF-8), because text in a legacy code page is practically never valid UTF-8,
while such a label decodes almost any bytes without error. The result is always NFC, because
windows-1258 spells toned vowels with combining marks (vietnamese-pitfalls.md §1, §3).
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, resolve_encoding

from crawlers.errors import ExtractionError
from vntext.normalize import nfc

_BOMS = (  # UTF-32 first: its LE mark starts with the UTF-16 LE mark
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_XML_DECL_RE = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_HEAD_SCAN = 4096


def _bom(body: bytes) -> tuple[str, int] | None:
    for mark, name in _BOMS:
        if body.startswith(mark):
            return name, len(mark)
    return None


def _label(declared: str | None) -> str | None:
    """A codec name from a Content-Type header value or a bare charset label."""
    if not declared:
        return None
    found = http_content_type_encoding(declared) if "=" in declared else resolve_encoding(declared)
    return codecs.lookup(found).name if found else None


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(body: bytes) -> str:
    text = _strict(body, "utf-8")
    if text is not None:
        return text
    best = charset_normalizer.from_bytes(body).best()
    if best is None:
        size = f"{len(body):,}".replace(",", ".")  # written the Vietnamese way: 151.344
        raise ExtractionError(
            f"không giải mã được {size} byte: không bảng mã khai báo nào khớp, dò cũng không thấy"
        )
    return str(best)


def _decode(body: bytes, declared: str | None, in_body: str | None) -> str:
    bom = _bom(body)
    if bom is not None:
        name, size = bom
        text = _strict(body[size:], name)
        if text is None:
            raise ExtractionError(
                f"các byte sau dấu BOM (byte-order mark) {name} không hợp lệ theo {name}"
            )
        return text
    for label in (_label(declared), in_body):
        if label is None:
            continue
        if not label.startswith("utf") and not body.isascii():
            as_utf8 = _strict(body, "utf-8")
            if as_utf8 is not None:
                return as_utf8
        text = _strict(body, label)
        if text is not None:
            return text
    return _detect(body)


def decode_html(body: bytes, declared: str | None = None, *, normalize: bool = True) -> str:
    """Decode an HTML page to NFC text.

    Args:
        body: the raw response bytes.
        declared: the HTTP ``Content-Type`` header value or a bare charset label, if any.
        normalize: NFC the whole page. Extraction passes False and normalises each extracted
            field instead: NFC over a 500 kB page with NFD runs costs ~10 ms, the fields far less.

    Raises:
        ExtractionError: the bytes fit no declared charset and detection fails.
    """
    in_body = html_body_declared_encoding(body[:_HEAD_SCAN])
    text = _decode(body, declared, _label(in_body)).lstrip("\ufeff")
    return nfc(text) if normalize else text


def decode_feed(body: bytes, declared: str | None = None) -> bytes:
    """Normalise a feed or sitemap to UTF-8 bytes an XML parser accepts.

    Strips byte-order marks and leading blank lines (Dân trí, Báo Đầu tư), decodes UTF-16 feeds
    (VietnamBiz), and rewrites the XML declaration to say UTF-8 so the bytes and the declaration
    agree. Returns bytes, not str: lxml refuses str input that carries an encoding declaration.
    """
    bom = _bom(body)
    in_doc: str | None = None
    if bom is None:
        match = _XML_DECL_RE.match(body.lstrip()[:200])
        in_doc = _label(match.group(1).decode("ascii")) if match else None
    text = nfc(_decode(body, declared, in_doc)).lstrip("\ufeff \t\r\n")
    if text.startswith("<?xml"):
        end = text.find("?>")
        if end != -1:
            text = '<?xml version="1.0" encoding="utf-8"?>' + text[end + 2 :]
    return text.encode("utf-8")
