"""/api/docs in a real headless Chromium: Swagger UI renders the API from local files only, and
"Try it out" calls the API with the session."""

from __future__ import annotations

from tests.web.test_web_browser import page, pytestmark, server  # noqa: F401 (fixtures, marks)


def test_api_docs_render_offline(page, server) -> None:  # noqa: F811
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + "/api/docs")
    page.fill("input[name=username]", "an")
    page.fill("input[name=password]", "matkhau-an-1")
    page.click("button[type=submit]")
    page.wait_for_url("**/api/docs")
    page.wait_for_selector(".opblock-summary-path[data-path='/api/queue']")
    assert page.locator(".opblock").count() >= 6
    page.click(".opblock-summary-path[data-path='/api/me']")
    page.click("button:has-text('Try it out')")
    page.click("button:has-text('Execute')")
    page.wait_for_selector(".live-responses-table .response-col_status")
    assert page.locator(".live-responses-table").inner_text().count('"username": "an"') == 1
    assert all(url.startswith(server) for url in requested), requested
    assert page.console_errors == []  # no CSP violation, no missing asset
