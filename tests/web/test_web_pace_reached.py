"""A target or province that has reached its figure needs no weekly pace: the page shows "—" and
the workbooks leave the cell empty (a number column still sorts; blanks go last), never 0."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pressmon.coverage import required_weekly_pace
from pressmon.settings import Settings
from tests.web.conftest import sign_in

# Hà Nội has three provincial articles in 11–17/05/2026 (the seed): past its figure of 2.
TARGETS = """\
targets:
  - id: local_press_year
    name: Báo địa phương
    count: 15000
    period: year
    kinds: [provincial]
    province_targets: {Hà Nội: 2}
  - id: reached
    name: Chỉ tiêu đã đạt
    count: 1
    period: year
    kinds: [provincial]
campaigns: []
"""
QUERY = "tu=11/05/2026&den=17/05/2026&chi_tieu=local_press_year"


@pytest.fixture
def settings(settings: Settings, tmp_path: Path) -> Settings:
    targets = tmp_path / "targets.yaml"
    targets.write_text(TARGETS, encoding="utf-8")
    return settings.model_copy(update={"targets_file": targets})


def test_no_pace_once_nothing_is_missing() -> None:
    assert required_weekly_pace(0, 30) is None
    assert required_weekly_pace(1, 30) == 1
    assert required_weekly_pace(5, 0) is None  # over


def test_page_and_workbooks_agree_on_a_reached_pace(client) -> None:
    sign_in(client, "binh")
    html = client.get(f"/bao-phu?{QUERY}").text
    hanoi = re.search(r'<tr class="ps-row-dat">\s*<td>Hà Nội.*?</tr>', html, re.S)
    assert hanoi and re.findall(r'<td class="num">([^<]*)</td>', hanoi.group(0))[-1] == "—"
    reached = re.search(r"<td>Chỉ tiêu đã đạt</td>.*?</tr>", html, re.S)
    assert reached and re.findall(r'<td class="num">([^<]*)</td>', reached.group(0))[-1] == "—"

    book = load_workbook(io.BytesIO(client.get(f"/bao-cao.xlsx?{QUERY}").content))
    provinces = book["Tiến độ theo tỉnh"]
    assert provinces["F1"].value == "Cần mỗi tuần"
    row = next(r for r in provinces.iter_rows(min_row=2) if r[0].value == "Hà Nội")
    assert (row[4].value, row[5].value) == ("Đạt", None)
    behind = next(r for r in provinces.iter_rows(min_row=2) if r[0].value == "Cần Thơ")
    assert isinstance(behind[5].value, int) and behind[5].value > 0
    overview = book["Tổng quan"]
    target = next(r for r in overview.iter_rows() if r[0].value == "Chỉ tiêu đã đạt")
    assert target[5].value is None

    progress = load_workbook(io.BytesIO(client.get(f"/bao-phu.xlsx?{QUERY}").content))
    summary = progress["Tiến độ chỉ tiêu"]
    assert summary["M1"].value == "Cần đạt mỗi tuần"
    row = next(r for r in summary.iter_rows(min_row=2) if r[0].value == "reached")
    assert row[12].value is None
