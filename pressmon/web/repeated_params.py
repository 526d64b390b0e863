"""A single-valued query parameter sent more than once (`tinh=A&tinh=B`).

FastAPI reads the last value and drops the others without a word: the API then filtered by B
alone. The JSON API refuses such a request (400, naming the parameter), as it refuses an unknown
value; a page uses the last value, as its links and form do, and says so above the page.
Which parameters take one value is read from the route (its dependencies' included), so a new
route or parameter is covered without a list to keep.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, get_args, get_origin

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from pressmon.web.choices import shown
from pressmon.web.errors import BadParameter


class RepeatedParameter(BadParameter):
    """A query parameter that takes one value was sent with several (the API answers 400)."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        super().__init__(
            f"Tham số chỉ nhận một giá trị nhưng được gửi nhiều lần: {', '.join(names)}",
            hint="gửi mỗi tham số này một lần",
        )


def query_fields(dependant: Dependant) -> Iterator:
    """The query parameters a route reads, its dependencies' included."""
    yield from dependant.query_params
    for sub in dependant.dependencies:
        yield from query_fields(sub)


def repeated_single_values(request: Request) -> list[str]:
    """The names of the route's single-valued query parameters sent more than once."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return []
    single = {
        field.alias
        for field in query_fields(route.dependant)
        if not _takes_many(field.field_info.annotation)
    }
    params = request.query_params
    return [n for n in dict.fromkeys(params) if n in single and len(params.getlist(n)) > 1]


def _takes_many(annotation: Any) -> bool:
    """A list parameter (`bao=...&bao=...`), optional or not."""
    return any(
        get_origin(a) in (list, set, frozenset, tuple) for a in (annotation, *get_args(annotation))
    )


async def single_values_once(request: Request) -> None:
    """API dependency: RepeatedParameter (400) when a single-valued parameter is repeated."""
    if repeated := repeated_single_values(request):
        raise RepeatedParameter([shown(name) for name in repeated])


def repeat_warning(request: Request) -> str:
    """The page's notice of the parameters it read only the last value of ("" when none)."""
    params = request.query_params
    return " ".join(
        f"Tham số «{shown(name)}» được gửi {len(params.getlist(name))} lần; "
        f"chỉ dùng giá trị sau cùng «{shown(params[name])}»."
        for name in repeated_single_values(request)
    )
