"""The date fields' pattern in a real Chromium: valid there, and agreeing with the server."""

from __future__ import annotations

from tests.web.test_web_browser import page, pytestmark, server  # noqa: F401 (fixtures, marks)
from tests.web.test_web_browser_layout import _sign_in
from tests.web.test_web_date_fields import NOT_READ, READ


def test_the_browser_accepts_the_dates_the_server_reads(page, server) -> None:  # noqa: F811
    _sign_in(page, server)
    field = page.locator("input[name=tu]")
    for typed in READ + NOT_READ:
        field.fill(typed)
        assert field.evaluate("input => input.validity.valid") == (typed in READ), typed
    assert page.console_errors == []  # Chromium reports a pattern it cannot compile here
