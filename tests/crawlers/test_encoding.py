"""Decoding pages and feeds from bytes: BOMs, labels, mislabels, windows-1258, NFD."""

from __future__ import annotations

import codecs
import unicodedata
from datetime import UTC, datetime

import pytest
from lxml import etree

from benchmarks.saved_pages import SHARED_PAGES
from crawlers.encoding import decode_feed, decode_html
from crawlers.errors import ExtractionError
from crawlers.extract import extract_article

TEXT = "Bảo hiểm xã hội Việt Nam chi trả lương hưu đúng hạn cho người thụ hưởng"
PAGE = f"<html><head><title>{TEXT}</title></head><body><p>{TEXT}</p></body></html>"


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def cp1258(text: str) -> bytes:
    """Encode as windows-1258 writers do: precomposed where the code page has the letter
    (ư, ơ, ă, â, ê, ô, đ), the tone mark as a combining character after it."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = list(unicodedata.normalize("NFD", char))
        # NFD puts the dot below before the circumflex ("ộ" = o + U+0323 + U+0302): fold in
        # whichever mark gives a letter the code page has, keep the rest as combining marks.
        for mark in list(marks):
            merged = unicodedata.normalize("NFC", base + mark)
            try:
                merged.encode("cp1258")
            except UnicodeEncodeError:
                continue
            if len(merged) == 1:
                base = merged
                marks.remove(mark)
        out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


def test_windows_1258_with_meta_charset_decodes_to_nfc() -> None:
    # windows-1258 cannot encode precomposed "ả"/"ộ": encoders must write base + combining mark.
    page = PAGE.replace("<head>", '<head><meta charset="windows-1258">')
    raw = cp1258(page)
    text = decode_html(raw)
    assert TEXT in text and is_nfc(text)


def test_windows_1258_from_http_header() -> None:
    raw = cp1258(PAGE)
    assert TEXT in decode_html(raw, "text/html; charset=windows-1258")


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks_win(codec: str) -> None:
    raw = PAGE.encode(codec)
    if codec == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    # A lying header does not beat the BOM.
    text = decode_html(raw, "text/html; charset=iso-8859-1")
    assert TEXT in text and not text.startswith("\ufeff")


def test_latin1_label_on_utf8_bytes_is_read_as_utf8() -> None:
    assert TEXT in decode_html(PAGE.encode("utf-8"), "text/html; charset=ISO-8859-1")


@pytest.mark.parametrize("label", ["windows-1258", "iso-8859-15", "koi8-r", "shift_jis"])
def test_a_legacy_header_on_utf8_bytes_is_read_as_utf8(label: str) -> None:
    # The header names a code page that decodes these UTF-8 bytes without error (into mojibake);
    # the page's own <meta charset="utf-8"> and the bytes agree with each other.
    page = PAGE.replace("<head>", '<head><meta charset="utf-8">')
    assert TEXT in decode_html(page.encode("utf-8"), f"text/html; charset={label}")


def test_mislabelled_charset_falls_back_to_detection() -> None:
    # Declared UTF-8 but the bytes are windows-1258: strict UTF-8 fails, detection takes over.
    raw = cp1258(PAGE * 5)
    text = decode_html(raw, "text/html; charset=utf-8")
    assert TEXT in text and is_nfc(text)
    assert TEXT in decode_html(raw)  # no label at all: detection alone


def test_meta_http_equiv_and_xml_declaration_are_honoured() -> None:
    page = '<?xml version="1.0" encoding="windows-1258"?>\n' + PAGE
    raw = cp1258(page)
    assert TEXT in decode_html(raw)
    page = PAGE.replace(
        "<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    )
    assert TEXT in decode_html(cp1258(page))


def test_nfd_utf8_page_becomes_nfc() -> None:
    raw = unicodedata.normalize("NFD", PAGE).encode("utf-8")
    text = decode_html(raw)
    assert TEXT in text and is_nfc(text)


def test_bytes_after_a_bom_that_do_not_decode_are_an_error() -> None:
    with pytest.raises(ExtractionError, match="byte-order mark"):
        decode_html(codecs.BOM_UTF8 + b"<p>\xff\xfe\xfa</p>")


FEED = (
    '<?xml version="1.0" encoding="{enc}"?>\n<rss version="2.0"><channel><title>Tin mới</title>'
    f"<item><title>{TEXT}</title><link>https://x.vn/a-12345.html</link></item></channel></rss>"
)


def _title(feed: bytes) -> str:
    return etree.fromstring(feed).findtext("channel/item/title")


@pytest.mark.parametrize(
    ("raw", "declared"),
    [
        (codecs.BOM_UTF8 + FEED.format(enc="utf-8").encode("utf-8"), None),  # Dân trí: BOM
        ("\n\n  \n" + FEED.format(enc="utf-8"), None),  # Báo Đầu tư: blank lines first
        (FEED.format(enc="UTF-16").encode("utf-16"), None),  # VietnamBiz: UTF-16 with BOM
        (FEED.format(enc="windows-1258"), None),
        (FEED.format(enc="utf-8").encode("utf-8"), "application/rss+xml; charset=iso-8859-1"),
    ],
    ids=["utf8-bom", "leading-blank-lines", "utf16-bom", "windows-1258", "latin1-label-utf8-bytes"],
)
def test_decode_feed_gives_parseable_utf8(raw: bytes | str, declared: str | None) -> None:
    if isinstance(raw, str):
        raw = cp1258(raw) if "windows-1258" in raw else raw.encode("utf-8")
    feed = decode_feed(raw, declared)
    assert feed.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    assert _title(feed) == TEXT


NOW = datetime(2026, 3, 8, tzinfo=UTC)
ARTICLE = """<html><head><meta charset="windows-1258"><title>Chi trả lương hưu</title>
<meta property="article:published_time" content="2026-03-05T09:00:00+07:00"></head>
<body><h1>Chi trả lương hưu tháng 3</h1><div class="content">
<p>{p}</p><p>{p}. Người hưởng nhận tiền tại điểm chi trả hoặc qua tài khoản ngân hàng.</p>
"""


def test_broken_windows_1258_page_still_extracts() -> None:
    # Unclosed div/body/html and a truncated last paragraph: lxml recovers, extraction works.
    page = ARTICLE.format(p=TEXT) + "<p>Đoạn cuối bị cắt ngang"
    raw = cp1258(page)
    article = extract_article(raw, "https://x.vn/chi-tra-123456.html", now=NOW)
    assert article.title == "Chi trả lương hưu tháng 3"
    assert TEXT in article.body and is_nfc(article.body)


SAVED_FEED = SHARED_PAGES / "vnexpress.net/vanpho93__rss_tin-moi-nhat_2017-07-26.xml"


@pytest.mark.shared
def test_saved_vnexpress_feed_parses_after_decode_feed() -> None:
    if not SAVED_FEED.exists():
        pytest.skip(f"shared feed not found at {SAVED_FEED}")
    root = etree.fromstring(decode_feed(SAVED_FEED.read_bytes()))
    items = root.findall("channel/item")
    assert len(items) == 25
    assert all(is_nfc(item.findtext("title")) for item in items)
