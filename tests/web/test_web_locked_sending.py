"""An item the Center reported to leadership (its decision locked) that a province finds later:
the province is told it may still send it up and does, the Center hears of it and answers the
province without reopening its conclusion, which stays locked."""

from __future__ import annotations

import re
from datetime import timedelta

from tests.web import test_web_provinces as base
from tests.web.conftest import act, sign_in

provinces = base.provinces
ITEM = base.NGHE_AN_ITEM
REPORTED = (
    {"action": "status", "status": "false", "note": "Mạo danh BHXH"},
    {"action": "follow_up", "follow_up": "reported_to_leadership", "note": "Đã báo cáo Tổng GĐ"},
)
SENT = {"action": "escalate", "note": "Bài lan truyền trong tỉnh, đã báo công an"}
ANSWERED = {"action": "send_back", "note": "Đã kết luận sai sự thật, tỉnh cải chính theo đó"}


def _waiting(client) -> set[str]:
    return set(re.findall(r'<a href="/bai/(doc\d+)[?"]', client.get("/hang-doi?chuyen=cho").text))


def test_a_province_sends_up_an_item_locked_by_the_centers_report(client, provinces, clock) -> None:
    act(client, sign_in(client, "binh"), ITEM, *REPORTED)
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    token = base._as_province(client)
    page = client.get(f"/bai/{ITEM}").text
    assert "vẫn chuyển được lên Trung tâm" in page and 'id="escalate-form"' in page
    assert client.get(f"/api/items/{ITEM}").json()["choices"]["escalate"] is True
    act(client, token, ITEM, SENT)

    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    token = sign_in(client, "binh")
    assert ITEM in _waiting(client)
    page = client.get(f"/bai/{ITEM}").text
    assert "chuyển bài lên sau khi kết luận đã khoá" in page and 'id="send-back-form"' in page
    act(client, token, ITEM, ANSWERED)
    assert ITEM not in _waiting(client)

    client.cookies.clear()
    base._as_province(client)
    item = client.get(f"/api/items/{ITEM}").json()
    assert item["center_answer"]["action"] == "send_back"
    assert item["state"]["locked"] is True and item["state"]["status"] == "false"
