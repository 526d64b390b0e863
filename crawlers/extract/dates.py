"""Publication dates as Vietnamese outlets write them; pure functions over strings.

Day-first always. ``GMT+7`` means UTC+7: offsets are read by hand, never by dateutil, whose POSIX
reading turns "GMT+7" into UTC-7 (dateutil#1161). Values without an offset are Vietnam time. Every
result is converted to Asia/Ho_Chi_Minh and carries a precision: ``minute`` when the source gave a
time of day, ``day`` otherwise. A candidate also keeps the wall-clock time exactly as written and
whether the text named its zone: outlets that label Vietnam wall-clock time with a wrong offset are
recognised by comparing wall clocks (:mod:`crawlers.extract.reconcile`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
EARLIEST_YEAR = 1995  # the first Vietnamese online papers; anything earlier is a parsing accident
FUTURE_SLACK = timedelta(days=1)
SOURCE_RANK = {"json-ld": 0, "meta": 1, "time-tag": 2, "visible-text": 3, "url": 4}

_ISO_RE = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T\s]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?"
)
_OFFSET_RE = re.compile(
    r"\(?\s*(?:GMT|UTC)\s*(?:(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?)?\s*\)?", re.I
)
# "(giờ Hà Nội)", "giờ Việt Nam": a named zone, as explicit as "GMT+7".
_HANOI_RE = re.compile(r"\(?\s*giờ\s+(?:Hà\s+Nội|Việt\s+Nam|VN)\s*\)?", re.I)
_NUMERIC_DATE_RE = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})(?!\d)"
)
_WORDY_DATE_RE = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,\s*|\s+)(?:năm\s+)?(?P<y>\d{4})(?!\d)",
    re.I,
)
_TIME_RE = re.compile(
    r"(?<![\d:])(?P<H>\d{1,2})\s*(?::|h|giờ)\s*(?P<M>\d{2})(?::(?P<S>\d{2}))?(?![\d:])"
    r"(?:\s*(?P<ap>AM|PM|SA|CH)\b)?",
    re.I,
)
_URL_DATE_RE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-]?(?P<m>\d{2})[/-]?(?P<d>\d{2})/")
# Labels that open a clause of a byline showing two dates: the update's, or the publication's.
_CLAUSE_RE = re.compile(
    r"(?=\b(?:cập\s+nhật|ngày\s+đăng|đăng\s*(?:lúc|ngày|:)|xuất\s+bản)(?!\w))", re.I
)
_UPDATED_RE = re.compile(r"cập\s+nhật", re.I)
_RELATIVE_RE = re.compile(
    r"(?<!\w)(?:(?P<n>\d{1,3})\s*(?P<unit>phút|giờ|tiếng|ngày|tuần)\s+trước|hôm\s+qua)(?!\w)", re.I
)
_UNITS = {
    "phút": timedelta(minutes=1),
    "giờ": timedelta(hours=1),
    "tiếng": timedelta(hours=1),
    "ngày": timedelta(days=1),
    "tuần": timedelta(weeks=1),
}


@dataclass(frozen=True)
class DateCandidate:
    """One reading of the publication date and where it came from.

    ``field`` names the exact place (``datePublished``, ``dateCreated``, ``article:published_time``,
    ``byline``, ...). ``written`` is the wall-clock time as the page wrote it (naive) and
    ``zone_stated`` says whether the page named the zone (an ISO offset, "GMT+7", "giờ Hà Nội"):
    a mislabelled offset shows as the same wall clock under a different offset.
    """

    value: datetime  # aware, Asia/Ho_Chi_Minh
    source: str  # json-ld | meta | time-tag | visible-text | url
    precision: str  # minute | day
    field: str = ""
    written: datetime | None = None
    zone_stated: bool = False

    @property
    def label(self) -> str:
        return f"{self.source}:{self.field}" if self.field else self.source


@dataclass(frozen=True)
class _Reading:
    value: datetime
    precision: str
    written: datetime
    zone_stated: bool


def _build(
    y: str,
    m: str,
    d: str,
    hh: str | None,
    mm: str | None,
    ss: str | None,
    tz: timezone | ZoneInfo,
    zone_stated: bool = False,
) -> _Reading | None:
    try:
        written = datetime(int(y), int(m), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError:
        return None
    value = written.replace(tzinfo=tz).astimezone(VN_TZ)
    return _Reading(value, "minute" if hh is not None else "day", written, zone_stated)


def _offset(text: str) -> timezone:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))


def _read_iso(text: str) -> _Reading | None:
    match = _ISO_RE.search(text)
    if not match:
        return None
    raw_tz = match["tz"]
    tz: timezone | ZoneInfo = (
        VN_TZ if raw_tz is None else (UTC if raw_tz == "Z" else _offset(raw_tz))
    )
    return _build(
        match["y"], match["m"], match["d"], match["H"], match["M"], match["S"], tz, bool(raw_tz)
    )


def _read_vietnamese(text: str) -> _Reading | None:
    """The publication date of a visible text; in a byline that also shows when the article was
    updated ("05/03/2026 07:00 (Cập nhật 11/03/2026 09:00)", "Cập nhật: … - Đăng: …"), the
    clause that is not the update's, whichever comes first."""
    clauses = _CLAUSE_RE.split(text)
    clauses.sort(key=lambda clause: bool(_UPDATED_RE.match(clause)))  # stable: page order kept
    return next(filter(None, map(_read_clause, clauses)), None)


def _read_clause(text: str) -> _Reading | None:
    tz: timezone | ZoneInfo = VN_TZ
    stated = False
    offset = _OFFSET_RE.search(text)
    if offset and offset["sign"]:
        sign = -1 if offset["sign"] == "-" else 1
        tz = timezone(sign * timedelta(hours=int(offset["h"]), minutes=int(offset["m"] or 0)))
        stated = True
    if offset:
        text = text[: offset.start()] + " " + text[offset.end() :]
    named = _HANOI_RE.search(text)
    if named:
        stated = True
        text = text[: named.start()] + " " + text[named.end() :]
    date = _NUMERIC_DATE_RE.search(text) or _WORDY_DATE_RE.search(text)
    if not date:
        return None
    rest = text[: date.start()] + " | " + text[date.end() :]
    time = _TIME_RE.search(rest)
    if time is None:
        return _build(date["y"], date["m"], date["d"], None, None, None, tz, stated)
    hour = int(time["H"])
    marker = (time["ap"] or "").upper()
    if marker in ("PM", "CH") and hour < 12:
        hour += 12
    elif marker in ("AM", "SA") and hour == 12:
        hour = 0
    return _build(date["y"], date["m"], date["d"], str(hour), time["M"], time["S"], tz, stated)


def _read(text: str) -> _Reading | None:
    text = text.strip()
    if not text:
        return None
    return _read_iso(text) if _ISO_RE.match(text) else _read_vietnamese(text)


def _pair(reading: _Reading | None) -> tuple[datetime, str] | None:
    return (reading.value, reading.precision) if reading else None


def parse_date(text: str) -> tuple[datetime, str] | None:
    """ISO first (structured values) and its near misses (a space before the offset, a space for
    ``T``, no offset), then the visible Vietnamese forms ("Thứ bảy, 7/3/2026, 00:05 (GMT+7)",
    "21 tháng 09 năm 2025"); None if neither fits.

    >>> parse_date("2026-03-07T08:52:11.000 +07:00")[0].isoformat()
    '2026-03-07T08:52:11+07:00'
    >>> parse_date("Thứ tư, 28/09/2022 10:15 (GMT+7)")[0].isoformat()
    '2022-09-28T10:15:00+07:00'
    """
    return _pair(_read(text))


def url_date(url: str) -> tuple[datetime, str] | None:
    """A ``/YYYY/MM/DD/`` path date (day precision). Long numeric ids (Tuổi Trẻ, Dân trí) are
    creation timestamps, not publication times, and are deliberately not read."""
    match = _URL_DATE_RE.search(url)
    built = _build(match["y"], match["m"], match["d"], None, None, None, VN_TZ) if match else None
    return _pair(built)


def relative_candidate(text: str, now: datetime, field: str) -> DateCandidate | None:
    """A visible relative time ("2 giờ trước", "3 ngày trước", "hôm qua") read back from `now`,
    the time the page was fetched: minutes and hours to the minute, days and weeks to the day.

    >>> relative_candidate("2 giờ trước", datetime(2026, 3, 9, 3, tzinfo=UTC), "byline").value
    datetime.datetime(2026, 3, 9, 8, 0, tzinfo=zoneinfo.ZoneInfo(key='Asia/Ho_Chi_Minh'))
    """
    match = _RELATIVE_RE.search(text)
    if match is None:
        return None
    unit = (match["unit"] or "ngày").lower()
    value = now.astimezone(VN_TZ) - int(match["n"] or 1) * _UNITS[unit]
    precision = "minute" if unit in ("phút", "giờ", "tiếng") else "day"
    if precision == "day":
        value = value.replace(hour=0, minute=0, second=0, microsecond=0)
    value = value.replace(second=0, microsecond=0)
    return DateCandidate(value, "visible-text", precision, field, value.replace(tzinfo=None))


def candidate(text: str | None, source: str, field: str = "") -> DateCandidate | None:
    """Parse one raw value into a candidate; an exact midnight from structured data counts as a
    date without a time (CMSs fill 00:00:00 when only the day is known)."""
    reading = _read(text) if text else None
    if reading is None:
        return None
    precision = reading.precision
    if (
        source in ("json-ld", "meta", "time-tag")
        and precision == "minute"
        and (reading.written.hour, reading.written.minute, reading.written.second) == (0, 0, 0)
    ):
        precision = "day"
    return DateCandidate(
        reading.value, source, precision, field, reading.written, reading.zone_stated
    )


def plausible(found: DateCandidate, now: datetime) -> bool:
    """Not before 1995 and not more than a day in the future."""
    return found.value.year >= EARLIEST_YEAR and found.value <= now + FUTURE_SLACK
