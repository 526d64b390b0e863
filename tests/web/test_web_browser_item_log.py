"""The item's log (Nhật ký xử lý) reads on a phone without scrolling sideways, a table on a desk."""

from __future__ import annotations

from tests.web.test_web_browser import page, pytestmark, server  # noqa: F401 (fixtures, marks)

NOTE = "Đã đối chiếu với công văn của BHXH Việt Nam và phản hồi của BHXH tỉnh Nghệ An về mức đóng"


def _sign_in_and_decide(browser_page, base_url: str) -> None:
    browser_page.goto(base_url + "/dang-nhap")
    browser_page.fill("input[name=username]", "binh")
    browser_page.fill("input[name=password]", "matkhau-binh-2")
    browser_page.press("input[name=password]", "Enter")
    browser_page.wait_for_url("**/hang-doi")
    token = browser_page.locator("input[name=csrf_token]").first.input_value()
    forms = (
        {"action": "assign", "assignee": "an"},
        {"action": "status", "status": "false", "note": NOTE},
    )
    for seen, form in enumerate(forms):
        answer = browser_page.request.post(
            base_url + "/bai/doc001/xu-ly",
            form={"csrf_token": token, "seen": str(seen), **form},
        )
        assert answer.ok


def test_on_a_phone_each_event_is_a_block_with_the_note_in_view(page, server) -> None:  # noqa: F811
    _sign_in_and_decide(page, server)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "/bai/doc001")
    log = page.locator("#nhat-ky .table-scroll")
    assert log.evaluate("box => box.scrollWidth <= box.clientWidth")  # no sideways scrolling
    note = page.locator("table.audit td.note", has_text=NOTE)
    box = note.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert box["width"] >= 280  # the full width of the card, not a narrow column
    status = page.locator("table.audit td[data-label='Trạng thái']").last.bounding_box()
    assert status is not None and status["x"] + status["width"] <= 390, status
    # Each line says what it is, the column headings being out of sight.
    label = note.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Ghi chú, chi tiết: "', label
    # A name reads on one line, not one word a line.
    actor = page.locator("table.audit td[data-label='Người thực hiện']").first
    line = float(actor.evaluate("td => parseFloat(getComputedStyle(td).lineHeight)"))
    assert actor.bounding_box()["height"] < 2.5 * line
    assert page.console_errors == []


def test_on_a_desk_the_log_stays_a_table(page, server) -> None:  # noqa: F811
    _sign_in_and_decide(page, server)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(server + "/bai/doc001")
    assert page.locator("table.audit thead th").first.is_visible()
    cells = page.locator("table.audit tbody tr").first.locator("td")
    assert cells.first.evaluate("td => getComputedStyle(td).display") == "table-cell"
    tops = {round(cells.nth(i).bounding_box()["y"]) for i in range(cells.count())}
    assert len(tops) == 1  # the five cells side by side in one row
    label = cells.last.evaluate("td => getComputedStyle(td, '::before').content")
    assert label in ("none", "normal")
