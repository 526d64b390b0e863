"""The provinces that sent an item to the Center hear of its answer through the alerts, through
HTTP as both sides act and a real SMTP server and webhook receiver on loopback: one alert per
answer (a conclusion, a follow-up or a send-back), in Vietnamese, with the decision or the note
and the item's link, to every province that sent the item up and to no one else; none for a
province's own conclusion, none again for the same answer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from pressmon.alerts.store import AlertStore, Preference
from pressmon.web.app import create_app
from pressmon.wiring import notifier_from
from tests.web import test_web_center_senders as senders
from tests.web import test_web_provinces as base
from tests.web.conftest import act, sign_in, with_alerts

provinces = base.provinces
two_provinces = senders.two_provinces
ITEM = senders.TWO_PROVINCES_ITEM
HOSTILE_NOTE = "Mạo danh BHXH <script>alert(1)</script>, đề nghị tỉnh báo công an"
ADDRESSES = {
    "nghean": "nga@nghean.bhxh.test",
    "hatinh": "tinh@hatinh.bhxh.test",
    "an": "an@bhxh.test",
    "binh": "binh@bhxh.test",
    "chi": "chi@bhxh.test",
}
PROVINCE_DESK = "vanphong@nghean.bhxh.test"  # Nghệ An's office address in [alerts.recipients]


@pytest.fixture
def wired(settings, archive, two_provinces, accounts, clock, receivers):
    """The web app and a sender sharing the state database, alerts by loopback SMTP: the
    provincial and Center accounts each gave an address, Nghệ An's office and every reviewer have
    one in settings; (client, mailbox, hook, notifier)."""
    mailbox, port, hook, url = receivers
    alerts = {
        "port": port,
        "webhooks": [url],
        "recipients": {"Nghệ An": [PROVINCE_DESK], "reviewer": ["trungtam@bhxh.test"]},
    }
    configured = with_alerts(settings, **alerts)
    store = AlertStore(settings.archive.state_path)
    accounts.add("danang", "matkhau-da-nang-6", "reviewer", "Lý Văn Đà", province="Đà Nẵng")
    for username, address in {**ADDRESSES, "danang": "da@danang.bhxh.test"}.items():
        store.set_preference(username, Preference(email=address))
    app = create_app(configured, archive=archive, accounts=accounts, clock=clock)
    # `pressmon serve`'s sender: another notifier over the same state database.
    sender = notifier_from(configured, clock=clock)
    return TestClient(app, base_url="http://testserver"), mailbox, hook, sender


def _center_told(notifier, mailbox, hook) -> None:
    """The Center's alerts of the sendings go out (tests/web/test_alerts_center_sendings.py),
    so what follows is the answer's alone."""
    notifier.send_due()
    mailbox.messages.clear()
    hook.payloads.clear()


def _as_center(client) -> str:
    client.cookies.clear()
    return sign_in(client, "binh")


def test_every_province_that_sent_the_item_is_mailed_the_centers_conclusion(wired, clock) -> None:
    client, mailbox, hook, notifier = wired
    senders._sent_by_both(client, clock)
    _center_told(notifier, mailbox, hook)
    token = _as_center(client)
    clock.advance(timedelta(hours=1))
    act(client, token, ITEM, {"action": "status", "status": "false", "note": HOSTILE_NOTE})
    assert notifier.send_due() == 4  # three addresses and the webhook

    assert sorted(m["To"] for m in mailbox.messages) == sorted(
        [ADDRESSES["nghean"], ADDRESSES["hatinh"], PROVINCE_DESK]
    )
    message = mailbox.messages[0]
    assert message["Subject"] == (
        "[pressmon] Trung tâm kết luận: Sai sự thật: Cuộc gọi giả danh BHXH ở Nghệ An và Hà Tĩnh"
    )
    body = message.get_content()
    assert f"Ghi chú của Trung tâm: {HOSTILE_NOTE}" in body  # plain text: as written
    assert "Người trả lời: Trần Thị Bình, 20/05/2026 12:00" in body
    assert "Tỉnh đã chuyển lên: Nghệ An, Hà Tĩnh" in body
    assert f"Xem và xử lý: https://pressmon.bhxh.test/bai/{ITEM}" in body
    [payload] = hook.payloads
    assert (payload["trigger"], payload["answer_note"]) == ("center-answer", HOSTILE_NOTE)
    assert payload["provinces"] == ["Nghệ An", "Hà Tĩnh"]

    # On the pages the Center's note is escaped; the audit log says what the alert was.
    client.cookies.clear()
    base._as_province(client)
    settings_page = client.get("/canh-bao").text
    assert "Khi Trung tâm trả lời bài BHXH Nghệ An đã chuyển lên" in settings_page
    item = client.get(f"/bai/{ITEM}").text
    assert "<script>alert(1)</script>" not in item and "&lt;script&gt;" in item
    _as_center(client)
    log = client.get("/nhat-ky").text
    assert f"{ADDRESSES['hatinh']}: Trung tâm trả lời bài tỉnh chuyển lên" in log
    assert "nội dung đã thay đổi" not in log


def test_each_answer_is_alerted_once(wired, clock) -> None:
    """A follow-up and a send-back are answers too; the same conclusion recorded again (the
    Center took the item up again and concluded the same) is not announced twice, nor is an
    answer announced again; the province's own conclusion is no answer."""
    client, mailbox, hook, notifier = wired
    token = base._as_province(client)
    act(client, token, ITEM, senders.FROM_NGHE_AN)
    _center_told(notifier, mailbox, hook)
    act(client, token, ITEM, {"action": "status", "status": "false", "note": "Tỉnh kết luận"})
    assert notifier.store.next_due() is None  # the province's own conclusion

    token = _as_center(client)
    concluded = {"action": "status", "status": "false", "note": "Trung tâm xác nhận"}
    act(client, token, ITEM, {"action": "status", "status": "in_progress"})
    assert notifier.store.next_due() is None  # taken up is no answer
    act(client, token, ITEM, concluded)
    act(client, token, ITEM, {"action": "status", "status": "in_progress"}, concluded)
    reported = {"action": "follow_up", "follow_up": "correction_requested", "note": ""}
    act(client, token, ITEM, reported)
    act(client, token, ITEM, {"action": "send_back", "note": "Tỉnh gửi thêm ảnh chụp bài"})
    notifier.send_due()
    subjects = [m["Subject"] for m in mailbox.messages if m["To"] == ADDRESSES["nghean"]]
    assert [s.split(": Cuộc gọi")[0] for s in subjects] == [
        "[pressmon] Trung tâm kết luận: Sai sự thật",
        "[pressmon] Trung tâm kết luận: Sai sự thật, Đã đề nghị cải chính",
        "[pressmon] Trung tâm trả lại tỉnh",
    ]
    assert {m["To"] for m in mailbox.messages} == {ADDRESSES["nghean"], PROVINCE_DESK}
    sent_back = next(m for m in mailbox.messages if "trả lại" in m["Subject"])
    assert "Ghi chú của Trung tâm: Tỉnh gửi thêm ảnh chụp bài" in sent_back.get_content()


def test_an_answer_through_the_api_is_alerted_like_one_on_the_page(wired, clock) -> None:
    client, mailbox, hook, notifier = wired
    act(client, base._as_province(client), ITEM, senders.FROM_NGHE_AN)
    _center_told(notifier, mailbox, hook)
    token = _as_center(client)
    decided = client.post(
        f"/api/items/{ITEM}/decide",
        json={"action": "send_back", "note": "Bổ sung nguồn"},
        headers={"X-CSRF-Token": token},
    )
    assert decided.status_code == 200, decided.text
    notifier.send_due()
    assert sorted(m["To"] for m in mailbox.messages) == [ADDRESSES["nghean"], PROVINCE_DESK]


def test_an_alert_about_the_items_content_does_not_replace_the_answers(
    wired, archive, clock
) -> None:
    """Queued together, the item's own alert (a known false claim) and the Center's answer both
    go: the one superseding earlier alerts of the item is about its content, not the answer. The
    content alert is the item's first (the answer before it is not an earlier version of its
    content), and each mail has an id of its own."""
    client, mailbox, _hook, notifier = wired
    act(client, base._as_province(client), ITEM, senders.FROM_NGHE_AN)
    token = _as_center(client)
    act(client, token, ITEM, {"action": "status", "status": "false", "note": "Đã xác minh"})
    assert notifier.notify([archive.get(ITEM)]) == 1
    notifier.send_due()
    to_nga = {
        m["Message-ID"]: m["Subject"] for m in mailbox.messages if m["To"] == ADDRESSES["nghean"]
    }
    assert to_nga == {
        f"<pressmon.{ITEM}.tra-loi.1@bhxh.test>": "[pressmon] Trung tâm kết luận: Sai sự thật: "
        "Cuộc gọi giả danh BHXH ở Nghệ An và Hà Tĩnh",
        f"<pressmon.{ITEM}.1@bhxh.test>": "[pressmon] Thông tin sai đã biết xuất hiện lại: "
        "Cuộc gọi giả danh BHXH ở Nghệ An và Hà Tĩnh",
    }
    assert notifier.store.events(outcome="superseded") == []
    assert {e.sequence for e in notifier.store.events(outcome="sent")} == {1}
