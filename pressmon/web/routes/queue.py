"""/hang-doi: the review queue."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from classifier.types import TIERS
from pressmon.web.deps import Context, CurrentSession, WebContext
from pressmon.web.formatting import parse_vn_date
from pressmon.web.queue import QueueFilters, load_queue
from pressmon.web.routes import page
from pressmon.web.workflow import STATUSES

router = APIRouter()


def queue_filters(request: Request) -> QueueFilters:
    q = request.query_params
    order = q.get("xep", "tier")
    return QueueFilters(
        category=q.get("loai", ""),
        outlet=q.get("bao", ""),
        province=q.get("tinh", ""),
        tier=q.get("muc", "") if q.get("muc", "") in TIERS else "",
        status=q.get("trang_thai", "") if q.get("trang_thai", "") in STATUSES else "",
        assignee=q.get("nguoi", ""),
        date_from=parse_vn_date(q.get("tu")),
        date_to=parse_vn_date(q.get("den")),
        order=order if order in ("tier", "uncertain", "newest") else "tier",  # type: ignore[arg-type]
    )


def page_number(request: Request) -> int:
    try:
        return max(1, int(request.query_params.get("trang", "1")))
    except ValueError:
        return 1


def filter_choices(ctx: WebContext) -> dict:
    """Options for the filter drop-downs."""
    return {
        "outlets": sorted(ctx.outlets.items(), key=lambda item: item[1]),
        "provinces": ctx.provinces,
        "users": [a for a in ctx.accounts.list() if not a.disabled],
        "statuses": STATUSES,
    }


@router.get("/hang-doi", response_class=HTMLResponse, include_in_schema=False)
def queue_page(request: Request, ctx: Context, session: CurrentSession) -> Response:
    filters = queue_filters(request)
    result = load_queue(ctx.archive, filters, ctx.accounts.assignees(), page=page_number(request))
    params = {k: v for k, v in request.query_params.items() if k != "trang"}
    return page(
        request,
        ctx,
        "queue.html",
        filters=filters,
        result=result,
        params=params,
        **filter_choices(ctx),
    )
