"""/tim-kiem: full-text search over the archive with filters and pagination."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from classifier.types import TIERS
from index.base import Archive
from index.errors import QueryError
from index.types import Query, SearchPage
from pressmon.filters import FilterField
from pressmon.review.statuses import STATUSES
from pressmon.search_hints import suggestions
from pressmon.web.choices import Choice, Choices
from pressmon.web.deps import Context, CurrentSession, SessionArchive
from pressmon.web.formatting import KIND_LABELS, TOPIC_LABELS, by_name
from pressmon.web.params import Dates, FilterReader, Page, SearchText, Text, clean
from pressmon.web.routes import page

router = APIRouter()
PAGE_SIZE = 20


TIER = Choice("muc", "Mức ưu tiên", TIERS)
STATUS = Choice("trang_thai", "Trạng thái", STATUSES)
FLAGGED = Choice("danh_dau", "Chỉ bài được đánh dấu", ("0", "1"))
ORDER = Choice("xep", "Sắp xếp", ("relevance", "date"))


def search_query(
    dates: Dates,
    page_no: Page,
    choices: Choices,
    filters: FilterReader,
    q: SearchText = "",
    bao: Text = "",
    tinh: Text = "",
    loai_hinh: Text = "",
    chu_de: Text = "",
    muc: Annotated[str, TIER.query()] = "",
    trang_thai: Annotated[str, STATUS.query()] = "",
    danh_dau: Annotated[str, FLAGGED.query("1: only flagged articles")] = "",
    xep: Annotated[str, ORDER.query("default: relevance when q is given, else date")] = "",
) -> Query:
    """The search's query. An unknown tier, status, flag or order is refused on the API (400,
    with the codes); the page ignores it and says so."""

    def one(value: str, allowed=None) -> frozenset[str]:
        value = clean(value)
        return (
            frozenset({value}) if value and (allowed is None or value in allowed) else frozenset()
        )

    def named(value: str, field: FilterField, allowed=None) -> frozenset[str]:
        """A typed name ("Nghe An", "Vĩnh Phúc") → its stored value, as on the command line."""
        if filters.resolver is None:
            return one(value, allowed)
        return filters.names(field, [value])

    tier = choices.read(TIER, muc)
    status = choices.read(STATUS, trang_thai)
    order = choices.read(ORDER, xep)
    flagged_only = choices.read(FLAGGED, danh_dau) == "1"
    text = clean(q)
    return Query(
        text=text,
        outlets=named(bao, "outlet"),
        provinces=named(tinh, "province"),
        kinds=named(loai_hinh, "kind", KIND_LABELS),
        topics=named(chu_de, "topic", TOPIC_LABELS),
        tiers=one(tier),
        review_statuses=one(status),
        flagged_only=flagged_only,
        date_from=dates.date_from,
        date_to=dates.date_to,
        sort="date" if order == "date" or not text else "relevance",
        page=page_no,
        page_size=PAGE_SIZE,
    )


SearchQuery = Annotated[Query, Depends(search_query)]


def search_pages(archive: Archive, query: Query) -> SearchPage:
    """The page asked for, or the last page when it asked past the end.

    Past a capped count ("Hơn 10.000 kết quả") the last page is not known: one count of every
    match (`Archive.count_matches`, reading no hit) finds it, so the page shown is the real last
    one, not the cap's. A backend refuses a relevance page past the matches it ranks before
    counting them; past the last match, that page is the last page too.
    """
    try:
        result = archive.search(query)
    except QueryError:
        if query.page == 1 or query.page <= (last := _last_page(archive, query)):
            raise
        return archive.search(replace(query, page=last))
    if result.hits or query.page == 1:
        return result
    last = _last_page(archive, query, result)
    return archive.search(replace(query, page=last)) if query.page > last else result


def _last_page(archive: Archive, query: Query, result: SearchPage | None = None) -> int:
    """The last page of `query`'s matches, from `result`'s total when it is exact."""
    if result is not None and result.total_exact:
        total = result.total
    else:
        total = archive.count_matches(query)
    return max(1, -(-total // query.page_size))


@router.get("/tim-kiem", response_class=HTMLResponse, include_in_schema=False)
def search_page(
    request: Request,
    ctx: Context,
    archive: SessionArchive,
    session: CurrentSession,
    query: SearchQuery,
) -> Response:
    error = ""
    result = None
    try:
        result = search_pages(archive, query)
    except QueryError as err:
        error = str(err)
    params = {k: v for k, v in request.query_params.items() if k != "trang"}
    no_match = result is not None and not result.total
    tried = suggestions(archive, query, ctx.synonyms) if no_match else ()
    return page(
        request,
        ctx,
        "search.html",
        status=400 if error else 200,
        query=query,
        result=result,
        error=error,
        params=params,
        suggested=[(s, "/tim-kiem?" + urlencode({**params, "q": s.text})) for s in tried],
        by_date="/tim-kiem?" + urlencode({**params, "xep": "date"}),
        q=request.query_params,
        outlets=by_name(ctx.listed_outlets()),
        provinces=ctx.provinces,
        statuses=STATUSES,
        **pager(result),
    )


def pager(result: SearchPage | None) -> dict[str, int | bool | None]:
    """The pager's `pages` (the last page; None past the count limit, where no last page is
    known), `more` (a next page exists, when `pages` is None: this page is full) and
    `out_of_reach` (the matches go past the last page the order serves: the pager stops there,
    never offering a page the archive would refuse, and the page says how to see the rest)."""
    if result is None:
        return {"pages": 1, "more": False, "out_of_reach": False}
    reach = result.last_reachable_page
    if reach is not None and result.reachable is not None and result.exceeds(result.reachable):
        return {"pages": reach, "more": False, "out_of_reach": True}
    if not result.total_exact:
        full = len(result.hits) == result.page_size
        at_reach = reach is not None and result.page >= reach
        return {"pages": None, "more": full and not at_reach, "out_of_reach": full and at_reach}
    pages = max(1, -(-result.total // result.page_size))
    return {"pages": pages, "more": False, "out_of_reach": False}
