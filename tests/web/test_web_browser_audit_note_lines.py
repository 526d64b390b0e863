"""A note typed on several lines keeps its lines on the audit log page (/nhat-ky), as on the
item page and the report: the grounds listed one by one do not run together into one line, and
the detail cell's markup adds no line break of its own."""

from __future__ import annotations

from tests.web.conftest import flagged
from tests.web.test_web_browser import page, pytestmark, server  # noqa: F401 (fixtures, marks)
from tests.web.test_web_browser_layout import _sign_in

NOTE = "Căn cứ:\n1. Công văn 123/BHXH-TT.\n2. Thông cáo báo chí ngày 20/05."


def test_the_audit_log_keeps_a_notes_lines(page, server, archive) -> None:  # noqa: F811
    archive.upsert([flagged(2, "urgent", 0.97, id="nhieu-dong-nk")])
    _sign_in(page, server)
    token = page.locator("input[name=csrf_token]").first.input_value()
    assert page.request.post(
        server + "/bai/nhieu-dong-nk/xu-ly",
        form={"csrf_token": token, "action": "status", "status": "false", "note": NOTE},
    ).ok

    page.goto(server + "/nhat-ky")
    row = page.locator("tr:has(a[href='/bai/nhieu-dong-nk'])")
    detail = row.locator("td.note").nth(1).inner_text()
    assert detail == f"Chưa xử lý → Sai sự thật; ghi chú: {NOTE}"
