"""An item edited at its source and alerted again while its first alert is being sent (claimed by
a sender, its mail held at a real SMTP server on loopback): the first alert is left to its sender,
and the audit log says what became of it, once. Each step is driven in turn: no sleeps."""

from __future__ import annotations

from dataclasses import replace

from pressmon.alerts.store import CLAIM_LEASE
from tests.web.alert_receivers import sending
from tests.web.conftest import flagged

SCAM = flagged(1, "urgent", 0.93, title="Dịch vụ rút BHXH một lần nhanh trong 7 ngày")
EDITED = replace(
    SCAM,
    title="Rút BHXH một lần chỉ trong 3 ngày, phí 10%",
    body="Ưu đãi mới: phí dịch vụ chỉ còn 10%, liên hệ Zalo 0123.456.789 để rút BHXH một lần.",
)
LEAD = {"recipients": {"lead": ["lanhdao@bhxh.test"]}}


def _outcomes(notifier) -> list[tuple[str, int]]:
    """The item's audit log, oldest first: (outcome, which alert)."""
    return [(e.outcome, e.sequence) for e in reversed(notifier.store.events("doc001"))]


def test_an_alert_mailed_while_the_edit_is_alerted_is_logged_sent_not_superseded(
    receivers, make_notifier
) -> None:
    """The first alert, already at the mail server, was logged superseded by the second and then
    sent: the audit log said it was both withheld and mailed."""
    mailbox, port, _hook, _url = receivers
    crawl, serve = make_notifier(port=port, **LEAD), make_notifier(port=port, **LEAD)
    crawl.notify([SCAM])
    with sending(crawl.send_due, mailbox) as sent:
        serve.notify([EDITED])
        assert serve.send_due() == 1
    assert sent == [1]
    assert sorted(m["Subject"].endswith(EDITED.title) for m in mailbox.messages) == [False, True]
    assert sorted(_outcomes(serve)) == [("sent", 1), ("sent", 2)]


def test_an_alert_that_fails_while_the_edit_is_alerted_is_superseded_not_retried(
    receivers, make_notifier, clock
) -> None:
    mailbox, port, _hook, _url = receivers
    crawl = make_notifier(port=port, retry_seconds=60, **LEAD)
    crawl.notify([SCAM])
    mailbox.refuse = 1
    with sending(crawl.send_due, mailbox) as sent:
        crawl.notify([EDITED])
    assert sent == [0]
    assert crawl.send_due() == 1
    clock.advance(CLAIM_LEASE * 2)
    assert crawl.send_due() == 0
    assert [m["Subject"].endswith(EDITED.title) for m in mailbox.messages] == [True]
    assert _outcomes(crawl) == [("failed", 1), ("superseded", 1), ("sent", 2)]


def test_an_alert_whose_sender_died_while_the_edit_was_alerted_is_superseded(
    receivers, make_notifier, clock
) -> None:
    mailbox, port, _hook, _url = receivers
    crashed, serve = make_notifier(port=port, **LEAD), make_notifier(port=port, **LEAD)
    crashed.notify([SCAM])
    [claimed] = crashed.store.claim_due(clock())  # then the process is killed before sending
    serve.notify([EDITED])
    assert serve.send_due() == 1
    clock.advance(CLAIM_LEASE)
    assert serve.send_due() == 0
    assert [m["Subject"].endswith(EDITED.title) for m in mailbox.messages] == [True]
    assert _outcomes(serve) == [("sent", 2), ("superseded", 1)]
