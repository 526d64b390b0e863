"""In a real headless Chromium: a provincial reviewer sends an item to the Center, and the saved
copy of a flagged page opens with nothing in it running or loading from elsewhere. Set
PRESSMON_SAVE_SCREENSHOTS=1 to refresh docs/screenshots/item-saved-copy.png (shown in README)."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from crawlers.extract import extract_article
from crawlers.items import FetchedResponse
from demo.expected import expected_numbers
from demo.model import with_origin
from demo.server import serve_demo
from demo.site import build_site
from pressmon.evidence.keeper import EvidenceKeeper
from tests.web.conftest import NOW, flagged
from tests.web.test_web_browser import CHROMIUM, LAUNCH_ARGS, server  # noqa: F401 (fixture)

REPO = Path(__file__).resolve().parents[2]
SCREENSHOT = REPO / "docs" / "screenshots" / "item-saved-copy.png"
PROVINCE_PASSWORD = "matkhau-ha-noi-5"
FORUM_ORIGIN = "http://dien-dan-bhxh.example"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing"),
]


@pytest.fixture
def page(server):  # noqa: F811
    """As tests/web/test_web_browser.py's, but frames render in the page's own process: the
    sandboxed saved copy is an out-of-process frame, which headless screenshots leave blank."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[*LAUNCH_ARGS, "--disable-features=IsolateOrigins,site-per-process"],
        )
        context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="vi-VN")
        page = context.new_page()
        page.dialogs = []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.console_errors = []
        page.on(
            "console",
            lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        yield page
        browser.close()


def _sign_in(page, server: str, username: str, password: str) -> None:  # noqa: F811
    page.context.clear_cookies()
    page.goto(server + "/dang-nhap")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/hang-doi")


def test_a_provincial_reviewer_escalates_and_the_center_sees_it_first(
    page,  # noqa: F811
    server,  # noqa: F811
    accounts,
) -> None:
    accounts.add("hanoi", PROVINCE_PASSWORD, "reviewer", "Đỗ Minh Hà", province="Hà Nội")
    _sign_in(page, server, "hanoi", PROVINCE_PASSWORD)
    assert "BHXH Hà Nội" in page.locator("header").inner_text()
    titles = page.locator("table.queue tbody td.title a").all_inner_texts()
    assert titles and not any("số 2" in t for t in titles)  # Cần Thơ's item is not theirs
    page.goto(server + "/bai/doc004")
    page.fill("#escalate-form textarea[name=note]", "Tin lan trên nhóm Zalo của phường")
    page.click("#escalate-form button[type=submit]")
    page.wait_for_url("**/bai/doc004**")
    assert "Chuyển Trung tâm" in page.locator("#nhat-ky").inner_text()

    _sign_in(page, server, "an", "matkhau-an-1")
    first = page.locator("table.queue tbody tr").first
    assert first.locator("td.title a").get_attribute("href") == "/bai/doc004"
    assert "Tỉnh chuyển lên" in first.inner_text()
    assert "Đỗ Minh Hà (BHXH Hà Nội)" in first.inner_text()
    assert page.dialogs == [] and page.console_errors == []


def _forum_post() -> tuple[str, bytes]:
    """A flagged post of the demo forum as its server sends it, with a script, a remote image
    and a remote stylesheet put in: the saved copy must run and load none of them."""
    site = build_site()
    path = sorted(expected_numbers(site).flagged_paths)[0]
    return path, with_origin(site.pages[path].body, FORUM_ORIGIN)


def test_the_saved_copy_opens_inert(page, server, archive, settings, tmp_path: Path) -> None:  # noqa: F811
    path, body = _forum_post()
    with serve_demo() as tracker:  # any load from the saved copy would be recorded here
        planted = (
            f'<link rel="stylesheet" href="{tracker.base_url}/x.css">'
            f'<img src="{tracker.base_url}/pixel.gif" alt="">'
            "<script>document.body.dataset.ran = 'yes'; alert('chạy script');</script>"
            f'<script src="{tracker.base_url}/x.js"></script></body>'
        ).encode()
        body = body.replace(b"</body>", planted, 1)
        article = extract_article(body, FORUM_ORIGIN + path, content_type="text/html")
        document = replace(
            flagged(40, "urgent", 0.9),
            id="doc040",
            url=FORUM_ORIGIN + path,
            canonical_url=FORUM_ORIGIN + path,
            outlet="dien_dan_bhxh",
            outlet_name="Diễn đàn BHXH",
            kind="other",
            title=article.title,
            body=article.body,
        )
        archive.upsert([document])
        fetched = FetchedResponse(
            FORUM_ORIGIN + path,
            200,
            (("Content-Type", "text/html; charset=utf-8"), ("Server", "demo")),
            body,
            NOW - timedelta(hours=1),
        )
        copy = EvidenceKeeper.from_settings(settings).keep_fetched(document, fetched)

        _sign_in(page, server, "an", "matkhau-an-1")
        page.goto(server + "/bai/doc040")
        assert copy.sha256 in page.locator("section.saved-copy").inner_text()
        frame = page.frame_locator("iframe.saved-copy-frame")
        assert article.title[:30] in frame.locator("body").inner_text()
        assert frame.locator("body").get_attribute("data-ran") is None
        # A tall window instead of full_page: a full-page capture repaints the frame blank.
        page.set_viewport_size({"width": 1360, "height": 1500})
        page.wait_for_timeout(300)
        page.screenshot(path=str(tmp_path / "item-saved-copy.png"))
        if os.environ.get("PRESSMON_SAVE_SCREENSHOTS"):  # refreshes the one README shows
            page.screenshot(path=str(SCREENSHOT))

        page.goto(server + "/bai/doc040/ban-luu")
        assert article.title[:30] in page.locator("body").inner_text()
        assert page.evaluate("document.body.dataset.ran") is None
        assert page.dialogs == []
        assert tracker.fetched() == ()  # nothing was loaded from elsewhere
