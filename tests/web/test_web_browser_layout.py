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


# True when the element's text runs left to right on screen: its first letter left of the last
# one on the same line (the text may wrap, and a wrapped line starts back at the left).
_READS_LEFT_TO_RIGHT = """element => {
  const text = element.firstChild;
  const box = i => {
    const range = document.createRange();
    range.setStart(text, i);
    range.setEnd(text, i + 1);
    return range.getBoundingClientRect();
  };
  let last = text.length - 1;
  while (last > 0 && box(last).top > box(0).top) last -= 1;
  return last > 0 && box(0).left < box(last).left;
}"""


def test_a_right_to_left_override_in_a_title_or_note_stays_inside_it(page, server, archive) -> None:  # noqa: F811
    reversing = "\u202e"  # RIGHT-TO-LEFT OVERRIDE, never closed
    archive.upsert(
        [
            flagged(
                8,
                "urgent",
                0.9,
                id="dao",
                title=reversing + "Tin đồn cán bộ BHXH gọi điện",
                review_status="false",
            )
        ]
    )
    _sign_in(page, server)
    token = page.locator("input[name=csrf_token]").first.input_value()
    decision = {"action": "status", "status": "false", "note": "Đối chiếu " + reversing + "nguồn"}
    follow_up = {"action": "follow_up", "follow_up": "correction_requested", "note": reversing}
    for seen, form in enumerate((decision, follow_up)):
        assert page.request.post(
            server + "/bai/doc003/xu-ly", form={"csrf_token": token, "seen": str(seen), **form}
        ).ok

    page.goto(server + "/bai/doc003")
    similar = page.locator(".similar li", has=page.locator('a[href="/bai/dao"]'))
    assert similar.locator("span.muted").evaluate(_READS_LEFT_TO_RIGHT)  # "Báo Mẫu · 12/05/2026"

    page.goto(server + "/bao-cao")
    for signed in page.locator(".step-note span.muted").all():  # "— Trần Thị Bình, 20/05/2026…"
        assert signed.evaluate(_READS_LEFT_TO_RIGHT)


def test_the_first_tab_offers_to_skip_the_navigation(page, server) -> None:  # noqa: F811
    _sign_in(page, server)
    page.goto(server + "/bai/doc001")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Chuyển đến nội dung chính"
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0  # shown on screen once focused
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the next stop is inside the page, past the nine header links
    assert page.locator("main :focus").inner_text() == "← Hàng đợi xác minh"


def test_on_a_phone_the_header_leaves_room_for_the_page(page, server) -> None:  # noqa: F811
    _sign_in(page, server)  # a lead: eight navigation links
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(server + "/hang-doi")
    header = page.locator("header.top").bounding_box()
    assert header is not None and header["height"] < 250, header
