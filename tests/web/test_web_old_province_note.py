"""An old unit's name typed on the web or in alert settings is noted as a 2025 merger is: "Hà
Tây" (merged into Hà Nội in 2008) was read as Hà Nội without a word on the pages, on the users
page and in [alerts.recipients]."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from pressmon.wiring import notifier_from

NOTE = "Lưu ý: Hà Tây → Hà Nội (đơn vị hành chính cũ)."


@pytest.mark.parametrize("path", ["/tim-kiem?q=BHXH&tinh=Ha Tay", "/hang-doi?tinh=Hà Tây"])
def test_a_page_filtered_by_a_historical_province_notes_it(as_reviewer, path) -> None:
    client, _ = as_reviewer
    page = client.get(path)
    assert page.status_code == 200, page.text
    assert NOTE in page.text


def test_the_api_reads_the_historical_province_as_the_merged_one(as_reviewer) -> None:
    client, _ = as_reviewer
    old = client.get("/api/search", params={"tinh": "Hà Tây"})
    assert old.status_code == 200
    assert old.json() == client.get("/api/search", params={"tinh": "Hà Nội"}).json()


def _add(client, token: str, province: str) -> Any:
    form = {"csrf_token": token, "password": "mot-mat-khau-du-dai-9", "role": "reviewer"}
    return client.post(
        "/nguoi-dung",
        data={**form, "username": "hoa", "province": province},
        follow_redirects=False,
    )


@pytest.mark.parametrize(
    ("typed", "note"),
    [("Ha Tay", NOTE), ("Quảng Bình", "Lưu ý: Quảng Bình → Quảng Trị (sáp nhập 2025).")],
)
def test_the_users_page_notes_an_old_province(as_admin, accounts, typed, note) -> None:
    client, token = as_admin
    response = _add(client, token, typed)
    assert response.status_code == 200, response.text
    assert note in response.text and "Đã tạo tài khoản hoa" in response.text
    account = accounts.get("hoa")
    assert account is not None and account.province in ("Hà Nội", "Quảng Trị")


def test_a_current_province_on_the_users_page_redirects_without_a_note(as_admin) -> None:
    client, token = as_admin
    assert _add(client, token, "Ha Noi").status_code == 303


def test_an_old_province_in_alert_recipients_is_noted(settings, clock, caplog) -> None:
    alerts = settings.alerts.model_validate({"recipients": {"Hà Tây": ["hatay@bhxh.test"]}})
    with caplog.at_level(logging.WARNING, logger="pressmon.wiring"):
        notifier_from(settings.model_copy(update={"alerts": alerts}), clock=clock)
    assert "alerts.recipients «Hà Tây»: Hà Tây → Hà Nội (đơn vị hành chính cũ)" in caplog.text
