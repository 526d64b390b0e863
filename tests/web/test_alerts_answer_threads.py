"""One answer of the Center alerts several provinces apart, and each reads it after the answers it
had: the mail telling the earlier sender that the Center changed its conclusion follows up the
conclusion it replaces in that province's mailbox (In-Reply-To), and the later sender's first
answer follows up nothing it never received."""

from __future__ import annotations

from datetime import timedelta

from tests.web import test_alerts_changed_conclusion as changed
from tests.web import test_web_center_senders as senders
from tests.web import test_web_provinces as base
from tests.web.conftest import act, sign_in

provinces = changed.provinces
two_provinces = changed.two_provinces
wired = changed.wired


def test_each_province_reads_the_changed_answer_after_its_own(wired, clock) -> None:
    client, mailbox, notifier = wired
    act(client, base._as_province(client), changed.ITEM, senders.FROM_NGHE_AN)
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    act(client, sign_in(client, "binh"), changed.ITEM, changed.CONCLUDED)
    notifier.send_due()
    [first] = [m for m in mailbox.messages if m["To"] == changed.NGHE_AN_DESK]
    mailbox.messages.clear()
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    act(
        client,
        sign_in(client, "hatinh", senders.HA_TINH_PASSWORD),
        changed.ITEM,
        senders.FROM_HA_TINH,
    )
    client.cookies.clear()
    act(client, sign_in(client, "binh"), changed.ITEM, changed.CHANGED)
    notifier.send_due()

    [told_changed] = [m for m in mailbox.messages if m["To"] == changed.NGHE_AN_DESK]
    assert "thay đổi kết luận" in told_changed["Subject"]
    assert told_changed["In-Reply-To"] == told_changed["References"] == first["Message-ID"]
    [told] = [m for m in mailbox.messages if m["To"] == changed.HA_TINH]
    assert told["In-Reply-To"] is None
    assert len({first["Message-ID"], told_changed["Message-ID"], told["Message-ID"]}) == 3
