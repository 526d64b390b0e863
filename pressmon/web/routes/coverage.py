"""/bao-phu (coverage dashboard, CSV) and /bao-cao (printable leadership report, XLSX)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from pressmon.coverage import CoverageProgress, default_window
from pressmon.exports import progress_xlsx
from pressmon.progress_text import pace_sentence, week_note
from pressmon.province_targets import PROVINCE_SORTS, ProvinceSort, sort_provinces
from pressmon.report_items import ACTIVITY_WORDS
from pressmon.reports import (
    CampaignCount,
    CoverageFigures,
    SentToCenter,
    coverage_figures,
    leadership_report,
    report_xlsx,
)
from pressmon.review.offices import center_events
from pressmon.snapshots import frozen_week_revisions
from pressmon.web.accounts import Account, Session
from pressmon.web.charts import cumulative_chart, weekly_chart
from pressmon.web.deps import Context, CurrentSession, WebContext
from pressmon.web.formatting import (
    CATEGORY_LABELS,
    KIND_LABELS,
    TOPIC_LABELS,
    csv_safe,
)
from pressmon.web.params import Dates, Text, clean
from pressmon.web.routes import page, reports_only

router = APIRouter()
ReportsOnly = reports_only()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The CSV's total, as the page counts it: its kinds rows list non-press posts apart.
CSV_TOTAL = "Tin, bài trên báo chí (không tính diễn đàn, mạng xã hội)"


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    today: date
    chart_target: str | None  # target id whose pace the chart draws


async def period(ctx: Context, dates: Dates, chi_tieu: Text = "") -> Period:
    """The range asked for, either end defaulting to `default_window` (the current year so far,
    or the campaign under way, whose target is then charted); ends swapped if reversed."""
    today = ctx.clock().astimezone(ctx.settings.tz).date()
    start, end, running_campaign = default_window(today, ctx.targets)
    asked_dates = dates.date_from is not None or dates.date_to is not None
    start = dates.date_from or start
    end = dates.date_to or end
    if start > end:
        start, end = end, start
    chart_target = clean(chi_tieu) or (None if asked_dates else running_campaign)
    return Period(start, end, today, chart_target)


ReportPeriod = Annotated[Period, Depends(period)]


def figures(ctx: WebContext, when: Period) -> CoverageFigures:
    """The dashboard's figures, shared by every reviewer for COVERAGE_MAX_AGE seconds."""
    return ctx.coverage_cache.get(when, lambda: _compute_figures(ctx, when))


def _compute_figures(ctx: WebContext, when: Period) -> CoverageFigures:
    return coverage_figures(
        ctx.archive,
        ctx.targets,
        date_from=when.start,
        date_to=when.end,
        today=when.today,
        provinces=ctx.provinces,
        outlet_names=ctx.outlets,
        topics=tuple(TOPIC_LABELS),
        chart_target_id=when.chart_target,
    )


@dataclass(frozen=True)
class Charts:
    progress: Markup | None  # cumulative against target and pace; None without a target
    weekly: Markup  # the week's own scale, so a handful of articles stays visible
    pace: str | None  # the one pace figure, explained


def charts(cov: CoverageFigures) -> Charts:
    counts = [
        sum(row[i] for row in cov.weekly.rows.values()) for i in range(len(cov.weekly.buckets))
    ]
    return Charts(
        progress=cumulative_chart(cov.chart_target, today=cov.today) if cov.chart_target else None,
        weekly=weekly_chart(
            cov.weekly.buckets,
            counts,
            label=f"Số tin, bài mỗi tuần — {cov.weekly_counted}",
            date_from=cov.date_from,
            counted_to=cov.counted_to,
        ),
        pace=pace_sentence(cov.chart_target, cov.today) if cov.chart_target else None,
    )


def province_sort(sap_xep: Text = "") -> ProvinceSort:
    """The province table's order from `?sap_xep=` (default: least progress first)."""
    asked = clean(sap_xep)
    return next((key for key in PROVINCE_SORTS if key == asked), "tien_do")


@router.get("/bao-phu", response_class=HTMLResponse, include_in_schema=False)
def coverage_page(
    request: Request,
    ctx: Context,
    session: CurrentSession,
    when: ReportPeriod,
    order: Annotated[ProvinceSort, Depends(province_sort)],
) -> Response:
    cov = figures(ctx, when)
    return page(
        request,
        ctx,
        "coverage.html",
        cov=cov,
        charts=charts(cov),
        provinces=sort_provinces(cov.provinces, order),
        order=order,
        sort_query=_without(request, "sap_xep"),
        query=request.url.query,
        targets=ctx.targets,
    )


def _without(request: Request, name: str) -> str:
    """The page's query string minus `name`, for links that set it anew."""
    return urlencode([(k, v) for k, v in request.query_params.multi_items() if k != name])


@router.get("/bao-phu.csv", include_in_schema=False)
def coverage_csv(ctx: Context, when: ReportPeriod, session: Session = ReportsOnly) -> Response:
    cov = figures(ctx, when)
    out = io.StringIO()
    writer = csv.writer(out)
    # "Ghi chú" was added last, so the first three columns read as they always did.
    writer.writerow(["Bảng", "Nhóm", "Số tin, bài", "Ghi chú"])
    weekly = [
        (
            f"{b:%d/%m/%Y}",
            sum(r[i] for r in cov.weekly.rows.values()),
            week_note(b, cov.date_from, cov.counted_to),
        )
        for i, b in enumerate(cov.weekly.buckets)
    ]
    for table, rows in (
        ("Tổng", [(CSV_TOTAL, cov.total, "")]),  # the page's headline figure
        (f"Theo tuần — {cov.weekly_counted}", weekly),
        ("Tỉnh, thành phố", _unnoted(cov.by_province)),
        ("Cơ quan báo chí", _unnoted(cov.by_outlet)),
        ("Loại hình", _unnoted((KIND_LABELS.get(k, k), n) for k, n in cov.by_kind)),
        ("Chủ đề", _unnoted((TOPIC_LABELS.get(t, t), n) for t, n in cov.by_topic)),
        ("Chiến dịch", [(c.campaign.name, c.count, _window(c)) for c in cov.campaigns]),
        ("Chỉ tiêu", [(p.target_name, p.count, _target_span(p)) for p in cov.targets]),
    ):
        for group, n, note in rows:
            writer.writerow([table, csv_safe(group), n, note])
    name = f"do-phu-{cov.date_from:%Y%m%d}-{cov.date_to:%Y%m%d}.csv"
    return Response(
        "\ufeff" + out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _window(campaign: CampaignCount) -> str:
    """What a campaign row counts: its whole window, whatever the range (as the page shows)."""
    return f"Cả đợt {campaign.start:%d/%m/%Y} – {campaign.end:%d/%m/%Y}"


def _target_span(progress: CoverageProgress) -> str:
    """What a target row counts: its period from the start to the day read, not the range."""
    until = min(progress.as_of, progress.period_end)
    if until < progress.period_start:
        return f"Kỳ chỉ tiêu bắt đầu ngày {progress.period_start:%d/%m/%Y}"
    return f"Tính từ {progress.period_start:%d/%m/%Y} đến {until:%d/%m/%Y}"


def _unnoted(rows: Iterable[tuple[str, int]]) -> list[tuple[str, int, str]]:
    """Rows counted over the whole range: nothing to note."""
    return [(group, n, "") for group, n in rows]


@router.get("/bao-phu.xlsx", include_in_schema=False)
def progress_workbook(ctx: Context, when: ReportPeriod, session: Session = ReportsOnly) -> Response:
    """Progress against every target with its weekly table (pressmon.exports' layout)."""
    cov = figures(ctx, when)
    revisions = frozen_week_revisions(ctx.settings.archive.state_path, cov.date_from, cov.date_to)
    return Response(
        progress_xlsx(cov.targets, revisions, tz=ctx.settings.tz),
        media_type=XLSX,
        headers={
            "Content-Disposition": f'attachment; filename="tien-do-{cov.date_to:%Y%m%d}.xlsx"'
        },
    )


def _report(ctx: WebContext, when: Period, accounts: Sequence[Account]):
    """`accounts`: `AccountStore.list()`, read once by the caller, which names the people too."""
    offices = ctx.accounts.offices_at(accounts)
    return leadership_report(
        ctx.archive,
        ctx.targets,
        date_from=when.start,
        date_to=when.end,
        now=ctx.clock(),
        today=when.today,
        tz=ctx.settings.tz,
        provinces=ctx.provinces,
        outlet_names=ctx.outlets,
        topics=tuple(TOPIC_LABELS),
        chart_target_id=when.chart_target,
        evidence=ctx.evidence.store,
        sent_to_center=SentToCenter(ctx.escalations.all(), center_events(offices)),
        offices=offices,
    )


def _names(accounts: Sequence[Account]) -> dict[str, str]:
    """Usernames to the people's names, for who decided and who sent an item."""
    return {account.username: account.label for account in accounts}


@router.get("/bao-cao", response_class=HTMLResponse, include_in_schema=False)
def report_page(
    request: Request, ctx: Context, when: ReportPeriod, session: Session = ReportsOnly
) -> Response:
    accounts = ctx.accounts.list()
    report = _report(ctx, when, accounts)
    return page(
        request,
        ctx,
        "report.html",
        report=report,
        cov=report.coverage,
        charts=charts(report.coverage),
        query=request.url.query,
        names=_names(accounts),
        activity_words=ACTIVITY_WORDS,
    )


@router.get("/bao-cao.xlsx", include_in_schema=False)
def report_workbook(ctx: Context, when: ReportPeriod, session: Session = ReportsOnly) -> Response:
    accounts = ctx.accounts.list()
    report = _report(ctx, when, accounts)
    labels = {"kind": KIND_LABELS, "topic": TOPIC_LABELS, "category": CATEGORY_LABELS}
    name = f"bao-cao-{report.coverage.date_from:%Y%m%d}-{report.coverage.date_to:%Y%m%d}.xlsx"
    return Response(
        report_xlsx(report, tz=ctx.settings.tz, labels=labels, names=_names(accounts)),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
