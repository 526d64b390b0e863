"""A province whose sending the Center answered keeps that answer when another province sends
the same item up afterwards: its queue, its "Trung tâm đã trả lời" filter, the item page and the
API show the Center's answer to its own sending, not the other province's wait. The Center's
view, and the other province's, are of the new sending, which waits."""

from __future__ import annotations

from datetime import timedelta

from tests.web import test_web_center_senders as senders
from tests.web.conftest import act, sign_in

two_provinces = senders.two_provinces
provinces = senders.provinces
ITEM = senders.TWO_PROVINCES_ITEM
CONCLUDED = {"action": "status", "status": "false", "note": "Trung tâm xác nhận sai sự thật"}
ANSWER_LINE = "Trung tâm kết luận: <b>Sai sự thật</b>"


def _answered_then_sent_by_ha_tinh(client, clock) -> None:
    """Nghệ An sends the item up at 10:00, the Center concludes at 11:00, Hà Tĩnh sends it up at
    12:00; no one is signed in after."""
    act(client, senders.base._as_province(client), ITEM, senders.FROM_NGHE_AN)
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    act(client, sign_in(client, "an"), ITEM, CONCLUDED)
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    act(client, sign_in(client, "hatinh", senders.HA_TINH_PASSWORD), ITEM, senders.FROM_HA_TINH)
    client.cookies.clear()


def _row(client, sent: str) -> str | None:
    queue = client.get(f"/hang-doi?chuyen={sent}").text
    start = queue.find(f'<a href="/bai/{ITEM}?quay_lai=')  # the link carries the queue view
    return None if start < 0 else queue[start : queue.index("</tr>", start)]


def test_the_province_keeps_the_centers_answer_to_its_own_sending(
    client, two_provinces, clock
) -> None:
    _answered_then_sent_by_ha_tinh(client, clock)
    senders.base._as_province(client)
    row = _row(client, "da-tra-loi")
    assert row is not None, "the Center's answer to Nghệ An is no longer listed as answered"
    assert ANSWER_LINE in row
    assert senders.NGHE_AN_LINE in row
    assert "BHXH Hà Tĩnh" not in row  # Hà Tĩnh's sending is not what Nghệ An waits for
    assert _row(client, "cho") is None

    item = client.get(f"/bai/{ITEM}").text
    assert ANSWER_LINE in item
    detail = client.get(f"/api/items/{ITEM}").json()
    assert detail["center_answer"]["note"] == CONCLUDED["note"]
    assert [s["province"] for s in detail["senders"]] == ["Nghệ An"]
    assert detail["escalation"]["province"] == "Hà Tĩnh"  # the latest sending, as before
    [listed] = client.get("/api/queue?chuyen=da-tra-loi").json()["items"]
    assert listed["center_answer"]["note"] == CONCLUDED["note"]


def test_the_later_sending_waits_for_the_center_and_its_province(
    client, two_provinces, clock
) -> None:
    _answered_then_sent_by_ha_tinh(client, clock)
    for username, password in (("hatinh", senders.HA_TINH_PASSWORD), ("an", None)):
        sign_in(client, username, password)
        row = _row(client, "cho")
        assert row is not None and "Chờ Trung tâm kết luận" in row
        assert senders.HA_TINH_LINE.replace("11:00", "12:00") in row
        assert "BHXH Nghệ An" not in row
        assert _row(client, "da-tra-loi") is None
        client.cookies.clear()


def test_a_sending_back_to_the_later_province_is_no_answer_to_the_earlier(
    client, two_provinces, clock
) -> None:
    _answered_then_sent_by_ha_tinh(client, clock)
    clock.advance(timedelta(hours=1))
    act(client, sign_in(client, "an"), ITEM, {"action": "send_back", "note": "Hà Tĩnh bổ sung"})
    client.cookies.clear()
    senders.base._as_province(client)
    row = _row(client, "da-tra-loi")
    assert row is not None and ANSWER_LINE in row
    assert "Trung tâm trả lại tỉnh" not in row
