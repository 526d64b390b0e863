"""An empty table in a workbook says what the page says in its place, as its one row, instead of
showing headers over nothing."""

from __future__ import annotations

import io
from datetime import date
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from pressmon.exports import progress_xlsx
from pressmon.reports import leadership_report, report_xlsx
from pressmon.settings import Targets
from tests.web.conftest import NOW, sign_in

NO_DATA = "Chưa có dữ liệu."
NO_ITEMS = "Không có tin nào cần xác minh đăng hoặc được xử lý trong kỳ."
NO_TARGETS = "Chưa cấu hình chỉ tiêu (config/targets.yaml)."
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _rows(sheet) -> list[list[str]]:
    """The sheet's rows, empty cells left out (these tables hold text only where checked)."""
    return [[str(c) for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]


def test_a_period_without_articles_says_so_on_the_page_and_in_the_workbook(client) -> None:
    sign_in(client, "binh")
    empty = "tu=01/01/2020&den=07/01/2020"  # before every seed article
    html = client.get(f"/bao-cao?{empty}").text
    assert NO_DATA in html and NO_ITEMS in html
    book = load_workbook(io.BytesIO(client.get(f"/bao-cao.xlsx?{empty}").content))
    assert _rows(book["Cơ quan báo chí"]) == [["Cơ quan báo chí", "Số tin, bài"], [NO_DATA]]
    flagged = _rows(book["Bài cần xác minh"])
    assert len(flagged) == 2 and flagged[1] == [NO_ITEMS]
    overview = _rows(book["Tổng quan"])
    for header in (["Loại hình báo chí", "Số tin, bài"], ["Chủ đề", "Số tin, bài"]):
        assert overview[overview.index(header) + 1] == [NO_DATA]
    assert overview[-1] == [NO_ITEMS]  # under "Trạng thái xác minh"


def test_no_targets_no_provinces(archive) -> None:
    report = leadership_report(
        archive,
        Targets(),
        date_from=date(2026, 5, 11),
        date_to=date(2026, 5, 17),
        now=NOW,
        today=date(2026, 5, 20),
        tz=TZ,
    )
    book = load_workbook(io.BytesIO(report_xlsx(report, tz=TZ)))
    assert _rows(book["Tiến độ theo tỉnh"])[1:] == [[NO_DATA]]
    assert _rows(book["Tỉnh thành"])[1:] != [[NO_DATA]]  # the seed has articles then
    overview = _rows(book["Tổng quan"])
    assert overview[overview.index(["Chiến dịch", "Từ ngày", "Đến ngày", "Số tin, bài"]) + 1] == [
        "Chưa cấu hình chiến dịch."
    ]
    assert overview[6] == [NO_TARGETS]  # under the targets' header, row 6

    progress = load_workbook(io.BytesIO(progress_xlsx([], tz=TZ)))
    for title in ("Tiến độ chỉ tiêu", "Theo tuần"):
        assert _rows(progress[title])[1:] == [[NO_TARGETS]], title
