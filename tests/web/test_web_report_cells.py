"""The leadership workbook's cells are typed: dates and times are date cells a spreadsheet can
sort and filter, shown dd/mm/yyyy in Asia/Ho_Chi_Minh, as in pressmon.exports' workbooks."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from pressmon.evidence.keeper import EvidenceKeeper
from pressmon.reports import leadership_report, report_xlsx
from pressmon.settings import Target, Targets
from tests.web.conftest import seed_documents

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TARGETS = Targets(
    targets=(Target(id="local", name="Báo địa phương", count=15000, kinds=("provincial",)),),
    campaigns=(),
)


def test_report_workbook_dates_are_date_cells(archive, settings, clock) -> None:
    keeper = EvidenceKeeper.from_settings(settings)
    keeper.keep_ingested(seed_documents(), clock.now)
    report = leadership_report(
        archive,
        TARGETS,
        date_from=date(2026, 5, 11),
        date_to=date(2026, 5, 17),
        now=clock.now,
        today=date(2026, 5, 20),
        tz=TZ,
        evidence=keeper.store,
    )
    book = load_workbook(io.BytesIO(report_xlsx(report, tz=TZ)))
    overview = book["Tổng quan"]
    made = overview["B2"]
    assert (made.value, made.number_format) == (datetime(2026, 5, 20, 10, 0), "DD/MM/YYYY HH:MM:SS")
    target = next(row for row in overview.iter_rows() if row[0].value == "Báo địa phương")
    assert [(c.value, c.number_format) for c in target[6:8]] == [
        (datetime(2026, 1, 1), "DD/MM/YYYY"),
        (datetime(2026, 12, 31), "DD/MM/YYYY"),
    ]
    week = book["Theo tuần"]["A2"]
    assert (week.value, week.number_format) == (datetime(2026, 5, 11), "DD/MM/YYYY")
    flagged = book["Bài cần xác minh"]
    header = [c.value for c in flagged[1]]
    published = header.index("Ngày đăng")
    fetched = header.index("Bản lưu: thời điểm thu thập")
    row = next(r for r in flagged.iter_rows(min_row=2) if r[2].value.endswith("số 3"))
    # doc003 was published 17/05 01:00 UTC: 08:00 in Hà Nội
    assert (row[published].value, row[published].number_format) == (
        datetime(2026, 5, 17, 8, 0),
        "DD/MM/YYYY HH:MM:SS",
    )
    assert row[fetched].value == datetime(2026, 5, 20, 10, 0) and row[fetched].is_date


def test_weekly_counts_name_what_they_count(as_lead) -> None:
    """The weeks count the charted target's articles (local press), fewer than the period's
    press total beside them: the sheet, the CSV and the chart say so."""
    client, _ = as_lead
    query = "tu=11/05/2026&den=17/05/2026"
    book = load_workbook(io.BytesIO(client.get(f"/bao-cao.xlsx?{query}").content))
    total = book["Tổng quan"]["B3"].value
    weeks = list(book["Theo tuần"].iter_rows(values_only=True))
    assert weeks[0][1] == "Số tin, bài: Tin, bài, phóng sự trên báo chí địa phương"
    assert weeks[1][1] < total  # doc006, a national paper's, is in the total only
    text = client.get(f"/bao-phu.csv?{query}").text.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert [
        "Theo tuần — Tin, bài, phóng sự trên báo chí địa phương",
        "11/05/2026",
        "3",
        "",
    ] in rows
    page = client.get(f"/bao-phu?{query}").text
    assert "Số tin, bài mỗi tuần — Tin, bài, phóng sự trên báo chí địa phương" in page
