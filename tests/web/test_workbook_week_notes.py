"""The workbooks' weekly sheets note the weeks the range cuts, and those after today (the
clock's Wednesday 20/05/2026), in a last column `Ghi chú` worded as /bao-phu.csv's: in Excel a
week of three days, or a week not yet begun showing 0, must not read as a whole week."""

from __future__ import annotations

import io

from openpyxl import load_workbook

MAY = "tu=01/05/2026&den=31/05/2026"  # the whole month, read on its 20th
MAY_18 = "2026-05-18"  # the week under way


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


def test_the_progress_workbook_notes_each_targets_cut_weeks(as_lead) -> None:
    """Each target's weeks run over its period to the day read, today here: the year's first
    week holds 01/01–04/01, the campaign's 01/05–03/05, the week under way three days; none
    lies after today, which nothing counts yet."""
    client, _ = as_lead
    header, *rows = _weeks(client, "/bao-phu.xlsx?tu=01/01/2026&den=31/05/2026")
    assert header[-1] == "Ghi chú" and len(header) == 6
    notes = {(row[0], f"{row[1]:%Y-%m-%d}"): row[-1] for row in rows}
    assert notes["local_press_year", "2025-12-29"] == "Không trọn tuần: chỉ tính từ 01/01/2026"
    assert notes["local_press_year", "2026-01-05"] is None  # a whole week: an empty cell
    assert notes["may_campaign", "2026-04-27"] == "Không trọn tuần: chỉ tính từ 01/05/2026"
    assert notes["may_campaign", "2026-05-11"] is None
    last = {target: max(week for t, week in notes if t == target) for target, _ in notes}
    assert last == dict.fromkeys(("local_press_year", "all_press_year", "may_campaign"), MAY_18)
    for target in last:
        assert notes[target, MAY_18] == "Không trọn tuần: chỉ tính đến 20/05/2026"
