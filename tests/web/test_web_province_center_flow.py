"""The road between a provincial office and the Center, through HTTP as both sides walk it: the
province concludes, reports and sends an item up; the Center's queue keeps it first until the
Center has concluded on it; the province reads the Center's answer."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

from tests.web import test_web_provinces as base
from tests.web.conftest import act, sign_in

provinces = base.provinces  # the Nghệ An items and accounts
NGHE_AN_ITEM = base.NGHE_AN_ITEM
SENT = {"action": "escalate", "note": "Đã báo công an tỉnh; đề nghị Trung tâm đính chính"}
CONCLUDED = {"action": "status", "status": "false", "note": "Mạo danh BHXH, đã báo công an tỉnh"}


def _first_in_queue(client) -> str:
    first = re.search(r'<a href="/bai/(doc\d+)">', client.get("/hang-doi").text)
    assert first is not None
    return first.group(1)


def test_an_item_the_province_concluded_before_sending_waits_for_the_centers_answer(
    client, provinces, clock
) -> None:
    token = base._as_province(client)
    act(client, token, NGHE_AN_ITEM, CONCLUDED, SENT)

    client.cookies.clear()
    token = sign_in(client, "an")
    assert _first_in_queue(client) == NGHE_AN_ITEM
    assert client.get("/api/queue").json()["items"][0]["document"]["id"] == NGHE_AN_ITEM

    clock.advance(timedelta(hours=1))
    act(client, token, NGHE_AN_ITEM, {"action": "status", "status": "in_progress"})
    assert _first_in_queue(client) == NGHE_AN_ITEM  # taken up is no answer yet
    act(client, token, NGHE_AN_ITEM, {**CONCLUDED, "note": "Trung tâm xác nhận sai sự thật"})
    assert _first_in_queue(client) != NGHE_AN_ITEM

    # Sent up again after the Center's answer: it leads the Center's queue again.
    client.cookies.clear()
    token = base._as_province(client)
    clock.advance(timedelta(hours=1))
    act(client, token, NGHE_AN_ITEM, {**SENT, "note": "Bài vẫn lan truyền, xin Trung tâm xem lại"})
    client.cookies.clear()
    sign_in(client, "an")
    assert _first_in_queue(client) == NGHE_AN_ITEM


def test_the_item_page_names_the_sender_as_the_queue_does(client, provinces) -> None:
    token = base._as_province(client)
    act(client, token, NGHE_AN_ITEM, SENT)
    client.cookies.clear()
    sign_in(client, "an")
    item = client.get(f"/bai/{NGHE_AN_ITEM}").text
    assert "Hồ Thị Nga (BHXH Nghệ An), 20/05/2026 10:00: Đã báo công an tỉnh" in item


def test_the_province_reads_the_centers_answer_on_its_queue_item_page_and_api(
    client, provinces, clock
) -> None:
    token = base._as_province(client)
    act(client, token, NGHE_AN_ITEM, CONCLUDED, SENT)
    assert "Chờ Trung tâm kết luận" in client.get(f"/bai/{NGHE_AN_ITEM}").text
    assert "Chờ Trung tâm kết luận" in client.get("/hang-doi").text

    client.cookies.clear()
    token = sign_in(client, "binh")
    clock.advance(timedelta(hours=2))
    answer = "Trung tâm đã đề nghị gỡ bài và đăng đính chính trên cổng BHXH Việt Nam"
    act(
        client,
        token,
        NGHE_AN_ITEM,
        {"action": "status", "status": "no_violation", "note": "Thông tin đúng, không vi phạm"},
        {"action": "status", "status": "false", "note": answer},
    )

    client.cookies.clear()
    base._as_province(client)
    item = client.get(f"/bai/{NGHE_AN_ITEM}").text
    assert (
        f"Trung tâm kết luận: <b>Sai sự thật</b>, Trần Thị Bình, 20/05/2026 12:00: {answer}" in item
    )
    queue = client.get("/hang-doi").text
    assert "Trung tâm kết luận: <b>Sai sự thật</b>, Trần Thị Bình, 20/05/2026 12:00" in queue
    row = next(
        i for i in client.get("/api/queue").json()["items"] if i["document"]["id"] == NGHE_AN_ITEM
    )
    assert row["center_answer"]["actor"] == "binh"
    assert (row["center_answer"]["status_after"], row["center_answer"]["note"]) == ("false", answer)


def _listed(client, url: str) -> set[str]:
    return set(re.findall(r'<a href="/bai/(doc\d+)[?"]', client.get(url).text))


def test_the_province_lists_what_it_sent_up_by_the_centers_answer(client, provinces, clock) -> None:
    token = base._as_province(client)
    act(client, token, NGHE_AN_ITEM, SENT)
    act(client, token, base.NATIONAL_ITEM, {**SENT, "note": "Báo trung ương đưa tin sai"})
    assert _listed(client, "/hang-doi") == {NGHE_AN_ITEM, base.NATIONAL_ITEM}

    client.cookies.clear()
    token = sign_in(client, "an")
    clock.advance(timedelta(hours=1))
    act(client, token, NGHE_AN_ITEM, CONCLUDED)

    client.cookies.clear()
    base._as_province(client)
    assert _listed(client, "/hang-doi?chuyen=tat-ca") == {NGHE_AN_ITEM, base.NATIONAL_ITEM}
    assert _listed(client, "/hang-doi?chuyen=cho") == {base.NATIONAL_ITEM}
    assert _listed(client, "/hang-doi?chuyen=da-tra-loi") == {NGHE_AN_ITEM}
    api = client.get("/api/queue?chuyen=da-tra-loi").json()
    assert [i["document"]["id"] for i in api["items"]] == [NGHE_AN_ITEM]
    assert '<option value="da-tra-loi" selected>' in client.get("/hang-doi?chuyen=da-tra-loi").text
    # The Center filters alike, over every province.
    client.cookies.clear()
    sign_in(client, "an")
    assert _listed(client, "/hang-doi?chuyen=cho") == {base.NATIONAL_ITEM}


def test_the_center_sends_an_item_back_to_the_province_with_a_note(
    client, provinces, clock
) -> None:
    token = base._as_province(client)
    assert client.get(f"/api/items/{NGHE_AN_ITEM}").json()["choices"]["send_back"] is False
    act(client, token, NGHE_AN_ITEM, SENT)

    client.cookies.clear()
    token = sign_in(client, "an")
    page = client.get(f"/bai/{NGHE_AN_ITEM}").text
    assert 'id="send-back-form"' in page and "Trả lại BHXH Nghệ An" in page
    assert client.get(f"/api/items/{NGHE_AN_ITEM}").json()["choices"]["send_back"] is True
    refused = client.post(
        f"/bai/{NGHE_AN_ITEM}/xu-ly", data={"csrf_token": token, "action": "send_back"}
    )
    assert refused.status_code == 409 and "Cần ghi chú khi trả lại tỉnh" in refused.text
    clock.advance(timedelta(hours=1))
    back = "Đề nghị tỉnh làm việc với báo Nghệ An để gỡ bài, báo lại kết quả"
    act(client, token, NGHE_AN_ITEM, {"action": "send_back", "note": back})
    assert _first_in_queue(client) != NGHE_AN_ITEM  # answered: no longer waiting first
    assert client.get(f"/api/items/{NGHE_AN_ITEM}").json()["choices"]["send_back"] is False
    again = client.post(
        f"/bai/{NGHE_AN_ITEM}/xu-ly", data={"csrf_token": token, "action": "send_back", "note": "x"}
    )
    assert again.status_code == 409 and "đang chờ Trung tâm trả lời" in again.text

    client.cookies.clear()
    token = base._as_province(client)
    item = client.get(f"/bai/{NGHE_AN_ITEM}").text
    assert f"Trung tâm trả lại tỉnh, Nguyễn Văn An, 20/05/2026 11:00: {back}" in item
    assert "Trung tâm trả lại tỉnh, Nguyễn Văn An" in client.get("/hang-doi?chuyen=da-tra-loi").text
    own = client.post(
        f"/bai/{NGHE_AN_ITEM}/xu-ly", data={"csrf_token": token, "action": "send_back", "note": "x"}
    )
    assert own.status_code == 403  # only the Center sends back
    event = client.get(f"/api/items/{NGHE_AN_ITEM}").json()["history"][-1]
    assert (event["action"], event["detail"], event["note"]) == (
        "send_back",
        {"province": "Nghệ An"},
        back,
    )


def test_the_audit_logs_name_the_sender_and_province_in_vietnamese(client, provinces) -> None:
    token = base._as_province(client)
    act(client, token, NGHE_AN_ITEM, SENT)
    client.cookies.clear()
    sign_in(client, "binh")
    rows = list(csv.reader(io.StringIO(client.get("/nhat-ky.csv?thao_tac=review:escalate").text)))
    assert rows[1][2:6] == [
        "Hồ Thị Nga",
        "Chuyển Trung tâm",
        NGHE_AN_ITEM,
        f"Tỉnh: Nghệ An; ghi chú: {SENT['note']}",
    ]
    log = client.get(f"/bai/{NGHE_AN_ITEM}/nhat-ky.csv").text
    assert "Chuyển Trung tâm" in log and "Tỉnh: Nghệ An" in log and "province" not in log


def test_the_item_api_gives_the_sending_and_the_centers_answer_as_the_page_does(
    client, provinces, clock
) -> None:
    token = base._as_province(client)
    assert client.get(f"/api/items/{NGHE_AN_ITEM}").json()["escalation"] is None
    act(client, token, NGHE_AN_ITEM, SENT)
    item = client.get(f"/api/items/{NGHE_AN_ITEM}").json()
    assert (item["escalation"]["username"], item["escalation"]["province"]) == ("nghean", "Nghệ An")
    assert item["escalation"]["note"] == SENT["note"] and item["center_answer"] is None
    client.cookies.clear()
    token = sign_in(client, "binh")
    clock.advance(timedelta(hours=1))
    act(client, token, NGHE_AN_ITEM, CONCLUDED)
    answer = client.get(f"/api/items/{NGHE_AN_ITEM}").json()["center_answer"]
    assert (answer["actor"], answer["status_after_label"]) == ("binh", "Sai sự thật")
