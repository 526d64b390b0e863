"""Every query parameter the pages and the API read, declared with its range.

Routes take these as FastAPI dependencies, so each parameter shows in the route's signature (the
robustness test walks them from the router) and a value out of range is refused before any work:
422 for a value of the wrong shape or length, 400 (`BadParameter`) for a date outside
1990–2100. Text is NFC with control characters removed, as stored text is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated

from fastapi import Depends, Path, Query, Request
from pydantic import Field

from pressmon.filters import FilterField, FilterResolver
from pressmon.review.workflow import MAX_NOTE_LENGTH
from pressmon.sanitize import EARLIEST_DATE, LATEST_DATE
from pressmon.web.errors import BadParameter
from pressmon.web.formatting import parse_vn_date

MAX_TEXT = 200  # an outlet id, a province, a status: real values are far shorter
MAX_SEARCH_TEXT = 500  # typed search words
MAX_DATE_TEXT = 32
MAX_NOTE = MAX_NOTE_LENGTH  # a reviewer's note on a decision: one cap for form and API
MAX_URL = 2_000  # a return address (`next`)
MAX_LIST = 50  # repeated values of one parameter (bao=...&bao=...)
# Pages past this would only be reached by editing the URL; the SQL offset stays in range.
MAX_PAGE = 10_000

Text = Annotated[str, Query(max_length=MAX_TEXT)]
SearchText = Annotated[str, Query(max_length=MAX_SEARCH_TEXT)]
DateText = Annotated[str, Query(max_length=MAX_DATE_TEXT)]
TextList = Annotated[list[Annotated[str, Field(max_length=MAX_TEXT)]], Query(max_length=MAX_LIST)]
PageNumber = Annotated[int, Query(ge=1, le=MAX_PAGE)]
# Article ids are 16-64 hex digits; longer can only be a typo or an attack.
DocumentId = Annotated[str, Path(max_length=200)]

API_ROOT = "/api"
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
DATE_LABELS = {"tu": "Từ ngày", "den": "Đến ngày"}


def clean(value: str) -> str:
    """A typed value as stored text is spelled: NFC, no control characters, trimmed."""
    return unicodedata.normalize("NFC", _CONTROLS.sub("", value)).strip()


@dataclass
class FilterNames:
    """Reads the named filters of one request: names as typed ("Nghe An", "Vĩnh Phúc",
    "vnexpress.net") → the values the archive stores, one reading for every page and API route
    (and the command line's). An unknown one raises UnknownFilterValue (400, with the closest
    names), never an empty result. A renamed one (a pre-merger province) keeps its note
    ("Vĩnh Phúc → Phú Thọ (sáp nhập 2025)") in `notes`, which a page shows, as the command line
    prints it. Without a gazetteer (no config/provinces.yaml) values are taken as stored."""

    resolver: FilterResolver | None
    notes: list[str] = field(default_factory=list)

    def names(self, field: FilterField, typed: Iterable[str]) -> frozenset[str]:
        values = [value for value in map(clean, typed) if value]
        if self.resolver is None:
            return frozenset(values)
        found = [self.resolver.resolve(field, value) for value in values]
        self.notes.extend(item.note for item in found if item.note)
        return frozenset(item.value for item in found)

    def name(self, field: FilterField, typed: str) -> str:
        """One filter name as typed → its stored value ("" when nothing was typed)."""
        return next(iter(self.names(field, [typed])), "")


def stored_names(
    resolver: FilterResolver | None, field: FilterField, typed: Iterable[str]
) -> frozenset[str]:
    """`FilterNames.names` where no page shows the notes (the JSON API's counts)."""
    return FilterNames(resolver).names(field, typed)


async def filter_names(request: Request) -> FilterNames:
    reader = FilterNames(request.app.state.ctx.filter_resolver())
    request.state.filter_notes = reader.notes  # read by routes.page for the notice
    return reader


def filter_notice(request: Request) -> str:
    """The page's notice of the renamed filter values it read ("" when none)."""
    notes: list[str] = getattr(request.state, "filter_notes", [])
    return " ".join(f"Lưu ý: {note}." for note in dict.fromkeys(notes))


def is_api_path(path: str) -> bool:
    """The JSON API (its root too): it refuses what a page ignores with a notice."""
    return path == API_ROOT or path.startswith(f"{API_ROOT}/")


def in_range_date(text: str, name: str, *, strict: bool = False) -> date | None:
    """The date typed in parameter `name`; None when empty, or when unreadable and not `strict`
    (the page then says it was ignored); BadParameter when it reads as a date outside 1990–2100,
    or is unreadable and `strict` (the API: a script must not get every date instead)."""
    typed = clean(text)
    value = parse_vn_date(typed)
    if value is None and typed and strict:
        raise BadParameter(
            f"{DATE_LABELS.get(name, name)} «{typed[:40]}» không đọc được thành ngày; "
            "nhập dd/mm/yyyy hoặc yyyy-mm-dd."
        )
    if value is not None and not EARLIEST_DATE <= value <= LATEST_DATE:
        raise BadParameter(
            f"{DATE_LABELS.get(name, name)} {value:%d/%m/%Y} nằm ngoài khoảng cho phép "
            f"({EARLIEST_DATE:%d/%m/%Y}–{LATEST_DATE:%d/%m/%Y})."
        )
    return value


@dataclass(frozen=True)
class DateRange:
    date_from: date | None
    date_to: date | None


# Dependencies that only read the request are `async`: FastAPI runs a plain `def` dependency
# on the thread pool, one hand-over per dependency per request.
async def date_range(request: Request, tu: DateText = "", den: DateText = "") -> DateRange:
    strict = is_api_path(request.url.path)
    dates = DateRange(
        in_range_date(tu, "tu", strict=strict), in_range_date(den, "den", strict=strict)
    )
    # Read by routes.page for the notice and the fields: only a page that reads the dates says
    # it ignored one, and shows it as typed for the slip to be corrected.
    request.state.unread_dates = {
        name: clean(typed)
        for name, typed, value in (("tu", tu, dates.date_from), ("den", den, dates.date_to))
        if clean(typed) and value is None
    }
    return dates


async def page_number(trang: PageNumber = 1) -> int:
    return trang


Dates = Annotated[DateRange, Depends(date_range)]
Page = Annotated[int, Depends(page_number)]
FilterReader = Annotated[FilterNames, Depends(filter_names)]
