"""The report's "Trong kỳ" cell of an item published and acted on in the period shows two chips;
their text read without the styling (copied, read aloud) is "Đăng trong kỳ; Xử lý trong kỳ", as
the workbook writes it, not "Đăng trong kỳXử lý trong kỳ"."""

from __future__ import annotations

import re

from tests.web.conftest import act, sign_in
from tests.web.test_web_report_activity import WEEK


def period_cell(client, item: str) -> str:
    """The "Trong kỳ" cell of `item`'s row on the week's report, as markup."""
    page = client.get(f"/bao-cao?{WEEK}").text
    row = re.search(rf'<tr><td class="doc"><a href="/bai/{item}">.*?</tr>', page, flags=re.S)
    assert row is not None
    table_head = page[: row.start()].rsplit("<thead>", 1)[1]
    heads = re.findall(r"<th[^>]*>(.*?)</th>", table_head)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), flags=re.S)
    return cells[heads.index("Trong kỳ")]


def test_the_two_period_chips_read_apart_as_text(client) -> None:
    act(
        client,
        sign_in(client, "binh"),
        "doc001",
        {"action": "status", "status": "false", "note": "Lừa OTP"},
    )
    cell = period_cell(client, "doc001")
    assert re.sub(r"<[^>]+>", "", cell) == "Đăng trong kỳ; Xử lý trong kỳ"
    assert cell.count('<span class="chip period">') == 2
