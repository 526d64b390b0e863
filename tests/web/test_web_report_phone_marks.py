"""On a phone the leadership report's item table scrolls in its box, the page does not.

An item both published and acted on in the period carries two chips with a hidden "; " between
them (for copying); that hidden text was placed against the page, not the table's box, and
widened the whole report sideways on a 390 px screen.
"""

from __future__ import annotations

from tests.web.conftest import flagged
from tests.web.test_web_browser import page, pytestmark, server  # noqa: F401 (fixtures, marks)
from tests.web.test_web_browser_layout import _page_width, _sign_in


def test_report_with_both_period_marks_fits_a_phone(page, server, archive) -> None:  # noqa: F811
    archive.upsert([flagged(2, "urgent", 0.97, id="hai-dau")])  # published two days ago
    _sign_in(page, server)
    token = page.locator("input[name=csrf_token]").first.input_value()
    decided = page.request.post(
        server + "/bai/hai-dau/xu-ly",
        form={"csrf_token": token, "action": "status", "status": "false", "note": "Sai."},
    )
    assert decided.ok

    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(server + "/bao-cao")
    assert page.locator("tr:has(a[href='/bai/hai-dau']) .chip.period").count() == 2
    scroll_width, client_width = _page_width(page)
    assert scroll_width <= client_width, f"/bao-cao: {scroll_width} px wide in {client_width}"
