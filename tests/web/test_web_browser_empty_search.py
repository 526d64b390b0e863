"""A search with no match shows its message without a list number in front of it."""

from __future__ import annotations

from tests.web.test_web_browser import page, pytestmark, server  # noqa: F401 (fixtures, marks)
from tests.web.test_web_browser_layout import _sign_in


def test_no_result_is_not_numbered_as_a_hit(page, server) -> None:  # noqa: F811
    _sign_in(page, server)
    page.goto(server + "/tim-kiem?q=zzqxw")
    empty = page.locator("ol.hits li.empty")
    assert "Không có kết quả" in empty.inner_text()
    # Before, the line read "1. Không có kết quả" under "0 kết quả.".
    assert empty.evaluate("li => getComputedStyle(li).listStyleType") == "none"
    assert page.console_errors == []
