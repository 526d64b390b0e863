"""/hang-doi: the review queue."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Annotated, get_args
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from classifier.types import TIERS
from index.base import Archive
from pressmon.review.escalations import SentView, answered, sent_view
from pressmon.review.labels import CATEGORY_LABELS
from pressmon.review.offices import CenterEvent, OfficeAt, center_events
from pressmon.review.queue import (
    QueueFilters,
    QueueOrder,
    QueuePage,
    QueueRow,
    SentFilter,
    load_queue,
)
from pressmon.review.scope import Scope
from pressmon.review.statuses import DECISIONS, STATUSES
from pressmon.review.workflow import decided_by
from pressmon.web.accounts import Account
from pressmon.web.choices import Choice, Choices
from pressmon.web.deps import Context, CurrentSession, SessionArchive, SessionScope, WebContext
from pressmon.web.done_notice import DONE_PARAMS, row_anchor, taken_notice
from pressmon.web.formatting import by_name
from pressmon.web.listed_accounts import session_accounts
from pressmon.web.params import Dates, FilterReader, Page, Text, clean
from pressmon.web.queue_return import queue_view, return_param
from pressmon.web.routes import page

router = APIRouter()


# ?chuyen=: the items sent to the Center (all, waiting for its answer, answered); else all items.
SENT_FILTERS: dict[str, SentFilter] = {"tat-ca": "all", "cho": "waiting", "da-tra-loi": "answered"}
CATEGORY = Choice("loai", "Nhóm nội dung", tuple(CATEGORY_LABELS))
TIER = Choice("muc", "Mức ưu tiên", TIERS)
STATUS = Choice("trang_thai", "Trạng thái", STATUSES)
ORDER = Choice("xep", "Sắp xếp", get_args(QueueOrder), default="tier")
SENT = Choice("chuyen", "Chuyển Trung tâm", tuple(SENT_FILTERS))
GROUPED = Choice("gop", "Gộp bài cùng nội dung", ("0", "1"))


async def queue_filters(
    dates: Dates,
    choices: Choices,
    filters: FilterReader,
    loai: Annotated[str, CATEGORY.query()] = "",
    bao: Text = "",
    tinh: Text = "",
    muc: Annotated[str, TIER.query()] = "",
    trang_thai: Annotated[str, STATUS.query()] = "",
    nguoi: Text = "",
    xep: Annotated[str, ORDER.query()] = "tier",
    chuyen: Annotated[str, SENT.query()] = "",
    cau_chuyen: Text = "",
    gop: Annotated[str, GROUPED.query("1: one row per story")] = "",
) -> QueueFilters:
    """The queue's filters. Outlet and province are read as typed ("Ha Noi", "vnexpress.net"), as
    on /tim-kiem and /api/counts, and an unknown one is refused (400, with the closest names)
    rather than shown as an empty queue; a pre-merger province is noted on the page. An unknown
    category, tier, status, order or sending is refused on the API (400, with the codes); the
    page ignores it and says so. `cau_chuyen`: a story's id (`story_id`), only its copies;
    `gop=1`: one row per story."""
    return QueueFilters(
        category=choices.read(CATEGORY, loai),
        outlet=filters.name("outlet", bao),
        province=filters.name("province", tinh),
        tier=choices.read(TIER, muc),
        status=choices.read(STATUS, trang_thai),
        assignee=clean(nguoi),
        date_from=dates.date_from,
        date_to=dates.date_to,
        order=choices.read(ORDER, xep),  # type: ignore[arg-type]
        sent=SENT_FILTERS.get(choices.read(SENT, chuyen), ""),
        story=clean(cau_chuyen),
        grouped=choices.read(GROUPED, gop) == "1",
    )


Filters = Annotated[QueueFilters, Depends(queue_filters)]


def filter_choices(ctx: WebContext, users: Sequence[Account]) -> dict:
    """Options for the filter drop-downs; `users`: the session's (`listed_accounts`)."""
    return {
        "outlets": by_name(ctx.listed_outlets()),
        "provinces": ctx.provinces,
        "users": by_name({a.username: a.label for a in users}),
        "statuses": STATUSES,
    }


def session_queue(
    ctx: WebContext,
    archive: Archive,
    scope: Scope,
    filters: QueueFilters,
    page_no: int,
    assignments: Mapping[str, str],
    offices: OfficeAt,
) -> QueuePage:
    """The queue as this session sees it: the Center's puts what provinces sent it first until
    it has concluded on them; a province reads the Center's answer to its own sending
    (`escalations.sent_view`); items edited at their source since someone last acted on them are
    marked, first in their tier; each row counts the other copies of its story listed with it.
    `assignments`: `AccountStore.assignees`, and `offices`,
    `AccountStore.offices_at`: read by the caller, which may need them again."""
    escalations = ctx.escalations.all()
    is_center = center_events(offices)
    # The Center orders by every answer, a filter on them reads those it may see; otherwise a
    # province reads those of the items on its page.
    if scope.is_center:
        histories = archive.review_histories(list(escalations))
    elif filters.sent:
        visible = [d.id for d in archive.get_many(list(escalations))]
        histories = archive.review_histories(visible)
    else:
        histories = {}
    result = load_queue(
        archive,
        filters,
        assignments,
        page=page_no,
        escalations=escalations,
        escalated_first=scope.is_center,
        orders=ctx.queue_orders,
        changed=ctx.changes.all(),
        answered=answered(escalations, histories, is_center, scope.province),
        count_copies=True,
    )
    # The page's rows sent up, or decided (whose office concluded is shown), read their logs.
    read = [
        r.document.id
        for r in result.rows
        if (r.escalation or r.document.review_status in DECISIONS)
        and r.document.id not in histories
    ]
    histories = {**histories, **archive.review_histories(read)} if read else histories
    rows = tuple(
        _with_sendings(
            r, sent_view(r.escalation, histories[r.document.id], is_center, scope.province)
        )
        if r.escalation
        else r
        for r in result.rows
    )
    rows = tuple(
        replace(r, decided=decided_by(histories[r.document.id], offices))
        if r.document.id in histories
        else r
        for r in rows
    )
    return replace(result, rows=rows)


def _with_sendings(row: QueueRow, view: SentView) -> QueueRow:
    return replace(row, answer=view.answer, senders=view.senders)


@dataclass(frozen=True)
class Taken:
    """The item the session just took, said at its row (`in_rows`) or above the list."""

    id: str
    notice: str
    in_rows: bool


def taken_item(
    archive: Archive,
    document_id: str,
    username: str,
    assignments: Mapping[str, str],
    result: QueuePage,
) -> Taken | None:
    """The item `document_id` (`da_nhan`) if the session (`username`) holds it and may see it
    (`archive`: the session's); None otherwise, or for none."""
    if not document_id or assignments.get(document_id) != username:
        return None
    document = archive.get(document_id)
    if document is None:
        return None
    in_rows = any(r.document.id == document_id for r in result.rows)
    return Taken(document_id, taken_notice(document.title), in_rows)


def center_actor(ctx: WebContext) -> CenterEvent:
    """Whether an audit event is the Center's: recorded while its actor acted for the Center, not
    a province's office (pressmon.review.offices), and not the system's."""
    return center_events(ctx.accounts.offices_at())


def status_tab_links(params: Mapping[str, str], statuses: Sequence[str]) -> dict[str, str]:
    """Each status tab's query string ("" for all statuses): the page's other filters kept, its
    status replaced, the page number dropped (the tab's count starts at its first page)."""
    others = sorted((k, v) for k, v in params.items() if k not in (STATUS.name, "trang"))
    tabs = {"": urlencode(others)}
    tabs.update({status: urlencode([*others, (STATUS.name, status)]) for status in statuses})
    return tabs


@router.get("/hang-doi", response_class=HTMLResponse, include_in_schema=False)
def queue_page(
    request: Request,
    ctx: Context,
    archive: SessionArchive,
    scope: SessionScope,
    session: CurrentSession,
    filters: Filters,
    page_no: Page,
    da_nhan: Text = "",
) -> Response:
    """`da_nhan`: the item the session just took ("Nhận xử lý"), said at its row (see
    `done_notice`)."""
    # One read for the rows' handlers and the Người xử lý filter, which then agree; one of the
    # accounts for the offices the rows are read with, the names and the filter.
    assignments = ctx.accounts.assignees()
    accounts = ctx.accounts.list()
    offices = ctx.accounts.offices_at(accounts)
    result = session_queue(ctx, archive, scope, filters, page_no, assignments, offices)
    # The view's own parameters: not its page, nor what was just done (said once, not carried).
    params = {k: v for k, v in request.query_params.items() if k not in ("trang", *DONE_PARAMS)}
    # This view, page included: its items' links carry it, for their page to lead back here.
    view = queue_view(params, result.page)
    # Senders, the Center's answerer and each item's handler by the names people read.
    return page(
        request,
        ctx,
        "queue.html",
        filters=filters,
        result=result,
        params=params,
        view=view,
        back_param=return_param(view),
        status_tabs=status_tab_links(params, tuple(result.status_counts)),
        taken=taken_item(archive, clean(da_nhan), session.account.username, assignments, result),
        row_anchor=row_anchor,
        without_story=urlencode(sorted((k, v) for k, v in params.items() if k != "cau_chuyen")),
        # A story's copies are listed each on its row, whether the queue is grouped or not.
        story_base=urlencode(
            sorted((k, v) for k, v in params.items() if k not in ("cau_chuyen", "gop"))
        ),
        names={a.username: a.label for a in accounts},
        **filter_choices(ctx, session_accounts(accounts, assignments, archive, scope)),
    )
