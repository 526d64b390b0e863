"""Alerts through a real SMTP server (aiosmtpd) and a real webhook receiver on loopback: content,
one per item, retries with back-off, quiet hours, opt-out, the daily digest, the console."""

from __future__ import annotations

import io
import logging
import re
import socket
import threading
from datetime import UTC, datetime, timedelta

import pytest

from pressmon.alerts.dispatch import BackgroundDispatcher
from pressmon.alerts.store import CLAIM_LEASE, AlertStore, Preference
from pressmon.errors import ConfigError
from pressmon.wiring import notifier_from
from tests.web.alert_receivers import free_port
from tests.web.conftest import flagged, make_doc

URGENT = flagged(1, "urgent", 0.93, title="Cảnh báo cán bộ BHXH giả gọi điện đòi mã OTP")
KNOWN_CLAIM = flagged(2, "review", 0.61, provinces=("Cần Thơ",), province="Cần Thơ")
QUIET = make_doc(5)  # not flagged: no alert
LOW_DEBUNK = flagged(7, "low", 0.2)  # matches a known claim but debunks it: no alert


def test_an_urgent_item_and_a_known_claim_are_mailed_and_posted_once(
    receivers, make_notifier, accounts
) -> None:
    mailbox, port, hook, url = receivers
    notifier = make_notifier(port=port, recipients={"lead": ["lanhdao@bhxh.test"]}, webhooks=[url])
    assert notifier.notify([URGENT, KNOWN_CLAIM, QUIET, LOW_DEBUNK]) == 2
    assert notifier.send_due() == 4

    subjects = sorted(m["Subject"] for m in mailbox.messages)
    assert subjects == [
        "[pressmon] Thông tin sai đã biết xuất hiện lại: Tin đồn cán bộ BHXH gọi điện đòi mã OTP "
        "số 2",
        "[pressmon] Tin cần xem ngay: Cảnh báo cán bộ BHXH giả gọi điện đòi mã OTP",
    ]
    urgent = next(m for m in mailbox.messages if "xem ngay" in m["Subject"])
    assert urgent["From"] == "pressmon@bhxh.test" and urgent["To"] == "lanhdao@bhxh.test"
    body = urgent.get_content()
    for expected in (
        "Tiêu đề: Cảnh báo cán bộ BHXH giả gọi điện đòi mã OTP",
        "Mức: cần xem ngay · điểm rủi ro 0,93",
        "Lý do chính: yêu cầu cung cấp mã OTP",
        "Nguồn: Báo Mẫu · đăng 19/05/2026 08:00",
        "Bài gốc: https://baomau.vn/bai-1.html",
        "Xem và xử lý: https://pressmon.bhxh.test/bai/doc001",
        "không phải kết luận",
    ):
        assert expected in body

    by_id = {p["document_id"]: p for p in hook.payloads}
    assert set(by_id) == {"doc001", "doc002"} and len(hook.payloads) == 2
    assert by_id["doc001"]["tier"] == "urgent" and by_id["doc001"]["tier_label"] == "cần xem ngay"
    assert by_id["doc001"]["risk"] == 0.93
    assert by_id["doc001"]["link"] == "https://pressmon.bhxh.test/bai/doc001"
    assert by_id["doc002"]["trigger"] == "known-claim"

    # Flagged again in a later crawl, by another process: no second alert.
    again = make_notifier(port=port, recipients={"lead": ["lanhdao@bhxh.test"]}, webhooks=[url])
    assert again.notify([URGENT, KNOWN_CLAIM]) == 0
    assert again.send_due() == 0
    assert len(mailbox.messages) == 2 and len(hook.payloads) == 2
    events = notifier.store.events("doc001")
    assert sorted((e.channel, e.outcome) for e in events) == [
        (url, "sent"),
        ("mailto:lanhdao@bhxh.test", "sent"),
    ]


def test_failures_are_recorded_and_retried_with_back_off_then_given_up(
    receivers, make_notifier, clock
) -> None:
    mailbox, port, hook, url = receivers
    notifier = make_notifier(
        port=port,
        recipients={"admin": ["quantri@bhxh.test"]},
        webhooks=[url],
        retry_seconds=60,
        max_attempts=3,
    )
    mailbox.refuse, hook.refuse = 1, 5
    notifier.notify([URGENT])
    assert notifier.send_due() == 0
    failed = notifier.store.events("doc001")
    assert {(e.channel, e.outcome) for e in failed} == {
        ("mailto:quantri@bhxh.test", "failed"),
        (url, "failed"),
    }
    assert "451" in next(e.detail for e in failed if e.channel.startswith("mailto"))
    assert "HTTP 500" in next(e.detail for e in failed if e.channel == url)

    clock.advance(timedelta(seconds=59))  # back-off not over yet
    assert notifier.send_due() == 0
    clock.advance(timedelta(seconds=1))
    assert notifier.send_due() == 1  # the mail goes through on its second attempt
    assert len(mailbox.messages) == 1
    clock.advance(timedelta(seconds=119))  # the webhook's second failure: now 120 s to wait
    assert notifier.send_due() == 0
    clock.advance(timedelta(seconds=1))
    assert notifier.send_due() == 0  # third failure: max_attempts reached, given up
    outcomes = [e.outcome for e in notifier.store.events("doc001") if e.channel == url]
    assert outcomes == ["gave_up", "failed", "failed"]  # newest first
    clock.advance(timedelta(days=1))
    hook.refuse = 0
    assert notifier.send_due() == 0 and hook.payloads == []
    assert notifier.store.next_due() is None


def test_an_unreachable_server_is_a_recorded_failure_not_a_crash(make_notifier) -> None:
    notifier = make_notifier(port=free_port(), recipients={"lead": ["lanhdao@bhxh.test"]})
    notifier.notify([URGENT])
    assert notifier.send_due() == 0
    [event] = notifier.store.events("doc001")
    assert event.outcome == "failed" and "SMTP 127.0.0.1" in event.detail


def test_quiet_hours_hold_alerts_until_they_end(receivers, make_notifier, clock) -> None:
    mailbox, port, hook, url = receivers
    clock.now = datetime(2026, 5, 20, 16, 0, tzinfo=UTC)  # 23:00 in Hà Nội
    notifier = make_notifier(
        port=port,
        recipients={"lead": ["lanhdao@bhxh.test"]},
        webhooks=[url],
        quiet_hours="22:00-06:30",
    )
    notifier.notify([URGENT])
    assert notifier.send_due() == 0
    clock.now = datetime(2026, 5, 20, 23, 29, tzinfo=UTC)  # 06:29
    assert notifier.send_due() == 0 and not mailbox.messages and not hook.payloads
    clock.now = datetime(2026, 5, 20, 23, 30, tzinfo=UTC)  # 06:30: quiet hours are over
    assert notifier.send_due() == 2
    assert len(mailbox.messages) == 1 and len(hook.payloads) == 1


def test_opt_out_own_address_and_the_daily_digest(
    receivers, make_notifier, accounts, clock, settings
) -> None:
    mailbox, port, _hook, _url = receivers
    store = AlertStore(settings.archive.state_path)
    store.set_preference("an", Preference(email="an@bhxh.test", opted_out=True))
    store.set_preference("binh", Preference(email="binh@bhxh.test", digest=True))
    store.set_preference("chi", Preference(email="chi@bhxh.test"))
    notifier = make_notifier(
        port=port,
        recipients={
            "reviewer": ["AN@bhxh.test"],  # listed, but An opted out
            "Cần Thơ": ["cantho@bhxh.test"],  # only items about Cần Thơ
        },
        digest_time="07:30",
    )
    notifier.notify([URGENT])  # Hà Nội
    clock.advance(timedelta(hours=1))
    notifier.notify([KNOWN_CLAIM])  # Cần Thơ
    notifier.send_due()
    assert sorted(tuple(r) for r in mailbox.recipients) == [
        ("cantho@bhxh.test",),
        ("chi@bhxh.test",),
        ("chi@bhxh.test",),
    ]

    clock.now = datetime(2026, 5, 21, 0, 29, tzinfo=UTC)  # 07:29 next day: not yet
    assert notifier.send_due() == 0
    clock.now = datetime(2026, 5, 21, 0, 30, tzinfo=UTC)
    assert notifier.send_due() == 2
    digest = mailbox.messages[-1]
    assert digest["To"] == "binh@bhxh.test"
    assert digest["Subject"] == "[pressmon] Tổng hợp cảnh báo ngày 21/05/2026: 2 tin"
    body = digest.get_content()
    assert "1. Tin cần xem ngay" in body and "2. Thông tin sai đã biết xuất hiện lại" in body
    assert "https://pressmon.bhxh.test/bai/doc002" in body
    assert {e.detail for e in store.events() if e.channel == "mailto:binh@bhxh.test"} == {
        "trong bản tổng hợp hằng ngày"
    }
    assert notifier.send_due() == 0  # each item once in the digest


def test_without_smtp_alerts_are_printed_once(settings, accounts, clock) -> None:
    console = io.StringIO()
    notifier = notifier_from(settings, console=console, clock=clock)
    assert notifier.notify([URGENT, QUIET]) == 1
    assert notifier.send_due() == 1
    printed = console.getvalue()
    assert "CẢNH BÁO · [pressmon] Tin cần xem ngay: Cảnh báo cán bộ BHXH giả" in printed
    assert "Xem và xử lý: http://127.0.0.1:8000/bai/doc001" in printed
    assert notifier.notify([URGENT]) == 0 and notifier.send_due() == 0


def test_the_background_dispatcher_sends_without_the_caller_waiting(
    receivers, make_notifier
) -> None:
    mailbox, port, _hook, _url = receivers
    notifier = make_notifier(port=port, recipients={"lead": ["lanhdao@bhxh.test"]})
    dispatcher = BackgroundDispatcher(notifier, idle_seconds=0.05).start()
    notifier.notify([URGENT])
    dispatcher.wake()
    dispatcher.close(timeout=10)
    assert [m["To"] for m in mailbox.messages] == ["lanhdao@bhxh.test"]


def test_each_account_sets_its_alerts_on_its_own_page(as_reviewer, accounts, settings) -> None:
    client, token = as_reviewer
    page = client.get("/canh-bao").text
    assert "Cài đặt cảnh báo" in page and 'href="/canh-bao"' in page
    assert "cảnh báo được in ra màn hình<" in page  # no SMTP configured here
    assert 'name="receive" value="1" checked' in page  # everyone receives until opting out

    bad = client.post("/canh-bao", data={"csrf_token": token, "email": "an@", "receive": "1"})
    assert bad.status_code == 400 and "Địa chỉ e-mail không hợp lệ." in bad.text
    no_token = client.post("/canh-bao", data={"email": "an@bhxh.test"}, follow_redirects=False)
    assert no_token.status_code == 403

    saved = client.post(
        "/canh-bao",
        data={"csrf_token": token, "email": "an@bhxh.test", "mode": "hang-ngay"},
        follow_redirects=False,
    )
    assert saved.status_code == 303 and saved.headers["location"] == "/canh-bao?da_luu=1"
    store = AlertStore(settings.archive.state_path)
    assert store.preference("an") == Preference("an@bhxh.test", opted_out=True, digest=True)
    assert store.preference("binh") == Preference()  # only one's own settings change
    page = client.get("/canh-bao?da_luu=1").text
    assert "Đã lưu cài đặt cảnh báo." in page and 'value="an@bhxh.test"' in page
    assert re.search(r'name="receive" value="1"\s*>', page)  # opted out: unticked
    assert accounts.events("an")[0].action == "alert-settings"


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_webhook_that_redirects_is_a_failure_naming_the_new_address(
    receivers, make_notifier, status
) -> None:
    """urllib followed a 301/302/303 to a POST with a GET without the JSON: the alert was
    recorded as sent and never arrived. A redirect is now a failure that says where to."""
    _mailbox, _port, hook, url = receivers
    hook.redirect = (status, "/hook-moi")
    notifier = make_notifier(webhooks=[url], recipients={})
    notifier.notify([URGENT])
    assert notifier.send_due() == 0
    [event] = notifier.store.events("doc001")
    assert event.outcome == "failed"
    assert event.detail == (
        f"webhook {url}: HTTP {status}, chuyển hướng tới {url}-moi: "
        "đặt địa chỉ mới trong alerts.webhooks"
    )
    assert hook.gets == [] and hook.payloads == []


def test_two_processes_sending_at_once_mail_each_alert_once(receivers, make_notifier) -> None:
    """`pressmon serve` and a crawl each send what is due from the same state database (both wake
    at a retry or the digest time): a delivery one of them is sending is not sent by the other."""
    mailbox, port, _hook, _url = receivers
    channels = {"port": port, "recipients": {"lead": ["lanhdao@bhxh.test"]}}
    crawl, serve = make_notifier(**channels), make_notifier(**channels)
    crawl.notify([URGENT])
    mailbox.hold = threading.Event()
    sending = threading.Thread(target=crawl.send_due)
    sending.start()
    try:
        assert mailbox.holding.wait(timeout=30)  # the crawl's mail is at the server
        assert serve.send_due() == 0
    finally:
        mailbox.hold.set()
        sending.join(timeout=30)
    assert [m["To"] for m in mailbox.messages] == ["lanhdao@bhxh.test"]
    assert [e.outcome for e in crawl.store.events("doc001")] == ["sent"]


def test_a_delivery_claimed_by_a_process_that_died_is_sent_later(
    receivers, make_notifier, clock
) -> None:
    mailbox, port, _hook, _url = receivers
    channels = {"port": port, "recipients": {"lead": ["lanhdao@bhxh.test"]}}
    crashed, serve = make_notifier(**channels), make_notifier(**channels)
    crashed.notify([URGENT])
    [claimed] = crashed.store.claim_due(clock())  # then the process is killed before sending
    assert serve.send_due() == 0
    clock.advance(CLAIM_LEASE)
    assert serve.send_due() == 1
    assert [m["To"] for m in mailbox.messages] == ["lanhdao@bhxh.test"]


def test_a_sender_named_in_vietnamese_keeps_its_address(receivers, make_notifier) -> None:
    """`from = "Trung tâm Truyền thông BHXH <pressmon@…>"` was encoded whole, address included,
    into one encoded word: the From header had no address left (no reply, spam filters refuse)."""
    mailbox, port, _hook, _url = receivers
    notifier = make_notifier(
        port=port,
        recipients={"lead": ["lanhdao@bhxh.test"]},
        **{"from": "Trung tâm Truyền thông BHXH <pressmon@bhxh.test>"},
    )
    notifier.notify([URGENT])
    assert notifier.send_due() == 1
    [sender] = mailbox.messages[0]["From"].addresses
    assert (sender.display_name, sender.addr_spec) == (
        "Trung tâm Truyền thông BHXH",
        "pressmon@bhxh.test",
    )


def test_an_address_typed_with_vietnamese_letters_is_refused_with_why(
    as_reviewer, settings, receivers, make_notifier
) -> None:
    """Typed with a Vietnamese keyboard on, "lanhđao@…" was saved, and every alert to it failed:
    mail servers without SMTPUTF8 (aiosmtpd's default, most servers) take ASCII addresses only."""
    client, token = as_reviewer
    form = {"csrf_token": token, "email": "lanhđao@bhxh.test", "receive": "1"}
    refused = client.post("/canh-bao", data=form)
    assert refused.status_code == 400
    assert "Địa chỉ e-mail có chữ có dấu (đ)" in refused.text
    assert AlertStore(settings.archive.state_path).preference("an").email == ""

    _mailbox, port, _hook, _url = receivers
    with pytest.raises(ConfigError, match="alerts.recipients.lead: «lanhđao@bhxh.test»"):
        make_notifier(port=port, recipients={"lead": ["lanhđao@bhxh.test"]})
    with pytest.raises(ConfigError, match="alerts.from: «Trung tâm <trungtâm@bhxh.test>»"):
        make_notifier(port=port, **{"from": "Trung tâm <trungtâm@bhxh.test>"})


def test_an_address_with_vietnamese_letters_saved_before_fails_alone(
    receivers, make_notifier, settings
) -> None:
    """Saved before the form refused it: its delivery is a recorded failure saying why, and the
    other recipients are mailed (smtplib raised a TypeError that stopped the whole pass, so every
    alert queued after it was never sent)."""
    mailbox, port, _hook, _url = receivers
    store = AlertStore(settings.archive.state_path)
    store.set_preference("an", Preference(email="lanhđao@bhxh.test"))
    store.set_preference("chi", Preference(email="chi@bhxh.test"))
    notifier = make_notifier(port=port)
    notifier.notify([URGENT, KNOWN_CLAIM])
    assert notifier.send_due() == 2
    assert sorted(m["Subject"][:30] for m in mailbox.messages) == [
        "[pressmon] Thông tin sai đã bi",
        "[pressmon] Tin cần xem ngay: C",
    ]
    failed = store.events(outcome="failed")
    assert {e.channel for e in failed} == {"mailto:lanhđao@bhxh.test"} and len(failed) == 2
    assert "địa chỉ lanhđao@bhxh.test có chữ có dấu (đ)" in failed[0].detail


def test_a_webhook_path_in_vietnamese_is_posted_and_a_malformed_url_refused(
    receivers, make_notifier
) -> None:
    """A path with Vietnamese letters made http.client raise UnicodeEncodeError, not a delivery
    failure: it stopped the whole pass, so no alert after it went out. It is percent-encoded as a
    browser does; a URL no request can be made of is a configuration error."""
    mailbox, port, hook, url = receivers
    notifier = make_notifier(
        port=port, recipients={"lead": ["lanhdao@bhxh.test"]}, webhooks=[f"{url}/cảnh-báo"]
    )
    notifier.notify([URGENT, KNOWN_CLAIM])
    assert notifier.send_due() == 4
    assert hook.paths == ["/hook/c%E1%BA%A3nh-b%C3%A1o"] * 2 and len(mailbox.messages) == 2

    for broken in ("http://[::1/hook", "http://127.0.0.1:99999/hook"):
        with pytest.raises(ConfigError, match=rf"alerts.webhooks: «{re.escape(broken)}»"):
            make_notifier(webhooks=[broken])


def test_a_webhook_at_a_port_that_does_not_speak_http_is_a_recorded_failure(
    receivers, make_notifier
) -> None:
    """A wrong port (here an SSH banner) made http.client raise BadStatusLine, neither an OSError
    nor a delivery failure: it stopped the pass, and the mail queued with it never went out."""
    mailbox, port, _hook, _url = receivers
    banner = socket.socket()
    banner.bind(("127.0.0.1", 0))
    banner.listen()

    def answer() -> None:
        for _ in range(2):
            connection, _address = banner.accept()
            with connection:
                connection.recv(65536)
                connection.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")

    threading.Thread(target=answer, daemon=True).start()
    wrong = f"http://127.0.0.1:{banner.getsockname()[1]}/hook"
    notifier = make_notifier(
        port=port, recipients={"lead": ["lanhdao@bhxh.test"]}, webhooks=[wrong]
    )
    try:
        notifier.notify([URGENT, KNOWN_CLAIM])
        assert notifier.send_due() == 2
    finally:
        banner.close()
    assert len(mailbox.messages) == 2
    failed = notifier.store.events(outcome="failed")
    assert [e.channel for e in failed] == [wrong, wrong]
    assert all("không trả lời bằng HTTP" in e.detail for e in failed)


def test_links_only_this_machine_can_open_are_warned_about_when_alerts_leave_it(
    settings, accounts, clock, caplog
) -> None:
    """Without web.public_url an alert's link is http://127.0.0.1:8000/… (or 0.0.0.0 when the app
    listens on every interface): no recipient can open it. Said when alerts are set up."""
    smtp = settings.alerts.model_validate({"host": "127.0.0.1", "tls": "none"})
    for host in ("127.0.0.1", "0.0.0.0"):
        web = settings.web.model_copy(update={"host": host})
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="pressmon.wiring"):
            notifier_from(settings.model_copy(update={"alerts": smtp, "web": web}), clock=clock)
        [warning] = caplog.messages
        assert f"http://{host}:8000/bai/…" in warning and "web.public_url" in warning
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="pressmon.wiring"):
        notifier_from(settings, console=io.StringIO(), clock=clock)  # printed here: fine
        public = settings.web.model_copy(update={"public_url": "https://pressmon.bhxh.test"})
        notifier_from(settings.model_copy(update={"alerts": smtp, "web": public}), clock=clock)
    assert caplog.messages == []


def test_by_default_an_alert_outlives_a_mail_server_down_for_an_hour(
    receivers, settings, accounts, clock
) -> None:
    """Five attempts (the default before) gave up 15 minutes after the first: a mail server down
    for maintenance lost every alert queued meanwhile. The default now retries for about four
    hours (1, 2, 4… minutes, then hourly)."""
    mailbox, port, _hook, _url = receivers
    alerts = {"host": "127.0.0.1", "port": port, "tls": "none", "recipients": {"lead": ["ld@x.vn"]}}
    config = settings.model_copy(update={"alerts": settings.alerts.model_validate(alerts)})
    notifier = notifier_from(config, clock=clock)
    mailbox.refuse = 7  # the server is down for its first seven attempts
    notifier.notify([URGENT])
    for _ in range(8):
        notifier.send_due()
        clock.advance(timedelta(hours=1))
    assert [m["To"] for m in mailbox.messages] == ["ld@x.vn"]
    outcomes = [e.outcome for e in notifier.store.events("doc001")]
    assert outcomes == ["sent", *["failed"] * 7]
