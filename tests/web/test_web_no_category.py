"""An item the classifier put in no group (C1–C8) says so in the queue's "Nhóm" column, muted, in
the report's wording for it ("Chưa phân nhóm"): an empty cell read as a fault."""

from __future__ import annotations

import re

from pressmon.reports import REPORT_CATEGORY_UNKNOWN
from tests.web.conftest import flagged, sign_in
from tests.web.test_web_unknown_province import _queue_cells


def test_the_queue_says_an_item_has_no_category_instead_of_leaving_the_cell_empty(
    client, archive
) -> None:
    archive.upsert(
        [
            flagged(60, "urgent", 0.9, category=None),
            flagged(61, "urgent", 0.8, category="C1"),
        ]
    )
    sign_in(client, "an")
    page = client.get("/hang-doi").text
    column = re.findall(r"<th[^>]*>(.*?)</th>", page.split("<thead>", 1)[1]).index("Nhóm")
    cells = _queue_cells(page)
    assert REPORT_CATEGORY_UNKNOWN == "Chưa phân nhóm"
    assert cells["doc060"][column] == (
        '<span class="muted nowrap no-category">(chưa phân nhóm)</span>'
    )
    assert cells["doc061"][column] == ('<span title="Mạo danh cơ quan, cán bộ BHXH">C1</span>')
