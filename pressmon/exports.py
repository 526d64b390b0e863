"""CSV and XLSX exports of count tables and coverage progress, with Vietnamese headers.

CSV is UTF-8 with a BOM so Excel shows Vietnamese correctly; dates are dd/mm/yyyy there. In XLSX
dates are real date cells and times real date-time cells, wall clock in the app's time zone (a
cell holds none). Cells that a spreadsheet would run as a formula (=, +, -, @ first) are
prefixed with an apostrophe.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE as _XML_ILLEGAL
from openpyxl.styles import Font

from pressmon.coverage import CoverageProgress
from pressmon.progress_text import week_note
from pressmon.snapshots import Revision

Cell = str | int | float | date | None
Sheet = tuple[list[str], list[list[Cell]]]  # headers, rows

GROUP_HEADERS = {
    None: "Phạm vi",
    "province": "Tỉnh/thành phố",
    "outlet": "Cơ quan báo chí",
    "kind": "Loại hình báo",
    "topic": "Chủ đề",
}
TOTAL_LABEL = "Tổng cộng"
SUMMARY_HEADERS = [
    "Mã chỉ tiêu",
    "Chỉ tiêu",
    "Từ ngày",
    "Đến ngày",
    "Tính đến ngày",
    "Đã đạt",
    "Kế hoạch",
    "Tỷ lệ (%)",
    "Còn thiếu",
    "Số tuần đã qua",
    "Số tuần còn lại",
    "Bình quân/tuần đã đạt",
    "Cần đạt mỗi tuần",
    "Dự báo cuối kỳ",
    "Đánh giá",
]
# "Ghi chú" last, as in /bao-phu.csv: a week the target's period or today cuts is no whole week.
WEEK_HEADERS = [
    "Mã chỉ tiêu",
    "Tuần bắt đầu",
    "Số tin, bài",
    "Lũy kế",
    "Lũy kế theo kế hoạch",
    "Ghi chú",
]
REVISION_HEADERS = [
    "Tuần bắt đầu",
    "Nhóm theo",
    "Nhóm",
    "Số đã chốt",
    "Số điều chỉnh",
    "Chênh lệch",
    "Lần điều chỉnh",
    "Chốt lúc",
    "Điều chỉnh lúc",
]
# An empty table's one row, the words the page shows in its place.
NO_DATA = "Chưa có dữ liệu."
NO_TARGETS = "Chưa cấu hình chỉ tiêu (config/targets.yaml)."
NO_CAMPAIGNS = "Chưa cấu hình chiến dịch."
DATE_FORMAT = "DD/MM/YYYY"  # how every workbook shows its date cells
DATETIME_FORMAT = "DD/MM/YYYY HH:MM:SS"  # and its date-time cells
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def progress_sheets(progresses: Sequence[CoverageProgress]) -> tuple[Sheet, Sheet]:
    """A summary (one row per target) and the per-week rows of every target."""
    summary: list[list[Cell]] = [
        [
            p.target_id,
            p.target_name,
            p.period_start,
            p.period_end,
            p.as_of,
            p.count,
            p.target,
            p.percent,
            p.remaining,
            p.weeks_elapsed,
            p.weeks_remaining,
            p.weekly_pace_so_far,
            p.weekly_pace_required,
            p.projected,
            p.status_label,
        ]
        for p in progresses
    ]
    weeks: list[list[Cell]] = [
        [
            p.target_id,
            w.week_start,
            w.count,
            w.cumulative,
            w.planned_cumulative,
            # a target's weeks count its period up to the day read (as_of), or its end
            week_note(w.week_start, p.period_start, min(p.as_of, p.period_end)),
        ]
        for p in progresses
        for w in p.weeks
    ]
    return (list(SUMMARY_HEADERS), summary), (list(WEEK_HEADERS), weeks)


def revisions_sheet(revisions: Sequence[Revision], tz: ZoneInfo) -> Sheet:
    """Changes to already-reported weekly counts: never hidden, listed beside the report; the
    times as wall-clock date-time cells in `tz`."""
    rows: list[list[Cell]] = [
        [
            r.week_start,
            GROUP_HEADERS[r.group_by],
            r.group or "Tất cả",
            r.original,
            r.revised,
            r.delta,
            r.revision,
            local_time(r.frozen_at, tz),
            local_time(r.revised_at, tz),
        ]
        for r in revisions
    ]
    return list(REVISION_HEADERS), rows


def local_time(moment: datetime, tz: ZoneInfo) -> datetime:
    """`moment` as the wall-clock time in `tz`, to the second: Excel cells hold no timezone."""
    return moment.astimezone(tz).replace(tzinfo=None, microsecond=0)


def progress_xlsx(
    progresses: Sequence[CoverageProgress],
    revisions: Sequence[Revision] = (),
    *,
    tz: ZoneInfo,
) -> bytes:
    summary, weeks = progress_sheets(progresses)
    sheets = {"Tiến độ chỉ tiêu": summary, "Theo tuần": weeks}
    if revisions:
        sheets["Điều chỉnh số liệu"] = revisions_sheet(revisions, tz)
    return _xlsx(sheets, empty=NO_TARGETS)  # the weeks are the targets' weeks


def _safe(cell: Cell) -> Any:
    cell = xlsx_value(cell)
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def xlsx_value(cell: Any) -> Any:
    """`cell` without the control characters (NUL, ESC...) XLSX cannot hold, which archived
    text from before input was sanitised may still carry."""
    return _XML_ILLEGAL.sub("", cell) if isinstance(cell, str) else cell


def _xlsx(sheets: Mapping[str, Sheet], *, empty: str = NO_DATA) -> bytes:
    """One sheet per table, headers in bold; a table without rows gets `empty` as its one row."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, (headers, rows) in sheets.items():
        sheet = workbook.create_sheet(title)
        sheet.append([_safe(h) for h in headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows or [[empty]]:
            sheet.append([_safe(c) for c in row])
        for column in sheet.iter_cols(min_row=2):
            for cell in column:
                if isinstance(cell.value, datetime):
                    cell.number_format = DATETIME_FORMAT
                elif isinstance(cell.value, date):
                    cell.number_format = DATE_FORMAT
        sheet.freeze_panes = "B2"
        for column in sheet.columns:
            letter = column[0].column_letter
            sheet.column_dimensions[letter].width = max(
                10, min(40, max(len(str(c.value or "")) for c in column) + 2)
            )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
