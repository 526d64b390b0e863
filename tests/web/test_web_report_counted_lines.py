"""The leadership report's two province tables count differently (the provinces needing attention:
the target's local press since the year began, against each one's target; "Tỉnh, thành phố":
every press article of the period); each says what it counts under its heading, the workbook
too, so a reader setting Nghệ An's two figures side by side is not left to guess the gap."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook

from tests.web.conftest import sign_in

QUERY = "tu=11/05/2026&den=17/05/2026"
PROGRESS = (
    "Tính chỉ tin, bài trên báo địa phương đăng từ 01/01/2026 đến 17/05/2026 (chỉ tiêu "
    "“Tin, bài, phóng sự trên báo chí địa phương”), so với chỉ tiêu của từng tỉnh, thành phố."
)
PERIOD = (
    "Tính mọi tin, bài trên báo chí (báo trung ương, báo ngành, báo địa phương) đăng từ "
    "11/05/2026 đến 17/05/2026, không so với chỉ tiêu."
)


def _line_under(html: str, heading: str) -> str:
    found = re.search(
        rf"<h[23]>{re.escape(heading)}</h[23]>\s*<p class=\"muted small counted\">([^<]*)</p>", html
    )
    assert found, heading
    return found.group(1).replace("&#34;", '"')


def test_each_province_table_says_what_it_counts(client) -> None:
    sign_in(client, "binh")
    html = client.get(f"/bao-cao?{QUERY}").text
    assert _line_under(html, "Tỉnh, thành phố cần chú ý") == PROGRESS
    progress = "Tiến độ theo tỉnh, thành phố — Tin, bài, phóng sự trên báo chí địa phương"
    assert _line_under(html, progress) == PROGRESS
    assert _line_under(html, "Tỉnh, thành phố") == PERIOD

    coverage = client.get(f"/bao-phu?{QUERY}").text  # the same tables on the dashboard
    assert _line_under(coverage, progress) == PROGRESS
    assert _line_under(coverage, "Tỉnh, thành phố") == PERIOD


def test_the_workbook_says_it_after_the_rows(client) -> None:
    sign_in(client, "binh")
    book = load_workbook(io.BytesIO(client.get(f"/bao-cao.xlsx?{QUERY}").content))
    for sheet, line, header in (
        ("Tỉnh thành", PERIOD, ("Tỉnh, thành phố", "Số tin, bài")),
        ("Tiến độ theo tỉnh", PROGRESS, ("Tỉnh, thành phố", "Đã đạt")),
    ):
        rows = list(book[sheet].iter_rows(values_only=True))
        assert rows[0][:2] == header  # the columns as they were
        assert rows[-1][0] == line and not any(rows[-2]), sheet
