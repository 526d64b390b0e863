"""The workbooks' weekly sheets note the weeks the range cuts, and those after today (the
clock's Wednesday 20/05/2026), in a last column `Ghi chú` worded as /bao-phu.csv's: in Excel a
week of three days, or a week not yet begun showing 0, must not read as a whole week."""

from __future__ import annotations

import io

from openpyxl import load_workbook

MAY = "tu=01/05/2026&den=31/05/2026"  # the whole month, read on its 20th


def _weeks(client, url: str) -> list[tuple]:
    return list(load_workbook(io.BytesIO(client.get(url).content))["Theo tuần"].values)


def test_the_report_workbook_notes_the_cut_weeks_and_those_after_today(as_lead) -> None:
    client, _ = as_lead
    header, *rows = _weeks(client, f"/bao-cao.xlsx?{MAY}")
    assert header[-1] == "Ghi chú" and len(header) == 3
    notes = {week.strftime("%d/%m/%Y"): note for week, _, note in rows}
    assert notes == {
        "27/04/2026": "Không trọn tuần: chỉ tính từ 01/05/2026",
        "04/05/2026": None,  # whole weeks: an empty cell
        "11/05/2026": None,
        "18/05/2026": "Không trọn tuần: chỉ tính đến 20/05/2026",
        "25/05/2026": "Tuần chưa tới, chưa có số liệu",
    }
