"""The alert settings page in a real headless Chromium: an account opts for the daily digest,
then opts out, and the next alert reaches only those who still receive."""

from __future__ import annotations

from pressmon.alerts.store import AlertStore, Preference
from pressmon.wiring import notifier_from
from tests.web.alert_receivers import smtp_server
from tests.web.conftest import flagged
from tests.web.test_web_browser import page, pytestmark, server  # noqa: F401 (fixtures, marks)


def _sign_in(browser_page, base_url: str, username: str, password: str) -> None:
    browser_page.goto(base_url + "/canh-bao")
    assert "/dang-nhap" in browser_page.url
    browser_page.fill("input[name=username]", username)
    browser_page.fill("input[name=password]", password)
    browser_page.click("button[type=submit]")
    browser_page.wait_for_url("**/canh-bao")


def test_alert_settings_in_a_real_browser(page, server, settings, clock) -> None:  # noqa: F811
    _sign_in(page, server, "an", "matkhau-an-1")
    assert page.locator("h1").inner_text() == "Cài đặt cảnh báo"
    assert page.locator("input[name=receive]").is_checked()

    page.fill("input[name=email]", "an@bhxh.test")
    page.check("input[name=mode][value=hang-ngay]")
    page.click("button:has-text('Lưu cài đặt')")
    page.wait_for_url("**/canh-bao?da_luu=1")
    assert page.locator("[role=status]").inner_text() == "Đã lưu cài đặt cảnh báo."
    assert page.locator("input[name=mode][value=hang-ngay]").is_checked()
    store = AlertStore(settings.archive.state_path)
    assert store.preference("an") == Preference("an@bhxh.test", opted_out=False, digest=True)

    page.uncheck("input[name=receive]")
    page.check("input[name=mode][value=ngay]")
    page.click("button:has-text('Lưu cài đặt')")
    page.wait_for_url("**/canh-bao?da_luu=1")
    assert not page.locator("input[name=receive]").is_checked()
    assert page.locator("input[name=email]").input_value() == "an@bhxh.test"
    assert store.preference("an") == Preference("an@bhxh.test", opted_out=True, digest=False)

    assert page.console_errors == []  # nothing the page does breaks its CSP

    page.fill("input[name=email]", "khong-phai-email")
    # Chromium itself refuses a malformed type=email field; the server must too.
    page.evaluate("document.querySelector('form[action=\"/canh-bao\"]').noValidate = true")
    page.click("button:has-text('Lưu cài đặt')")
    assert page.locator("[role=alert]").inner_text() == "Địa chỉ e-mail không hợp lệ."

    with smtp_server() as (mailbox, port):
        alerts = settings.alerts.model_validate(
            {
                "host": "127.0.0.1",
                "port": port,
                "tls": "none",
                "recipients": {"lead": ["ld@bhxh.test"]},
            }
        )
        notifier = notifier_from(settings.model_copy(update={"alerts": alerts}), clock=clock)
        notifier.notify([flagged(9, "urgent", 0.9)])
        notifier.send_due()
    assert mailbox.recipients == [["ld@bhxh.test"]]  # An opted out in the browser
