"""Outside text made safe to store and show, once, where it enters: ingest files and crawled pages.

Pure functions. What they change is returned as notes, never done silently: the ingest summary
names the line, the crawl logs the URL. Caps are documented in README ("Limits on input").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from crawlers.items import ExtractedArticle
from pressmon.errors import PressmonError
from vntext.normalize import nfc
from vntext.scrub import replace_surrogates, scrub

log = logging.getLogger(__name__)

# Longest real titles in the VietNews BHXH set are ~250 characters and bodies ~60,000; the caps
# leave room while keeping one article's page and index entry bounded.
MAX_TITLE_CHARS = 1_000
MAX_BODY_CHARS = 200_000
# Publication dates outside this range are extraction errors (year 1, year 9999), and they break
# date arithmetic downstream; the web app accepts the same range in its date filters.
EARLIEST_DATE = date(1990, 1, 1)
LATEST_DATE = date(2100, 12, 31)


class InputRejected(PressmonError):
    """One record cannot be stored as given (the message says why); other records are kept."""


@dataclass(frozen=True)
class Cleaned:
    text: str  # what is stored and searched
    notes: tuple[str, ...]  # what was changed, e.g. "removed 2 control characters"
    received: str  # `text` with its invisible characters kept: what the flagger reads


def clean_text(text: str, *, limit: int | None = None, field: str = "text") -> Cleaned:
    """`text` as the archive stores it (`vntext.scrub.scrub`: NFC, without escape sequences,
    control characters, lone surrogates or invisible characters), cut to `limit` characters.
    Idempotent.

    Invisible characters go because scam posts hide words with them ("bả\\u200bo hiểm"): the
    stored text and search then read the same words. `received` keeps them, all else cleaned
    alike, because a word hidden that way is the flagger's evidence of disguise. Saved copies
    keep the page.
    """
    scrubbed = scrub(text)
    text, received, notes = scrubbed.text, scrubbed.received, list(scrubbed.notes(field))
    if limit is not None and len(text) > limit:
        notes.append(f"{field}: cắt từ {_vn(len(text))} xuống {_vn(limit)} ký tự")
        text = text[:limit].rstrip()
    if limit is not None:
        received = received[:limit].rstrip()
    return Cleaned(text, tuple(notes), received)


def without_lone_surrogate(value: str | None) -> str | None:
    """`value` unchanged; ValueError when it holds a lone surrogate (JSON "\\ud800"): in an
    address or a name a broken character cannot be guessed at, and left in it ended the command
    in a traceback where the value was encoded (a URL's canonical form, the output's JSON)."""
    if value is not None and replace_surrogates(value)[1]:
        raise ValueError("có ký tự không hợp lệ (nửa cặp UTF-16, như \\ud800 trong JSON)")
    return value


def check_date(value: datetime | date, field: str = "published_at") -> None:
    """InputRejected unless `value` falls within EARLIEST_DATE..LATEST_DATE."""
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise InputRejected(
            f"{field} {day.isoformat()} nằm ngoài {EARLIEST_DATE.year}–{LATEST_DATE.year}"
        )


@dataclass(frozen=True)
class Received:
    """Title and body as they came, invisible characters kept (`Cleaned.received`): what the
    flagger reads, since words hidden with them are evidence of disguise."""

    title: str
    body: str


@dataclass(frozen=True)
class CleanArticle:
    title: str
    body: str
    lead: str
    notes: tuple[str, ...]
    received: Received


def clean_article(
    title: str, body: str, published_at: datetime | date, lead: str = ""
) -> CleanArticle:
    """Title, body and lead cleaned and capped; InputRejected for an absurd date or no text."""
    check_date(published_at)
    parts = (
        clean_text(title, limit=MAX_TITLE_CHARS, field="title"),
        clean_text(body, limit=MAX_BODY_CHARS, field="body"),
        clean_text(lead, limit=MAX_BODY_CHARS, field="lead"),
    )
    if not parts[0].text or not parts[1].text:
        raise InputRejected("tiêu đề hoặc nội dung trống sau khi bỏ ký tự điều khiển")
    return CleanArticle(
        parts[0].text,
        parts[1].text,
        parts[2].text,
        tuple(n for p in parts for n in p.notes),
        Received(parts[0].received, parts[1].received),
    )


@dataclass(frozen=True)
class CleanExtracted:
    """A crawled article cleaned for the archive, and its text as it came for the flagger."""

    article: ExtractedArticle
    received: Received


def clean_extracted(article: ExtractedArticle) -> CleanExtracted:
    """A crawled article cleaned like an ingested one; what changed is logged with its URL.

    Raises:
        InputRejected: an absurd publication date, or no text left.
    """
    clean = clean_article(article.title, article.body, article.published_at, article.lead)
    seo = clean_text(article.seo_title, limit=MAX_TITLE_CHARS, field="seo_title")
    notes = clean.notes + seo.notes
    if not notes:
        return CleanExtracted(article, clean.received)
    log.warning("%s: %s", article.url, "; ".join(notes))
    stored = replace(
        article, title=clean.title, body=clean.body, lead=clean.lead, seo_title=seo.text
    )
    return CleanExtracted(stored, clean.received)


# Pasted text is read as HTML only when it clearly is markup: a closing tag of an HTML element,
# <br>/<p>/<div>... written bare, a tag with attributes (<a href="...">), a doctype. Real SMS
# write "<So TK>", "<noi dung >", "<fr3e.win/x>", "a < b": those stay text.
_ELEMENTS = (
    "a|abbr|address|article|aside|b|blockquote|body|br|button|caption|center|cite|code|dd|del|"
    "div|dl|dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|"
    "input|ins|label|li|link|main|mark|meta|nav|noscript|ol|p|pre|q|s|script|section|small|span|"
    "strike|strong|style|sub|sup|table|tbody|td|template|tfoot|th|thead|title|tr|u|ul"
)
_BARE_ELEMENTS = (  # without attributes, one-letter names (<a>, <b>) are too often plain words
    "article|blockquote|body|br|div|em|h[1-6]|head|hr|html|li|ol|p|script|section|span|strong|"
    "style|table|td|tr|ul"
)
_MARKUP = re.compile(
    rf"</(?:{_ELEMENTS})\s*>"
    rf"|<(?:{_BARE_ELEMENTS})\s*/?>"
    rf"|<(?:{_ELEMENTS})\s+[\w:-]+\s*=[^<>]*>"
    r"|<!doctype\s+html",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """True when `text` clearly is HTML markup (see `_MARKUP`), not text with a "<" in it."""
    return _MARKUP.search(text) is not None


# A page larger than the crawler fetches (extract_article's max_bytes) is cut before parsing:
# its text is cut to MAX_BODY_CHARS anyway.
MAX_MARKUP_CHARS = 5_000_000


@dataclass(frozen=True)
class Pasted:
    """Text a user pasted, as the flagger reads it: HTML turned into its text, NFC, capped."""

    text: str
    html: bool  # read as HTML markup
    length: int | None  # the length as given, when only the first `limit` characters are kept


def pasted_text(text: str, *, limit: int | None = None) -> Pasted:
    """`text` as `classify` scores it. HTML markup (`looks_like_html`) becomes its visible text
    (`crawlers.extract.document.markup_text`: paragraphs as line breaks, no scripts or styles,
    entities read); then NFC, as plain text always was, and the first `limit` characters.
    Plain text within `limit` is exactly `nfc(text)`."""
    given, html = len(text), looks_like_html(text)
    if html:
        from crawlers.extract.document import markup_text  # lxml: only for markup

        text = markup_text(text[:MAX_MARKUP_CHARS])
    text = nfc(text)
    if limit is None or (len(text) <= limit and given <= MAX_MARKUP_CHARS):
        return Pasted(text, html, None)
    return Pasted(text[:limit], html, given)


NOT_UTF8_NOTE = "byte không phải UTF-8 đã thay bằng U+FFFD"  # what a reader says of that line


def decode_line(raw: bytes) -> tuple[str, bool]:
    """One input line as text; invalid UTF-8 becomes U+FFFD (True says some did)."""
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace"), True


def _vn(value: int) -> str:
    """15.000: Vietnamese thousands separator."""
    return f"{value:,}".replace(",", ".")
