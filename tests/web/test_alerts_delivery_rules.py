"""When each delivery of an alert goes out, through a real SMTP server (aiosmtpd) and a real webhook
receiver on loopback: a refusal for good is not retried; quiet hours hold the daily digest; an
account switching between each alert at once and the digest moves what waits for it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from pressmon.alerts.store import AlertStore, Preference
from pressmon.settings import Settings
from pressmon.web.app import create_app
from tests.web.conftest import flagged, sign_in

URGENT = flagged(1, "urgent", 0.93, title="Cảnh báo cán bộ BHXH giả gọi điện đòi mã OTP")
LATER = flagged(2, "urgent", 0.9)
GONE = "nghiviec@bhxh.test"  # a mailbox the server no longer has
LEAD = "lanhdao@bhxh.test"


@pytest.mark.parametrize("reply", ["550 5.1.1 Mailbox unavailable", "553 5.1.3 Bad address"])
def test_a_recipient_refused_for_good_fails_at_once_and_the_others_get_theirs(
    receivers, make_notifier, clock, reply
) -> None:
    """A 5xx refusal was retried like a 451 for about four hours before it was reported."""
    mailbox, port, _hook, _url = receivers
    mailbox.refused = {GONE: reply}
    notifier = make_notifier(port=port, recipients={"lead": [LEAD, GONE]}, retry_seconds=60)
    notifier.notify([URGENT])
    assert notifier.send_due() == 1
    assert [m["To"] for m in mailbox.messages] == [LEAD]
    [refused] = notifier.store.events(outcome="refused")
    assert refused.channel == f"mailto:{GONE}"
    assert refused.detail.startswith(f"SMTP 127.0.0.1:{port}: máy chủ từ chối hẳn, không gửi lại: ")
    assert reply in refused.detail  # the server's own words
    assert notifier.store.events(outcome="failed") == []
    clock.advance(timedelta(days=1))
    assert notifier.send_due() == 0 and mailbox.refusals == [GONE]  # tried once only
    assert notifier.store.next_due() is None


@pytest.mark.parametrize("reply", ["450 4.2.1 Mailbox busy", "530 5.7.0 Authentication required"])
def test_a_temporary_refusal_is_retried(receivers, make_notifier, clock, reply) -> None:
    """A 4xx, or a 530 (the [alerts] setup, which an administrator fixes), keeps the back-off."""
    mailbox, port, _hook, _url = receivers
    mailbox.refused = {GONE: reply}
    notifier = make_notifier(port=port, recipients={"lead": [GONE]}, retry_seconds=60)
    notifier.notify([URGENT])
    assert notifier.send_due() == 0
    [failed] = notifier.store.events()
    assert failed.outcome == "failed" and reply[:3] in failed.detail
    mailbox.refused = {}
    clock.advance(timedelta(seconds=60))
    assert notifier.send_due() == 1 and [m["To"] for m in mailbox.messages] == [GONE]


@pytest.mark.parametrize(
    ("status", "outcome"),
    [(404, "refused"), (401, "refused"), (410, "refused"), (408, "failed"), (429, "failed")],
)
def test_a_webhook_refusing_for_good_is_not_retried(
    receivers, make_notifier, clock, status, outcome
) -> None:
    _mailbox, _port, hook, url = receivers
    hook.refuse, hook.refuse_status = 1, status
    notifier = make_notifier(webhooks=[url], recipients={}, retry_seconds=60)
    notifier.notify([URGENT])
    assert notifier.send_due() == 0
    [event] = notifier.store.events()
    assert event.outcome == outcome and f"HTTP {status}" in event.detail
    clock.advance(timedelta(seconds=60))
    assert notifier.send_due() == (1 if outcome == "failed" else 0)
    assert len(hook.payloads) == (1 if outcome == "failed" else 0)


NIGHT = {"digest_time": "23:00", "quiet_hours": "22:00-06:30"}


def test_a_digest_time_inside_quiet_hours_waits_for_their_end(
    receivers, make_notifier, settings, clock
) -> None:
    """A digest set at 23:00 with quiet hours 22:00-06:30 was mailed at 23:00, in the quiet hours.
    Quiet hours win: it goes out at 06:30, with what came in meanwhile."""
    mailbox, port, _hook, _url = receivers
    AlertStore(settings.archive.state_path).set_preference(
        "binh", Preference(email="binh@bhxh.test", digest=True)
    )
    notifier = make_notifier(port=port, **NIGHT)
    notifier.notify([URGENT])  # 10:00 in Hà Nội
    clock.now = datetime(2026, 5, 20, 16, 0, tzinfo=UTC)  # 23:00
    assert notifier.send_due() == 0
    clock.now = datetime(2026, 5, 20, 16, 30, tzinfo=UTC)  # 23:30: joins the held digest
    notifier.notify([LATER])
    clock.now = datetime(2026, 5, 20, 23, 29, tzinfo=UTC)  # 06:29
    assert notifier.send_due() == 0 and mailbox.messages == []
    clock.now = datetime(2026, 5, 20, 23, 30, tzinfo=UTC)  # 06:30: quiet hours are over
    assert notifier.send_due() == 2
    [digest] = mailbox.messages
    assert digest["To"] == "binh@bhxh.test"
    assert digest["Subject"] == "[pressmon] Tổng hợp cảnh báo ngày 21/05/2026: 2 tin"


def _signed_in_as_an(settings: Settings, archive, accounts, clock, **alerts: Any):
    """The web app with `alerts` settings, and An's CSRF token."""
    configured = settings.model_copy(update={"alerts": settings.alerts.model_validate(alerts)})
    client = TestClient(create_app(configured, archive=archive, accounts=accounts, clock=clock))
    return client, sign_in(client, "an")


def test_the_alert_settings_page_says_when_a_held_digest_goes_out(
    settings, archive, accounts, clock
) -> None:
    client, _token = _signed_in_as_an(settings, archive, accounts, clock, **NIGHT)
    page = client.get("/canh-bao").text
    assert "Tổng hợp một lần mỗi ngày lúc 06:30 (giờ đặt 23:00 nằm trong giờ yên lặng" in page


QUIET_NIGHTS = {"quiet_hours": "22:00-06:30", "digest_time": "07:30"}
AN = "an@bhxh.test"


def _choose(client: TestClient, token: str, mode: str) -> None:
    form = {"csrf_token": token, "email": AN, "receive": "1", "mode": mode}
    saved = client.post("/canh-bao", data=form, follow_redirects=False)
    assert saved.headers["location"] == "/canh-bao?da_luu=1"


def test_switching_to_at_once_sends_what_waited_for_the_digest_after_the_quiet_hours(
    receivers, make_notifier, settings, archive, accounts, clock
) -> None:
    """Alerts queued for the digest waited for it even after the account chose each alert at
    once: they now go out at once, held only by the quiet hours."""
    mailbox, port, _hook, _url = receivers
    client, token = _signed_in_as_an(settings, archive, accounts, clock, **QUIET_NIGHTS)
    _choose(client, token, "hang-ngay")
    notifier = make_notifier(port=port, **QUIET_NIGHTS)
    notifier.notify([URGENT])  # 10:00 in Hà Nội: for the digest at 07:30 tomorrow
    assert notifier.send_due() == 0
    clock.now = datetime(2026, 5, 20, 16, 0, tzinfo=UTC)  # 23:00: quiet hours
    _choose(client, sign_in(client, "an"), "ngay")  # signed in again: the session timed out
    assert notifier.send_due() == 0
    clock.now = datetime(2026, 5, 20, 23, 30, tzinfo=UTC)  # 06:30: they are over
    assert notifier.send_due() == 1
    [alert] = mailbox.messages
    assert alert["To"] == AN and alert["Subject"].startswith("[pressmon] Tin cần xem ngay: ")
    clock.now = datetime(2026, 5, 21, 0, 30, tzinfo=UTC)  # 07:30: no digest left to send
    assert notifier.send_due() == 0 and len(mailbox.messages) == 1


def test_switching_to_the_digest_moves_what_waits_but_not_what_is_due(
    receivers, make_notifier, settings, archive, accounts, clock
) -> None:
    mailbox, port, _hook, _url = receivers
    client, token = _signed_in_as_an(settings, archive, accounts, clock, **QUIET_NIGHTS)
    _choose(client, token, "ngay")
    notifier = make_notifier(port=port, retry_seconds=60, **QUIET_NIGHTS)
    mailbox.refuse = 1
    notifier.notify([URGENT])
    assert notifier.send_due() == 0  # refused once: waits 60 s for its retry
    notifier.notify([LATER])  # due now, not sent yet
    _choose(client, token, "hang-ngay")
    assert notifier.send_due() == 1  # the one due goes as it was
    assert [m["Subject"] for m in mailbox.messages] == [
        "[pressmon] Tin cần xem ngay: " + LATER.title
    ]
    clock.advance(timedelta(seconds=60))
    assert notifier.send_due() == 0  # the retry waits for the digest now
    clock.now = datetime(2026, 5, 21, 0, 30, tzinfo=UTC)  # 07:30
    assert notifier.send_due() == 1
    digest = mailbox.messages[-1]
    assert digest["Subject"] == "[pressmon] Tổng hợp cảnh báo ngày 21/05/2026: 1 tin"
    assert URGENT.title in digest.get_content()
