"""A note typed on several lines (the grounds one by one) reads on several lines where it is
shown: the item's log and the leadership report, not run together into one line."""

from __future__ import annotations

from tests.web.conftest import flagged
from tests.web.test_web_browser import page, pytestmark, server  # noqa: F401 (fixtures, marks)
from tests.web.test_web_browser_layout import _sign_in

NOTE = "Căn cứ:\n1. Công văn 123/BHXH-TT.\n2. Thông cáo báo chí ngày 20/05."


def test_a_multi_line_note_keeps_its_lines(page, server, archive) -> None:  # noqa: F811
    archive.upsert([flagged(2, "urgent", 0.97, id="nhieu-dong")])
    _sign_in(page, server)
    token = page.locator("input[name=csrf_token]").first.input_value()
    for form in (
        {"action": "status", "status": "false", "note": NOTE},
        {"action": "follow_up", "follow_up": "reported_to_leadership", "note": NOTE},
    ):
        assert page.request.post(
            server + "/bai/nhieu-dong/xu-ly", form={"csrf_token": token, **form}
        ).ok

    page.goto(server + "/bai/nhieu-dong")
    logged = page.locator("#nhat-ky td.note").all_inner_texts()
    assert sum("Căn cứ:\n1. Công văn 123/BHXH-TT.\n2. Thông cáo" in t for t in logged) == 2

    page.goto(server + "/bao-cao")
    said = page.locator("tr:has(a[href='/bai/nhieu-dong']) .step-note").all_inner_texts()
    assert said and all("Căn cứ:\n1. Công văn 123/BHXH-TT.\n2. Thông cáo" in t for t in said)
