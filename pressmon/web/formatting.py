"""Pure helpers that turn archive values into safe, Vietnamese display text for the templates."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from markupsafe import Markup, escape

from index.snippets import joined_marks

# Text for tier, status, topic, kind and category codes comes from the one label table,
# `pressmon.review.labels`; re-exported here for the templates and routes.
from pressmon.review.labels import (  # noqa: F401
    CATEGORY_LABELS,
    KIND_LABELS,
    STANCE_LABELS,
    TOPIC_LABELS,
)
from vntext.collation import vietnamese_sort_key

TIER_CLASSES = {"urgent": "tier-urgent", "review": "tier-review", "low": "tier-low"}
REASON_LABELS = {
    "sentence": "Câu đáng chú ý",
    "term": "Từ ngữ",
    "known-claim": "Trùng thông tin sai đã biết",
    "fact-check": "Đối chiếu số liệu chính thức",
    "scam-cue": "Dấu hiệu lừa đảo",
    "stance": "Lập trường",
    "note": "Ghi chú",
}
STATUS_CLASSES = {
    "unstarted": "st-new",
    "in_progress": "st-progress",
    "false": "st-false",
    "no_violation": "st-ok",
    "insufficient": "st-unsure",
    "out_of_scope": "st-out",
}


def vn_datetime(value: datetime | None, tz: tzinfo) -> str:
    """dd/mm/yyyy HH:MM in the archive's timezone ("" for None)."""
    return value.astimezone(tz).strftime("%d/%m/%Y %H:%M") if value else ""


def vn_datetime_seconds(value: datetime | None, tz: tzinfo) -> str:
    """dd/mm/yyyy HH:MM:SS in the archive's timezone: the audit log's precision."""
    return value.astimezone(tz).strftime("%d/%m/%Y %H:%M:%S") if value else ""


def vn_date(value: date | datetime | None, tz: tzinfo | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime) and tz is not None:
        value = value.astimezone(tz)
    return value.strftime("%d/%m/%Y")


def correction_date(value: object) -> str:
    """A known claim's correction date as config/known_claims.yaml writes it (YYYY-MM-DD, or
    YYYY-MM when only the month is known), the Vietnamese way; anything else as given."""
    text = str(value)
    for pattern, shown in (("%Y-%m-%d", "%d/%m/%Y"), ("%Y-%m", "tháng %m/%Y")):
        try:
            return datetime.strptime(text, pattern).strftime(shown)
        except ValueError:
            continue
    return text


# The shapes parse_vn_date reads, as the date fields' HTML `pattern`: the browser says at once when
# a typed date has another one (31/02 still reaches the server, which says it was ignored).
VN_DATE_PATTERN = r"\s*(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2})\s*"


def parse_vn_date(text: str | None) -> date | None:
    """Accept dd/mm/yyyy (how staff type dates) and yyyy-mm-dd (what <input type=date> sends)."""
    text = (text or "").strip()
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def by_name(names: Mapping[str, str]) -> list[tuple[str, str]]:
    """`names` (id -> name) as (id, name) pairs in Vietnamese alphabetical order of the names,
    as a drop-down lists them: Python's own order put "Báo Huế" before "Báo Hà Tĩnh"."""
    return sorted(names.items(), key=lambda item: (vietnamese_sort_key(item[1]), item[0]))


def number(value: int | float) -> str:
    """Vietnamese thousands separator: 15.000."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{int(value):,}".replace(",", ".")


def upper_first(text: str) -> str:
    """`text` with its first letter capitalised, the rest as written: a badge or an option
    reads "Cần xem ngay" beside "Chưa xử lý" (str.capitalize would lower "BHXH")."""
    return text[:1].upper() + text[1:]


def percent(value: float) -> str:
    """A percentage, one decimal always, so a column's figures read alike: 17,0%, 18,8%,
    1.234,5%."""
    return f"{value:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".") + "%"


def at_least(total: int, exact: bool) -> str:
    """A search total: "hơn 10.000" when the count stopped at the archive's count limit.

    >>> at_least(10_000, False), at_least(42, True)
    ('hơn 10.000', '42')
    """
    return number(total) if exact else f"hơn {number(total)}"


def decimal(value: float | None, places: int = 2) -> str:
    """0,93: Vietnamese decimal comma."""
    return "" if value is None else f"{value:.{places}f}".replace(".", ",")


def _spans(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    lowered = text.lower()
    fold = len(lowered) == len(text)  # lower() kept offsets, so case-insensitive search is safe
    haystack = lowered if fold else text
    found: list[tuple[int, int]] = []
    for needle in needles:
        needle = unicodedata.normalize("NFC", needle).strip()
        if len(needle) < 2:
            continue
        target = needle.lower() if fold else needle
        start = haystack.find(target)
        while start >= 0:
            end = start + len(target)
            # whole words only: "mua" must not light up inside "muaX"
            if not (start > 0 and text[start - 1].isalnum() and target[0].isalnum()) and not (
                end < len(text) and text[end].isalnum() and target[-1].isalnum()
            ):
                found.append((start, end))
            start = haystack.find(target, start + 1)
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, needles: Iterable[str]) -> Markup:
    """Escape `text`, then wrap each occurrence of a needle in <mark>. Matching runs on the raw
    text and every piece is escaped separately, so a needle can never split an HTML entity.
    Marks apart only by spaces are one, as in search results (`joined_marks`): the text's own
    "</mark>" is escaped by then, so only ours join."""
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    last = 0
    for start, end in _spans(text, needles):
        out.append(str(escape(text[last:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(str(escape(text[last:])))
    return Markup(joined_marks("".join(out)))


def paragraphs(body: str, needles: Iterable[str]) -> list[Markup]:
    needles = list(needles)
    return [highlight(p.strip(), needles) for p in re.split(r"\n\s*\n|\n", body) if p.strip()]


_MARK = re.compile(r"(</?mark>)")


def safe_snippet(snippet: str) -> Markup:
    """Keep only <mark>/</mark> from a backend snippet; everything else is (re-)escaped.
    Unescape-then-escape makes this idempotent on already-escaped text."""
    pieces = _MARK.split(snippet)
    out = [
        piece if piece in ("<mark>", "</mark>") else str(escape(html.unescape(piece)))
        for piece in pieces
    ]
    opened = out.count("<mark>") - out.count("</mark>")
    return Markup("".join(out) + "</mark>" * max(opened, 0))


def safe_url(url: object) -> str:
    """Only http(s) links leave our pages; anything else (javascript:, data:) becomes '#'."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else "#"


def csv_safe(value: object) -> str:
    """Text a spreadsheet will not run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# One item page shows at most this much article text: a real article is far shorter, and a
# crawled page of megabytes would otherwise make a page of megabytes (and highlight all of it).
PAGE_BODY_CHARS = 50_000
PAGE_TITLE_CHARS = 500


@dataclass(frozen=True)
class BodyPart:
    text: str
    part: int  # 1-based, clamped to the parts that exist
    parts: int
    total_chars: int


def body_part(body: str, part: int, size: int = PAGE_BODY_CHARS) -> BodyPart:
    """Part `part` of `body` in pieces of about `size` characters, cut at a line break when
    one is near the end of the piece (so paragraphs are rarely split)."""
    starts = [0]
    while len(body) - starts[-1] > size:
        end = starts[-1] + size
        cut = body.rfind("\n", end - size // 5, end)
        starts.append(cut + 1 if cut > starts[-1] else end)
    part = min(max(part, 1), len(starts))
    end = starts[part] if part < len(starts) else len(body)
    return BodyPart(body[starts[part - 1] : end], part, len(starts), len(body))


def short_title(title: str, limit: int = PAGE_TITLE_CHARS) -> str:
    return title if len(title) <= limit else title[:limit].rstrip() + "…"
