"""An account switching between each alert at once and the daily digest while one of its
deliveries is being sent (claimed by a sender, its mail held at a real SMTP server on loopback):
the alert goes out once, as it was being sent; only a send that fails is retried as now chosen.
Each step is driven in turn (claim, switch, other sender, end of the send): no sleeps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from pressmon.alerts.dispatch import Notifier
from pressmon.alerts.store import CLAIM_LEASE
from pressmon.web.app import create_app
from tests.web.alert_receivers import sending
from tests.web.conftest import flagged, sign_in

URGENT = flagged(1, "urgent", 0.93, title="Cảnh báo cán bộ BHXH giả gọi điện đòi mã OTP")
QUIET_NIGHTS = {"quiet_hours": "22:00-06:30", "digest_time": "07:30"}
AN = "an@bhxh.test"
AT_ONCE = "[pressmon] Tin cần xem ngay: " + URGENT.title
DIGEST = "[pressmon] Tổng hợp cảnh báo ngày 21/05/2026: 1 tin"
DIGEST_TIME = datetime(2026, 5, 21, 0, 30, tzinfo=UTC)  # 07:30 in Hà Nội, the day after NOW


def _an_chooses(settings, archive, accounts, clock) -> Callable[[str], None]:
    """An saves `mode` (ngay | hang-ngay) on /canh-bao, signed in afresh each time."""
    configured = settings.model_copy(
        update={"alerts": settings.alerts.model_validate(QUIET_NIGHTS)}
    )
    client = TestClient(create_app(configured, archive=archive, accounts=accounts, clock=clock))

    def choose(mode: str) -> None:
        form = {"csrf_token": sign_in(client, "an"), "email": AN, "receive": "1", "mode": mode}
        saved = client.post("/canh-bao", data=form, follow_redirects=False)
        assert saved.headers["location"] == "/canh-bao?da_luu=1"

    return choose


def _senders(make_notifier, port: int, **alerts: Any) -> tuple[Notifier, Notifier]:
    """Two processes sending from the state database: a crawl and `pressmon serve`."""
    return (
        make_notifier(port=port, **QUIET_NIGHTS, **alerts),
        make_notifier(port=port, **QUIET_NIGHTS, **alerts),
    )


def test_switching_to_at_once_while_the_digest_is_sent_mails_the_alert_once(
    receivers, make_notifier, settings, archive, accounts, clock
) -> None:
    """The switch made the alerts in the digest being sent due at once: another sender mailed
    them again, alone, beside the digest."""
    mailbox, port, _hook, _url = receivers
    choose = _an_chooses(settings, archive, accounts, clock)
    choose("hang-ngay")
    crawl, serve = _senders(make_notifier, port)
    crawl.notify([URGENT])
    clock.now = DIGEST_TIME
    with sending(crawl.send_due, mailbox) as sent:
        choose("ngay")
        assert serve.send_due() == 0
    assert sent == [1]
    clock.advance(CLAIM_LEASE * 2)
    assert serve.send_due() == 0
    assert [m["Subject"] for m in mailbox.messages] == [DIGEST]
    assert [e.outcome for e in crawl.store.events("doc001")] == ["sent"]


def test_switching_to_the_digest_while_an_alert_is_sent_mails_it_once(
    receivers, make_notifier, settings, archive, accounts, clock
) -> None:
    """The switch put the alert being sent into the digest due a minute later: the digest
    mailed it again."""
    mailbox, port, _hook, _url = receivers
    choose = _an_chooses(settings, archive, accounts, clock)
    choose("ngay")
    crawl, serve = _senders(make_notifier, port)
    clock.now = DIGEST_TIME - timedelta(minutes=1)  # 07:29
    crawl.notify([URGENT])
    with sending(crawl.send_due, mailbox) as sent:
        choose("hang-ngay")
        clock.now = DIGEST_TIME
        assert serve.send_due() == 0
    assert sent == [1]
    clock.advance(timedelta(days=1))
    assert serve.send_due() == 0
    assert [m["Subject"] for m in mailbox.messages] == [AT_ONCE]
    assert [e.outcome for e in crawl.store.events("doc001")] == ["sent"]


def test_an_alert_that_fails_after_a_switch_to_the_digest_in_quiet_hours_joins_the_digest(
    receivers, make_notifier, settings, archive, accounts, clock
) -> None:
    """Sent at 21:59, switched to the digest at 22:00, refused: it was retried at the end of the
    quiet hours as a digest of its own instead of joining the next digest."""
    mailbox, port, _hook, _url = receivers
    choose = _an_chooses(settings, archive, accounts, clock)
    choose("ngay")
    crawl, serve = _senders(make_notifier, port, retry_seconds=60)
    clock.now = datetime(2026, 5, 20, 14, 59, tzinfo=UTC)  # 21:59
    crawl.notify([URGENT])
    mailbox.refuse = 1
    with sending(crawl.send_due, mailbox) as sent:
        clock.now = datetime(2026, 5, 20, 15, 0, tzinfo=UTC)  # 22:00: quiet hours
        choose("hang-ngay")
        assert serve.send_due() == 0
    assert sent == [0]
    clock.now = datetime(2026, 5, 20, 23, 30, tzinfo=UTC)  # 06:30: quiet hours are over
    assert serve.send_due() == 0 and mailbox.messages == []
    clock.now = DIGEST_TIME
    assert serve.send_due() == 1
    assert [m["Subject"] for m in mailbox.messages] == [DIGEST]


def test_a_digest_that_fails_after_a_switch_to_at_once_is_retried_alone_after_its_back_off(
    receivers, make_notifier, settings, archive, accounts, clock
) -> None:
    mailbox, port, _hook, _url = receivers
    choose = _an_chooses(settings, archive, accounts, clock)
    choose("hang-ngay")
    crawl, serve = _senders(make_notifier, port, retry_seconds=60)
    crawl.notify([URGENT])
    clock.now = DIGEST_TIME
    mailbox.refuse = 1
    with sending(crawl.send_due, mailbox) as sent:
        choose("ngay")
        assert serve.send_due() == 0
    assert sent == [0]
    clock.advance(timedelta(seconds=59))
    assert serve.send_due() == 0  # the back-off holds
    clock.advance(timedelta(seconds=1))
    assert serve.send_due() == 1
    assert [m["Subject"] for m in mailbox.messages] == [AT_ONCE]
    assert [e.outcome for e in serve.store.events("doc001")] == ["sent", "failed"]


def test_a_digest_whose_sender_died_goes_at_once_after_a_switch_once_its_lease_ends(
    receivers, make_notifier, settings, archive, accounts, clock
) -> None:
    mailbox, port, _hook, _url = receivers
    choose = _an_chooses(settings, archive, accounts, clock)
    choose("hang-ngay")
    crashed, serve = _senders(make_notifier, port)
    crashed.notify([URGENT])
    clock.now = DIGEST_TIME
    [claimed] = crashed.store.claim_due(clock())  # then the process is killed before sending
    clock.advance(CLAIM_LEASE)
    choose("ngay")
    assert serve.send_due() == 1
    assert [m["Subject"] for m in mailbox.messages] == [AT_ONCE]
