"""A decision the Center made stands against a province: a Nghệ An account may not change the
status (no form but a note saying to send the item up again; the form's POST and the API are
refused 403), yet it still sends the item up, and the Center still changes its own decision. A
province's own decision stays its own to change. The item page, the queue and the API say which
office concluded."""

from __future__ import annotations

import re

from tests.web import test_web_provinces as base
from tests.web.conftest import act, sign_in

provinces = base.provinces
ITEM = base.NGHE_AN_ITEM
DECIDE = {"action": "status", "status": "false", "note": "Mạo danh BHXH"}
CHANGE = {"action": "status", "status": "no_violation", "note": "Tỉnh thấy không vi phạm"}
SEND_UP = {"action": "escalate", "note": "Tỉnh không đồng ý: có văn bản mới"}
REFUSAL = "Trung tâm đã kết luận bài này"


def _status(client) -> str:
    return client.get(f"/api/items/{ITEM}").json()["state"]["status"]


def test_a_province_cannot_change_the_centers_decision(client, provinces) -> None:
    act(client, sign_in(client, "an"), ITEM, DECIDE)
    client.cookies.clear()
    token = base._as_province(client)

    page = client.get(f"/bai/{ITEM}").text
    assert 'id="decision-form"' not in page
    assert "Trung tâm đã kết luận bài này nên BHXH tỉnh không đổi được trạng thái" in page
    assert "chuyển lại bài lên Trung tâm kèm ghi chú" in page
    assert re.search(r"<b>Trung tâm</b> kết luận \(Nguyễn Văn An, ", page)
    assert 'id="escalate-form"' in page and 'value="follow_up"' in page
    detail = client.get(f"/api/items/{ITEM}").json()
    assert detail["choices"]["statuses"] == []
    assert detail["decided_by"]["center"] is True
    assert detail["decided_by"]["office_label"] == "Trung tâm"

    refused = client.post(f"/bai/{ITEM}/xu-ly", data={"csrf_token": token, **CHANGE})
    assert refused.status_code == 403 and REFUSAL in refused.text
    answer = client.post(f"/api/items/{ITEM}/decide", json=CHANGE, headers={"X-CSRF-Token": token})
    assert answer.status_code == 403
    assert REFUSAL in answer.json()["error"] and "Chuyển Trung tâm" in answer.json()["error"]
    assert _status(client) == "false"

    # The province disagrees by sending the item up again; the Center changes its decision.
    act(client, token, ITEM, SEND_UP)
    client.cookies.clear()
    act(client, sign_in(client, "an"), ITEM, CHANGE)
    assert _status(client) == "no_violation"


def test_a_province_changes_its_own_decision_and_the_queue_names_who_concluded(
    client, provinces
) -> None:
    token = base._as_province(client)
    act(client, token, ITEM, DECIDE)
    page = client.get(f"/bai/{ITEM}").text
    assert 'id="decision-form"' in page and "<b>BHXH Nghệ An</b> kết luận (" in page
    queue = client.get("/api/queue").json()["items"]
    row = next(r for r in queue if r["document"]["id"] == ITEM)
    assert row["decided_by"]["province"] == "Nghệ An" and row["decided_by"]["center"] is False
    assert 'class="small muted decided-by">BHXH Nghệ An<' in client.get("/hang-doi").text
    act(client, token, ITEM, CHANGE)

    client.cookies.clear()
    act(client, sign_in(client, "an"), ITEM, DECIDE)
    assert 'class="small muted decided-by">Trung tâm<' in client.get("/hang-doi").text
