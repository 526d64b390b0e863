"""A province whose sending the Center answered hears, through the alerts, when the Center
changes that answer on another province's later sending: through HTTP as both sides act and a
real SMTP server on loopback. Nghệ An sends the item up and the Center concludes; Hà Tĩnh sends it
up and the Center concludes otherwise: Hà Tĩnh hears of the conclusion, Nghệ An that the Center
changed its conclusion, each address as its account chose (at once, in the digest, not at all;
quiet hours hold it), once; the Center sending back Hà Tĩnh's sending alone is no news to Nghệ
An, and a province that never sent the item up hears of neither."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from pressmon.alerts.answers import answer_alerts
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
NGHE_AN_DIGEST = "nga@nghean.bhxh.test"  # the Nghệ An account chose the daily digest
NGHE_AN_DESK = "vanphong@nghean.bhxh.test"  # Nghệ An's office address in [alerts.recipients]
NGHE_AN_OPTED_OUT = "cu@nghean.bhxh.test"  # another Nghệ An account, which opted out
HA_TINH = "tinh@hatinh.bhxh.test"
NEVER_SENT = "da@danang.bhxh.test"  # Đà Nẵng's account: its province never sent the item up
CENTER = "binh@bhxh.test"
CONCLUDED = {"action": "status", "status": "false", "note": "Trung tâm xác nhận sai sự thật"}
CHANGED = {"action": "status", "status": "no_violation", "note": "Bài đã được báo gỡ, cải chính"}


@pytest.fixture
def wired(settings, archive, two_provinces, accounts, clock, receivers):
    """The web app and `pressmon serve`'s sender sharing the state database, alerts by loopback
    SMTP, quiet hours 22:00-06:30, the digest at 07:30; (client, mailbox, notifier)."""
    mailbox, port, _hook, _url = receivers
    alerts = {
        "port": port,
        "quiet_hours": "22:00-06:30",
        "recipients": {"Nghệ An": [NGHE_AN_DESK, NGHE_AN_OPTED_OUT]},
    }
    configured = with_alerts(settings, **alerts)
    store = AlertStore(settings.archive.state_path)
    accounts.add("danang", "matkhau-da-nang-6", "reviewer", "Lý Văn Đà", province="Đà Nẵng")
    accounts.add("cu", "matkhau-nghe-an-8", "reviewer", "Lê Văn Cừ", province="Nghệ An")
    store.set_preference("nghean", Preference(email=NGHE_AN_DIGEST, digest=True))
    store.set_preference("cu", Preference(email=NGHE_AN_OPTED_OUT, opted_out=True))
    for username, address in {"hatinh": HA_TINH, "danang": NEVER_SENT, "binh": CENTER}.items():
        store.set_preference(username, Preference(email=address))
    app = create_app(configured, archive=archive, accounts=accounts, clock=clock)
    sender = notifier_from(configured, clock=clock)
    return TestClient(app, base_url="http://testserver"), mailbox, sender


def _answered_then_sent_by_ha_tinh(client, clock, mailbox, notifier) -> str:
    """Nghệ An sends the item up at 10:00, the Center concludes at 11:00, Hà Tĩnh sends it up at
    12:00; what was alerted until then is sent, and the Center is signed in."""
    act(client, base._as_province(client), ITEM, senders.FROM_NGHE_AN)
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    act(client, sign_in(client, "binh"), ITEM, CONCLUDED)
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    act(client, sign_in(client, "hatinh", senders.HA_TINH_PASSWORD), ITEM, senders.FROM_HA_TINH)
    notifier.send_due()
    assert [m["To"] for m in mailbox.messages if "Trung tâm kết luận" in m["Subject"]] == [
        NGHE_AN_DESK
    ]
    mailbox.messages.clear()
    client.cookies.clear()
    return sign_in(client, "binh")


def test_the_earlier_sender_hears_that_the_center_changed_its_conclusion(
    wired, archive, clock
) -> None:
    client, mailbox, notifier = wired
    token = _answered_then_sent_by_ha_tinh(client, clock, mailbox, notifier)
    clock.advance(timedelta(hours=11))  # 23:00 in Hà Nội: quiet hours
    act(client, token, ITEM, CHANGED)
    # The same answer announced again queues nothing.
    document, history = archive.get(ITEM), archive.review_history(ITEM)
    again = answer_alerts(
        document, history, is_center=lambda e: e.actor == "binh", link=notifier.link, name=str
    )
    assert len(again) == 2 and notifier.announce(*again) is False
    assert notifier.send_due() == 0

    clock.advance(timedelta(hours=7, minutes=30))  # 06:30: the quiet hours end
    notifier.send_due()
    subjects = {m["To"]: m["Subject"] for m in mailbox.messages}
    assert subjects == {
        HA_TINH: f"[pressmon] Trung tâm kết luận: Không vi phạm: {HEADLINE}",
        NGHE_AN_DESK: f"[pressmon] Trung tâm thay đổi kết luận: Không vi phạm: {HEADLINE}",
    }
    [changed] = [m for m in mailbox.messages if m["To"] == NGHE_AN_DESK]
    body = changed.get_content()
    assert "Trả lời: Trung tâm thay đổi kết luận: Không vi phạm" in body
    assert "Trả lời trước đây: Trung tâm kết luận: Sai sự thật" in body
    assert f"Ghi chú của Trung tâm: {CHANGED['note']}" in body
    assert "Tỉnh đã chuyển lên: Nghệ An" in body
    [told] = [m for m in mailbox.messages if m["To"] == HA_TINH]
    assert "Trả lời trước đây" not in told.get_content()

    mailbox.messages.clear()
    clock.advance(timedelta(hours=1))  # 07:30: the digest
    notifier.send_due()
    [digest] = mailbox.messages
    assert digest["To"] == NGHE_AN_DIGEST
    digest_body = digest.get_content()
    assert "1. Trung tâm kết luận: Sai sự thật" in digest_body
    assert "2. Trung tâm thay đổi kết luận: Không vi phạm" in digest_body
    mailed = {e.channel for e in notifier.store.events() if e.trigger == "center-answer"}
    assert not mailed & {f"mailto:{a}" for a in (NEVER_SENT, CENTER, NGHE_AN_OPTED_OUT)}


def test_sending_back_the_later_sending_is_no_news_to_the_earlier_sender(wired, clock) -> None:
    client, mailbox, notifier = wired
    token = _answered_then_sent_by_ha_tinh(client, clock, mailbox, notifier)
    act(client, token, ITEM, {"action": "send_back", "note": "Hà Tĩnh bổ sung nguồn"})
    notifier.send_due()
    assert [(m["To"], m["Subject"]) for m in mailbox.messages] == [
        (HA_TINH, f"[pressmon] Trung tâm trả lại tỉnh: {HEADLINE}")
    ]
