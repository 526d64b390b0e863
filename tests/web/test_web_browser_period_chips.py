"""The report's two period chips in a real Chromium: copied, the cell reads "Đăng trong kỳ; Xử lý
trong kỳ"; on screen the chips stand where they stood without the separator."""

from __future__ import annotations

from tests.web.test_web_browser import page, pytestmark, server  # noqa: F401 (fixtures, marks)
from tests.web.test_web_browser_layout import _sign_in
from tests.web.test_web_report_activity import WEEK

_COPIED = """cell => {
  const range = document.createRange();
  range.selectNodeContents(cell);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.toString();
}"""

_CHIPS = """cell => [...cell.querySelectorAll('.chip')].map(chip => {
  const box = chip.getBoundingClientRect();
  return {left: box.left, right: box.right, top: box.top};
})"""


def test_the_period_chips_copy_apart_and_look_as_before(page, server) -> None:  # noqa: F811
    _sign_in(page, server)
    token = page.locator("input[name=csrf_token]").first.input_value()
    decision = {"action": "status", "status": "false", "note": "Lừa OTP"}
    assert page.request.post(
        server + "/bai/doc001/xu-ly", form={"csrf_token": token, **decision}
    ).ok
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{server}/bao-cao?{WEEK}")
    cell = page.locator('tr:has(a[href="/bai/doc001"]) td').nth(3)
    assert cell.evaluate(_COPIED) == "Đăng trong kỳ; Xử lý trong kỳ"
    shown = cell.evaluate(_CHIPS)
    cell.evaluate("cell => cell.querySelectorAll('.sep').forEach(sep => sep.remove())")
    assert cell.evaluate(_CHIPS) == shown  # the separator takes no room
