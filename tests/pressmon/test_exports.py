"""XLSX exports, read back with openpyxl."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from index import CountTable
from pressmon.coverage import coverage_progress
from pressmon.exports import (
    progress_xlsx,
)
from pressmon.settings import Target
from pressmon.snapshots import Revision

TABLE = CountTable(
    buckets=(date(2025, 1, 6), date(2025, 1, 13), date(2025, 1, 20)),
    rows={"Cần Thơ": (3, 0, 5), "Hà Nội": (10, 12, 0), '=HYPERLINK("x")': (1, 0, 0)},
    interval="week",
    group_by="province",
)
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TARGET = Target(id="local", name="Tin bài báo địa phương", count=1_000, kinds=("provincial",))


def _progress():
    weekly = CountTable(
        buckets=TABLE.buckets, rows={"": (13, 12, 5)}, interval="week", group_by=None
    )
    return coverage_progress(
        TARGET, weekly, period=(date(2025, 1, 6), date(2025, 3, 30)), as_of=date(2025, 1, 26)
    )


def test_progress_xlsx_reads_back_with_real_dates() -> None:
    workbook = load_workbook(io.BytesIO(progress_xlsx([_progress()], tz=TZ)))
    assert workbook.sheetnames == ["Tiến độ chỉ tiêu", "Theo tuần"]
    summary = workbook["Tiến độ chỉ tiêu"]
    assert summary.cell(1, 15).value == "Đánh giá"
    assert summary.cell(2, 3).value == datetime(2025, 1, 6)
    assert summary.cell(2, 3).number_format == "DD/MM/YYYY"
    assert (summary.cell(2, 6).value, summary.cell(2, 14).value) == (30, 120)
    weeks = workbook["Theo tuần"]
    # read on its Sunday, the week is whole: its note (Ghi chú) is an empty cell
    assert [c.value for c in weeks[4]] == ["local", datetime(2025, 1, 20), 5, 30, 250, None]


REVISION = Revision(
    week_start=date(2025, 1, 6),
    group_by="province",
    group="Cần Thơ",
    original=12,
    revised=15,
    revision=1,
    frozen_at=datetime(2025, 1, 13, 1, tzinfo=UTC),
    revised_at=datetime(2025, 1, 20, 2, 30, tzinfo=UTC),
)


def test_revisions_are_listed_in_xlsx() -> None:
    workbook = load_workbook(io.BytesIO(progress_xlsx([_progress()], [REVISION], tz=TZ)))
    sheet = workbook["Điều chỉnh số liệu"]
    assert [c.value for c in sheet[2]][3:6] == [12, 15, 3]


def test_revision_times_are_local_date_time_cells() -> None:
    """Like the other workbook times: Asia/Ho_Chi_Minh wall clock, sortable, no "(UTC)"."""
    workbook = load_workbook(io.BytesIO(progress_xlsx([_progress()], [REVISION], tz=TZ)))
    sheet = workbook["Điều chỉnh số liệu"]
    assert [c.value for c in sheet[1]][7:] == ["Chốt lúc", "Điều chỉnh lúc"]
    frozen, revised = sheet[2][7:9]
    # 13/01 01:00 UTC and 20/01 02:30 UTC are 08:00 and 09:30 in Hà Nội
    assert (frozen.value, revised.value) == (datetime(2025, 1, 13, 8), datetime(2025, 1, 20, 9, 30))
    assert {frozen.number_format, revised.number_format} == {"DD/MM/YYYY HH:MM:SS"}
    assert sheet["A2"].number_format == "DD/MM/YYYY"  # the week start stays a date
    assert (
        "Điều chỉnh số liệu"
        not in load_workbook(io.BytesIO(progress_xlsx([_progress()], tz=TZ))).sheetnames
    )
