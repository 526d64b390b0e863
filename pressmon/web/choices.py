"""Query parameters that take one of a fixed set of codes (a tier, a status, an order).

The JSON API refuses any other value (400, naming the parameter, the value and the codes), as it
refuses an unknown province; a page ignores it, uses the default and says so above the page, as
it does for an unreadable date. /api/docs lists each parameter's codes (`enum`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from pressmon.web.errors import UnknownChoice
from pressmon.web.params import MAX_TEXT, clean, is_api_path

_SHOWN_CHARS = 40  # of a refused value: enough to recognise it, never a wall of text


@dataclass(frozen=True)
class Choice:
    """One enumerated parameter: its name, its Vietnamese label (page notices), its codes."""

    name: str
    label: str
    codes: Sequence[str]
    default: str = ""

    def query(self, description: str | None = None) -> Any:
        """The FastAPI parameter declaration, with the codes as the schema's `enum`."""
        return Query(
            max_length=MAX_TEXT,
            description=description,
            json_schema_extra={"enum": [*self.codes]},
        )


def shown(value: str) -> str:
    """A typed value as an error repeats it: stored-text spelling, on one line, cut short."""
    text = clean(value)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


@dataclass
class ChoiceReader:
    """Reads the enumerated parameters of one request: `strict` (the API) refuses an unknown
    value; otherwise it is read as the default and kept in `ignored` for the page's notice."""

    strict: bool
    ignored: list[UnknownChoice] = field(default_factory=list)

    def read(self, choice: Choice, typed: str) -> str:
        value = clean(typed)
        if not value:
            return choice.default
        if value in choice.codes:
            return value
        unknown = UnknownChoice(choice.name, choice.label, shown(typed), choice.codes)
        if self.strict:
            raise unknown
        self.ignored.append(unknown)
        return choice.default


async def choice_reader(request: Request) -> ChoiceReader:
    reader = ChoiceReader(strict=is_api_path(request.url.path))
    request.state.ignored_choices = reader.ignored  # read by routes.page for the notice
    return reader


def choice_warning(request: Request) -> str:
    """The page's notice of the values it ignored ("" when none)."""
    ignored: list[UnknownChoice] = getattr(request.state, "ignored_choices", [])
    return " ".join(f"{u.label} «{u.value}» không có trong danh sách, đã bỏ qua." for u in ignored)


Choices = Annotated[ChoiceReader, Depends(choice_reader)]
