"""A decision the Center reported to leadership is locked for the Center: a province's lead may
not reopen it (page, form and API alike), the Center's lead may; a lock a province put on its
own conclusion its own lead still lifts."""

from __future__ import annotations

from tests.web import test_web_provinces as base
from tests.web.conftest import act, sign_in

provinces = base.provinces
ITEM = base.NGHE_AN_ITEM
REPORTED = (
    {"action": "status", "status": "false", "note": "Mạo danh BHXH"},
    {"action": "follow_up", "follow_up": "reported_to_leadership", "note": "Đã báo cáo"},
)
REOPEN = {"action": "reopen", "note": "Tỉnh có thông tin mới"}


def test_a_provinces_lead_cannot_reopen_what_the_center_reported(client, provinces) -> None:
    act(client, sign_in(client, "binh"), ITEM, *REPORTED)
    client.cookies.clear()
    token = base._as_province(client, "nghean-lead")
    page = client.get(f"/bai/{ITEM}").text
    assert "chỉ lãnh đạo Trung tâm có thể mở lại" in page and 'value="reopen"' not in page
    assert client.get(f"/api/items/{ITEM}").json()["choices"]["reopen"] is False
    refused = client.post(f"/bai/{ITEM}/xu-ly", data={"csrf_token": token, **REOPEN})
    assert refused.status_code == 403
    assert "chỉ lãnh đạo Trung tâm mới được mở lại" in refused.text

    client.cookies.clear()
    act(client, sign_in(client, "binh"), ITEM, REOPEN)


def test_a_provinces_lead_reopens_its_own_provinces_report(client, provinces) -> None:
    token = base._as_province(client, "nghean-lead")
    act(client, token, ITEM, *REPORTED)
    assert client.get(f"/api/items/{ITEM}").json()["choices"]["reopen"] is True
    act(client, token, ITEM, REOPEN)
