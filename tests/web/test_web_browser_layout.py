"""The pages hold their width in a real Chromium whatever the crawled text looks like."""

from __future__ import annotations

from tests.web.conftest import flagged
from tests.web.test_web_browser import page, pytestmark, server  # noqa: F401 (fixtures, marks)

# A headline of 300 characters without one space, as a broken or hostile page can give.
UNBROKEN = "Bảohiểmxãhội" * 25


def _sign_in(browser_page, base_url: str) -> None:
    browser_page.goto(base_url + "/dang-nhap")
    browser_page.fill("input[name=username]", "binh")
    browser_page.fill("input[name=password]", "matkhau-binh-2")
    browser_page.press("input[name=password]", "Enter")
    browser_page.wait_for_url("**/hang-doi")


def _page_width(browser_page) -> tuple[int, int]:
    return browser_page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )


def test_an_unbroken_headline_and_note_do_not_widen_the_pages(page, server, archive) -> None:  # noqa: F811
    archive.upsert([flagged(8, "urgent", 0.99, id="dai", title=UNBROKEN, body=UNBROKEN)])
    _sign_in(page, server)
    token = page.locator("input[name=csrf_token]").first.input_value()
    decided = page.request.post(
        server + "/bai/dai/xu-ly",
        form={"csrf_token": token, "action": "status", "status": "false", "note": UNBROKEN},
    )
    assert decided.ok

    for path in ("/hang-doi", "/bai/dai", "/bao-cao", "/nhat-ky"):
        page.goto(server + path)
        assert UNBROKEN in page.locator("main").inner_text(), path
        scroll_width, client_width = _page_width(page)
        assert scroll_width <= client_width, f"{path}: {scroll_width} px wide in {client_width}"
    assert page.console_errors == []


def test_wide_tables_scroll_in_their_box_on_a_phone(page, server) -> None:  # noqa: F811
    _sign_in(page, server)
    page.set_viewport_size({"width": 375, "height": 800})
    for path in ("/hang-doi", "/bao-phu", "/bao-cao", "/nhat-ky"):
        page.goto(server + path)
        scroll_width, client_width = _page_width(page)
        assert scroll_width <= client_width, f"{path}: {scroll_width} px wide in {client_width}"

    page.goto(server + "/hang-doi")
    queue = page.locator(".table-scroll:has(table.queue)")
    assert queue.evaluate("box => box.scrollWidth > box.clientWidth")  # the queue scrolls sideways
    assert page.locator("table.queue td.title").first.bounding_box()["width"] >= 150  # readable
    assert page.console_errors == []
