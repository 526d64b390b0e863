"""CSV (UTF-8 with BOM) and XLSX exports, read back with csv and openpyxl."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

from openpyxl import load_workbook

from index import CountTable
from pressmon.coverage import coverage_progress
from pressmon.exports import (
    count_table_csv,
    count_table_sheet,
    count_table_xlsx,
    progress_csv,
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
TARGET = Target(id="local", name="Tin bài báo địa phương", count=1_000, kinds=("provincial",))


def _progress():
    weekly = CountTable(
        buckets=TABLE.buckets, rows={"": (13, 12, 5)}, interval="week", group_by=None
    )
    return coverage_progress(
        TARGET, weekly, period=(date(2025, 1, 6), date(2025, 3, 30)), as_of=date(2025, 1, 26)
    )


def test_count_table_sheet_hand_computed() -> None:
    headers, rows = count_table_sheet(TABLE, {"Hà Nội": "Thủ đô Hà Nội"})
    assert headers == [
        "Tỉnh/thành phố",
        "Tuần 06/01/2025",
        "Tuần 13/01/2025",
        "Tuần 20/01/2025",
        "Tổng",
    ]
    assert rows == [
        ["Cần Thơ", 3, 0, 5, 8],
        ["Thủ đô Hà Nội", 10, 12, 0, 22],
        ['=HYPERLINK("x")', 1, 0, 0, 1],
        ["Tổng cộng", 14, 12, 5, 31],
    ]


def test_monthly_ungrouped_and_empty_tables() -> None:
    monthly = CountTable(
        buckets=(date(2025, 1, 1), date(2025, 2, 1)),
        rows={"": (4, 6)},
        interval="month",
        group_by=None,
    )
    headers, rows = count_table_sheet(monthly)
    assert headers == ["Phạm vi", "Tháng 01/2025", "Tháng 02/2025", "Tổng"]
    assert rows == [["Tất cả", 4, 6, 10], ["Tổng cộng", 4, 6, 10]]
    empty = CountTable(buckets=(), rows={}, interval="week", group_by="topic")
    assert count_table_sheet(empty) == (["Chủ đề", "Tổng"], [["Tổng cộng", 0]])


def test_csv_has_bom_vietnamese_headers_and_neutralised_formulas() -> None:
    data = count_table_csv(TABLE)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "Tỉnh/thành phố"
    assert rows[1] == ["Cần Thơ", "3", "0", "5", "8"]
    assert rows[3][0] == '\'=HYPERLINK("x")'
    assert rows[-1] == ["Tổng cộng", "14", "12", "5", "31"]


def test_xlsx_reads_back() -> None:
    workbook = load_workbook(io.BytesIO(count_table_xlsx(TABLE)))
    sheet = workbook["Theo tuần"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:2] == ["Tỉnh/thành phố", "Tuần 06/01/2025"]
    assert values[2] == ["Hà Nội", 10, 12, 0, 22]
    assert values[3][0] == '\'=HYPERLINK("x")' and sheet.cell(4, 1).data_type == "s"
    assert values[-1] == ["Tổng cộng", 14, 12, 5, 31]


def test_progress_csv_summary_then_weeks() -> None:
    text = progress_csv([_progress()]).decode("utf-8-sig")
    summary_part, weeks_part = text.split("\r\n\r\n")
    summary = list(csv.reader(io.StringIO(summary_part)))
    assert summary[0][:3] == ["Mã chỉ tiêu", "Chỉ tiêu", "Từ ngày"]
    # 84-day period, 21 days elapsed, 30 counted: projected round(30 * 84 / 21) = 120,
    # pace needed ceil(970 * 7 / 63) = 108.
    assert summary[1] == [
        "local",
        "Tin bài báo địa phương",
        "06/01/2025",
        "30/03/2025",
        "26/01/2025",
        "30",
        "1000",
        "3.0",
        "970",
        "3.0",
        "9.0",
        "10.0",
        "108",
        "120",
        "Chưa đạt",
    ]
    weeks = list(csv.reader(io.StringIO(weeks_part)))
    assert weeks[0] == [
        "Mã chỉ tiêu",
        "Tuần bắt đầu",
        "Số tin, bài",
        "Lũy kế",
        "Lũy kế theo kế hoạch",
    ]
    assert weeks[1:] == [
        ["local", "06/01/2025", "13", "13", "83"],
        ["local", "13/01/2025", "12", "25", "167"],
        ["local", "20/01/2025", "5", "30", "250"],
    ]


def test_progress_xlsx_reads_back_with_real_dates() -> None:
    workbook = load_workbook(io.BytesIO(progress_xlsx([_progress()])))
    assert workbook.sheetnames == ["Tiến độ chỉ tiêu", "Theo tuần"]
    summary = workbook["Tiến độ chỉ tiêu"]
    assert summary.cell(1, 15).value == "Đạt tiến độ"
    assert summary.cell(2, 3).value == datetime(2025, 1, 6)
    assert summary.cell(2, 3).number_format == "DD/MM/YYYY"
    assert (summary.cell(2, 6).value, summary.cell(2, 14).value) == (30, 120)
    weeks = workbook["Theo tuần"]
    assert [c.value for c in weeks[4]] == ["local", datetime(2025, 1, 20), 5, 30, 250]


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


def test_revisions_are_listed_in_csv_and_xlsx() -> None:
    text = progress_csv([_progress()], [REVISION]).decode("utf-8-sig")
    *_, revisions_part = text.split("\r\n\r\n")
    rows = list(csv.reader(io.StringIO(revisions_part)))
    assert rows[0][:3] == ["Tuần bắt đầu", "Nhóm theo", "Nhóm"]
    assert rows[1] == [
        "06/01/2025",
        "Tỉnh/thành phố",
        "Cần Thơ",
        "12",
        "15",
        "3",
        "1",
        "13/01/2025 01:00",
        "20/01/2025 02:30",
    ]
    workbook = load_workbook(io.BytesIO(progress_xlsx([_progress()], [REVISION])))
    sheet = workbook["Điều chỉnh số liệu"]
    assert [c.value for c in sheet[2]][3:6] == [12, 15, 3]
    assert (
        "Điều chỉnh số liệu"
        not in load_workbook(io.BytesIO(progress_xlsx([_progress()]))).sheetnames
    )
