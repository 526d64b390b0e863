"""The Center hears through the alerts when a province sends it an item, through HTTP as the
provinces act and a real SMTP server and webhook receiver on loopback: one alert per sending, in
Vietnamese, naming the province, the sender, their note and the item's link, to the Center's
addresses and accounts (each as it chose: at once, in the digest, not at all; quiet hours hold
it) and never to a province; the same sending announced again queues nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from pressmon.alerts.sendings import sending_alert
from pressmon.alerts.store import AlertStore, Preference
from pressmon.web.app import create_app
from pressmon.wiring import notifier_from
from tests.web import test_web_center_senders as senders
from tests.web import test_web_provinces as base
from tests.web.conftest import act, sign_in, with_alerts

provinces = base.provinces
two_provinces = senders.two_provinces
ITEM = senders.TWO_PROVINCES_ITEM
HEADLINE = "Cuộc gọi giả danh BHXH ở Nghệ An và Hà Tĩnh"
HOSTILE_NOTE = "Tỉnh nhận phản ánh <script>alert(1)</script> trên Zalo"
CENTER_NOW = {"an": "an@bhxh.test", "binh": "binh@bhxh.test"}  # each alert at once
CENTER_DIGEST = "chi@bhxh.test"  # the admin chose the daily digest
CENTER_DESK = "trungtam@bhxh.test"  # the reviewers' address in [alerts.recipients]
PROVINCE_ADDRESSES = {
    "nghean": "nga@nghean.bhxh.test",
    "hatinh": "tinh@hatinh.bhxh.test",
    "danang": "da@danang.bhxh.test",
}
PROVINCE_DESK = "vanphong@nghean.bhxh.test"  # Nghệ An's office address in [alerts.recipients]
OPTED_OUT = "lead@bhxh.test"  # in settings under "lead", but its account opted out


@pytest.fixture
def wired(settings, archive, two_provinces, accounts, clock, receivers):
    """The web app and a sender sharing the state database, alerts by loopback SMTP, quiet
    hours 22:00-06:30; (client, mailbox, hook, notifier)."""
    mailbox, port, hook, url = receivers
    alerts = {
        "port": port,
        "webhooks": [url],
        "quiet_hours": "22:00-06:30",
        "recipients": {
            "Nghệ An": [PROVINCE_DESK],
            "reviewer": [CENTER_DESK],
            "lead": [OPTED_OUT],
        },
    }
    configured = with_alerts(settings, **alerts)
    store = AlertStore(settings.archive.state_path)
    accounts.add("danang", "matkhau-da-nang-6", "reviewer", "Lý Văn Đà", province="Đà Nẵng")
    accounts.add("dung", "matkhau-dung-7", "lead", "Phạm Dũng")
    for username, address in {**CENTER_NOW, **PROVINCE_ADDRESSES}.items():
        store.set_preference(username, Preference(email=address))
    store.set_preference("chi", Preference(email=CENTER_DIGEST, digest=True))
    store.set_preference("dung", Preference(email=OPTED_OUT, opted_out=True))
    app = create_app(configured, archive=archive, accounts=accounts, clock=clock)
    sender = notifier_from(configured, clock=clock)  # `pressmon serve`'s
    return TestClient(app, base_url="http://testserver"), mailbox, hook, sender


def test_the_center_hears_of_each_province_that_sends_the_item_up(wired, clock) -> None:
    client, mailbox, hook, notifier = wired
    act(client, base._as_province(client), ITEM, {**senders.FROM_NGHE_AN, "note": HOSTILE_NOTE})
    assert notifier.send_due() == 4  # the Center's three addresses and the webhook

    assert sorted(m["To"] for m in mailbox.messages) == sorted([*CENTER_NOW.values(), CENTER_DESK])
    message = mailbox.messages[0]
    assert message["Subject"] == f"[pressmon] BHXH Nghệ An chuyển lên Trung tâm: {HEADLINE}"
    assert message["Message-ID"] == f"<pressmon.{ITEM}.chuyen-len.1@bhxh.test>"
    body = message.get_content()
    assert "Người chuyển: Hồ Thị Nga (BHXH Nghệ An), 20/05/2026 10:00" in body
    assert f"Ghi chú của tỉnh: {HOSTILE_NOTE}" in body  # plain text: as written
    assert f"Xem và xử lý: https://pressmon.bhxh.test/bai/{ITEM}" in body
    [payload] = hook.payloads
    assert (payload["trigger"], payload["sent_from"], payload["sending_note"]) == (
        "center-sending",
        "Nghệ An",
        HOSTILE_NOTE,
    )

    # Hà Tĩnh sends the same item up: another alert, naming Hà Tĩnh, threaded after the first.
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    token = sign_in(client, "hatinh", senders.HA_TINH_PASSWORD)
    decided = client.post(
        f"/api/items/{ITEM}/decide",
        json={"action": "escalate", "note": "Hà Tĩnh cũng nhận phản ánh"},
        headers={"X-CSRF-Token": token},
    )
    assert decided.status_code == 200, decided.text
    mailbox.messages.clear()
    assert notifier.send_due() == 4
    second = mailbox.messages[0]
    assert second["Subject"] == f"[pressmon] BHXH Hà Tĩnh chuyển lên Trung tâm: {HEADLINE}"
    assert second["In-Reply-To"] == f"<pressmon.{ITEM}.chuyen-len.1@bhxh.test>"
    assert "Người chuyển: Đặng Văn Tĩnh (BHXH Hà Tĩnh), 20/05/2026 11:00" in second.get_content()

    # The admin reads both in the next digest (07:30); no province is ever mailed of a sending.
    mailbox.messages.clear()
    clock.advance(timedelta(hours=21, minutes=30))
    assert notifier.send_due() == 2
    [digest] = mailbox.messages
    assert digest["To"] == CENTER_DIGEST
    digest_body = digest.get_content()
    assert "1. BHXH Nghệ An chuyển lên Trung tâm" in digest_body
    assert "2. BHXH Hà Tĩnh chuyển lên Trung tâm" in digest_body

    # On the pages the province's note is escaped; the audit log says what the alert was.
    client.cookies.clear()
    sign_in(client, "binh")
    item = client.get(f"/bai/{ITEM}").text
    assert "<script>alert(1)</script>" not in item and "&lt;script&gt;" in item
    log = client.get("/nhat-ky").text
    assert "<script>alert(1)</script>" not in log
    assert f"{CENTER_NOW['an']}: Tỉnh chuyển bài lên Trung tâm" in log
    assert "Khi BHXH tỉnh chuyển bài lên Trung tâm" in client.get("/canh-bao").text


def test_quiet_hours_hold_a_sending_and_no_province_hears_of_it(wired, clock) -> None:
    client, mailbox, _hook, notifier = wired
    clock.advance(timedelta(hours=13))  # 23:00 in Hà Nội
    act(client, base._as_province(client), ITEM, senders.FROM_NGHE_AN)
    assert notifier.send_due() == 0
    clock.advance(timedelta(hours=7, minutes=30))  # 06:30: the quiet hours end
    notifier.send_due()
    mailed = {m["To"] for m in mailbox.messages}
    assert mailed == {*CENTER_NOW.values(), CENTER_DESK}
    assert not mailed & {*PROVINCE_ADDRESSES.values(), PROVINCE_DESK, OPTED_OUT, CENTER_DIGEST}


def test_a_sending_is_alerted_once_and_counted_apart_from_the_items_content(
    wired, archive, clock
) -> None:
    """The same sending announced again queues nothing; the item's own alert (a known false
    claim) is still its first, does not supersede the sending's, and each mail has its own id;
    an edit alerted later supersedes what waits of it by its own number."""
    client, mailbox, _hook, notifier = wired
    act(client, base._as_province(client), ITEM, senders.FROM_NGHE_AN)
    document, history = archive.get(ITEM), archive.review_history(ITEM)
    assert len(history) == 1
    again = sending_alert(document, history, link=notifier.link, name=lambda username: "Hồ Thị Nga")
    assert again is not None and notifier.announce(again) is False

    assert notifier.notify([document]) == 1
    notifier.send_due()
    to_an = {m["Message-ID"]: m["Subject"] for m in mailbox.messages if m["To"] == CENTER_NOW["an"]}
    assert to_an == {
        f"<pressmon.{ITEM}.chuyen-len.1@bhxh.test>": "[pressmon] BHXH Nghệ An chuyển lên "
        f"Trung tâm: {HEADLINE}",
        f"<pressmon.{ITEM}.1@bhxh.test>": "[pressmon] Thông tin sai đã biết xuất hiện lại: "
        f"{HEADLINE}",
    }
    assert notifier.store.events(outcome="superseded") == []
    assert {e.sequence for e in notifier.store.events(outcome="sent")} == {1}

    clock.advance(timedelta(hours=13))  # 23:00: the quiet hours hold what follows
    for edit in ("sửa lần một", "sửa lần hai"):
        assert notifier.notify([replace(document, title=f"{HEADLINE} ({edit})")]) == 1
    # The admin's digest of the first by the second, the rest of the second by the third.
    superseded = {e.detail for e in notifier.store.events(outcome="superseded")}
    assert superseded == {"thay bằng cảnh báo lần 2", "thay bằng cảnh báo lần 3"}


def test_a_province_sending_the_item_up_again_is_told_apart_from_its_first(wired, clock) -> None:
    client, mailbox, _hook, notifier = wired
    token = base._as_province(client)
    act(client, token, ITEM, senders.FROM_NGHE_AN)
    clock.advance(timedelta(hours=1))
    act(client, token, ITEM, {**senders.FROM_NGHE_AN, "note": "Bài vẫn lan truyền"})
    notifier.send_due()
    to_an = [m["Subject"] for m in mailbox.messages if m["To"] == CENTER_NOW["an"]]
    assert to_an == [
        f"[pressmon] BHXH Nghệ An chuyển lên Trung tâm: {HEADLINE}",
        f"[pressmon] BHXH Nghệ An chuyển lại lên Trung tâm (lần 2): {HEADLINE}",
    ]
