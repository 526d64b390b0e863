"""/tim-kiem: full-text search over the archive with filters and pagination."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from classifier.types import TIERS
from index.errors import QueryError
from index.types import Query
from pressmon.filters import FilterField, FilterResolver
from pressmon.review.statuses import STATUSES
from pressmon.web.deps import Context, CurrentSession
from pressmon.web.formatting import KIND_LABELS, TOPIC_LABELS, parse_vn_date
from pressmon.web.routes import page
from pressmon.web.routes.queue import page_number

router = APIRouter()
PAGE_SIZE = 20


def search_query(request: Request) -> Query:
    q = request.query_params

    def one(name: str, allowed=None) -> frozenset[str]:
        value = q.get(name, "").strip()
        return (
            frozenset({value}) if value and (allowed is None or value in allowed) else frozenset()
        )

    resolver: FilterResolver | None = request.app.state.ctx.filters

    def named(name: str, field: FilterField, allowed=None) -> frozenset[str]:
        """A typed name ("Nghe An", "Vĩnh Phúc") → its stored value, as on the command line."""
        value = q.get(name, "").strip()
        if not value or resolver is None:
            return one(name, allowed)
        return frozenset({resolver.resolve(field, value).value})

    return Query(
        text=q.get("q", ""),
        outlets=named("bao", "outlet"),
        provinces=named("tinh", "province"),
        kinds=named("loai_hinh", "kind", KIND_LABELS),
        topics=named("chu_de", "topic", TOPIC_LABELS),
        tiers=one("muc", TIERS),
        review_statuses=one("trang_thai", STATUSES),
        flagged_only=q.get("danh_dau") == "1",
        date_from=parse_vn_date(q.get("tu")),
        date_to=parse_vn_date(q.get("den")),
        sort="date" if q.get("xep") == "date" or not q.get("q", "").strip() else "relevance",
        page=page_number(request),
        page_size=PAGE_SIZE,
    )


@router.get("/tim-kiem", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, ctx: Context, session: CurrentSession) -> Response:
    query = search_query(request)
    error = ""
    result = None
    try:
        result = ctx.archive.search(query)
    except QueryError as err:
        error = str(err)
    params = {k: v for k, v in request.query_params.items() if k != "trang"}
    return page(
        request,
        ctx,
        "search.html",
        status=400 if error else 200,
        query=query,
        result=result,
        error=error,
        params=params,
        q=request.query_params,
        outlets=sorted(ctx.outlets.items(), key=lambda item: item[1]),
        provinces=ctx.provinces,
        statuses=STATUSES,
        pages=max(1, -(-result.total // PAGE_SIZE)) if result else 1,
    )
