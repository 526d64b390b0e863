"""/nhat-ky: the whole audit log (review decisions, account changes, alerts) for leads and
admins, filtered by user, action and dates, in pages, with a CSV export; times to the second."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from index.base import Archive
from index.weeks import day_bounds_utc
from pressmon.audit import (
    AREA_LABELS,
    AUDIT_ACTION_LABELS,
    SYSTEM,
    AuditEntry,
    AuditFilter,
    action_label,
    actor_account,
    actor_name,
    actor_office,
    collect,
    detail_without_origin,
    shown_alert_detail,
    stored_detail,
    traced_actor_name,
)
from pressmon.web.accounts import Session, account_detail_text
from pressmon.web.applied_from import Origin, origins
from pressmon.web.deps import Context, WebContext
from pressmon.web.formatting import by_name, csv_safe, vn_datetime_seconds
from pressmon.web.params import Dates, Page, Text, clean
from pressmon.web.routes import page, reports_only

router = APIRouter()
PAGE_SIZE = 50  # entries a page, as the queue's rows
TITLE_CHARS = 90  # of an item's title in the log's column: enough to recognise it
EXPORTED = 50_000
# A page reads every newer entry of the three logs to merge them: the pages stop where the CSV
# does, so no page reads more than an export.
LAST_PAGE = EXPORTED // PAGE_SIZE


def audit_filter(ctx: Context, dates: Dates, nguoi: Text = "", thao_tac: Text = "") -> AuditFilter:
    """Query parameters: nguoi (a username, or `system`: alerts and articles changed at their
    source), thao_tac (`<area>:<code>`, e.g. `review:status`), tu and den (dd/mm/yyyy,
    inclusive)."""
    since, until = day_bounds_utc(dates.date_from, dates.date_to, ctx.settings.tz)
    return AuditFilter(
        since=since, until=until, actor=clean(nguoi) or None, action=clean(thao_tac) or None
    )


Filter = Annotated[AuditFilter, Depends(audit_filter)]
LeadsAndAdmins = reports_only()


def entries(ctx: WebContext, wanted: AuditFilter) -> list[AuditEntry]:
    return collect(
        wanted,
        review_events=ctx.archive.review_events,
        account_events=ctx.accounts.events,
        alert_events=ctx.alerts.events,
    )


def shown_detail(entry: AuditEntry) -> str:
    """The entry's detail on the pages; an account change's and an alert's channel in words, not
    their stored codes (the CSV keeps them as stored)."""
    if entry.area == "account":
        return account_detail_text(entry.action.removeprefix("account:"), entry.detail)
    if entry.area == "alert":
        return shown_alert_detail(entry)
    return detail_without_origin(entry)  # the page links to the item applied from


def page_items(archive: Archive, shown: Sequence[AuditEntry]) -> dict[str, Origin]:
    """The items the entries are about and were applied from, read in one go, by title
    (shortened) and outlet: a reader recognises an item by them, not by its id. An item no
    longer in the archive has none (its id is shown)."""
    ids = (i for entry in shown for i in (entry.document_id, entry.applied_from) if i)
    return origins(archive, ids, TITLE_CHARS)


@dataclass(frozen=True)
class AuditPage:
    entries: list[AuditEntry]
    page: int
    more: bool  # a next page exists
    out_of_reach: bool  # entries go past the last page: the dates are to be narrowed


def page_of(newest: Sequence[AuditEntry], asked: int) -> AuditPage:
    """Page `asked` of `newest` (the newest entries through that page, and one more when there
    are more); a page past the end is the last one, as on the queue."""
    last = min(max(1, -(-len(newest) // PAGE_SIZE)), LAST_PAGE)
    current = min(asked, last)
    beyond = len(newest) > current * PAGE_SIZE
    return AuditPage(
        entries=list(newest[(current - 1) * PAGE_SIZE : current * PAGE_SIZE]),
        page=current,
        more=beyond and current < LAST_PAGE,
        out_of_reach=beyond and current == LAST_PAGE,
    )


def display_names(ctx: WebContext) -> dict[str, str]:
    return {account.username: account.label for account in ctx.accounts.list()}


@router.get("/nhat-ky", response_class=HTMLResponse, include_in_schema=False)
def audit_page(
    request: Request,
    ctx: Context,
    wanted: Filter,
    page_no: Page,
    session: Session = LeadsAndAdmins,
) -> Response:
    asked = min(page_no, LAST_PAGE)
    shown = page_of(entries(ctx, dataclasses.replace(wanted, limit=asked * PAGE_SIZE + 1)), asked)
    names = display_names(ctx)
    # The filters, kept by the pager's links and the CSV's (which holds every page).
    params = {k: v for k, v in request.query_params.items() if k != "trang"}
    return page(
        request,
        ctx,
        "audit.html",
        entries=shown.entries,
        items=page_items(ctx.archive, shown.entries),
        shown=shown,
        last_page_entries=LAST_PAGE * PAGE_SIZE,
        names=names,
        offices=ctx.accounts.offices_at(),
        actor_name=traced_actor_name,
        action_label=action_label,
        shown_detail=shown_detail,
        area_labels=AREA_LABELS,
        actions=AUDIT_ACTION_LABELS,
        accounts=by_name(names),  # the filter's, in Vietnamese alphabetical order
        system=SYSTEM,
        chosen=wanted,
        params=params,
    )


def audit_csv(rows: Sequence[AuditEntry], names: Mapping[str, str], ctx: WebContext) -> str:
    offices = ctx.accounts.offices_at()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "Thời điểm",
            "Lĩnh vực",
            "Người thực hiện",
            "Thao tác",
            "Đối tượng",
            "Chi tiết",
            "Tài khoản người thực hiện",  # added last: the columns before are a contract
            "Đơn vị khi thực hiện",
        ]
    )
    for entry in rows:
        writer.writerow(
            [
                csv_safe(value)
                for value in (
                    vn_datetime_seconds(entry.at, ctx.settings.tz),
                    AREA_LABELS[entry.area],
                    actor_name(entry, names),
                    action_label(entry.action),
                    names.get(entry.subject, entry.subject)
                    if entry.area == "account"
                    else entry.subject,
                    stored_detail(entry),
                    actor_account(entry),
                    actor_office(entry, offices),
                )
            ]
        )
    return out.getvalue()


@router.get("/nhat-ky.csv", include_in_schema=False)
def audit_export(ctx: Context, wanted: Filter, session: Session = LeadsAndAdmins) -> Response:
    rows = entries(ctx, dataclasses.replace(wanted, limit=EXPORTED))
    return Response(
        "\ufeff" + audit_csv(rows, display_names(ctx), ctx),  # BOM: Excel reads UTF-8
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="nhat-ky.csv"'},
    )
