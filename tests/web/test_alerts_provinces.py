"""A provincial office's own alert address hears only of its province's items, as its pages show
only those: an alert is the item's title, reason and link, so it must not reach another province.
Through a real SMTP server on loopback."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from pressmon.alerts.store import AlertStore, Preference
from pressmon.errors import ConfigError
from pressmon.wiring import notifier_from
from tests.web.alert_receivers import smtp_server
from tests.web.conftest import flagged

HA_NOI = flagged(1, "urgent", 0.93, title="Cán bộ BHXH giả gọi điện đòi mã OTP ở Hà Nội")
NGHE_AN = flagged(
    30,
    "urgent",
    0.91,
    province="Nghệ An",
    provinces=("Nghệ An",),
    title="Tin đồn ở Nghệ An: cán bộ BHXH gọi điện đòi mã OTP",
)
# A national paper's item about Nghệ An: its main province is not set, the attribution found it.
NATIONAL = flagged(
    31, "urgent", 0.88, kind="national", province=None, provinces=("Nghệ An", "Hà Nội")
)


def test_a_provincial_account_is_mailed_only_its_provinces_alerts(
    settings, accounts, clock
) -> None:
    accounts.add("nghean", "matkhau-nghe-an-4", "reviewer", "Hồ Thị Nga", province="Nghệ An")
    store = AlertStore(settings.archive.state_path)
    store.set_preference("nghean", Preference(email="nga@nghean.bhxh.test"))
    store.set_preference("an", Preference(email="an@bhxh.test"))  # the Center hears of all
    with smtp_server() as (mailbox, port):
        values: dict[str, Any] = {"host": "127.0.0.1", "port": port, "tls": "none"}
        notifier = notifier_from(
            settings.model_copy(update={"alerts": settings.alerts.model_validate(values)}),
            clock=clock,
        )
        assert notifier.notify([HA_NOI, NGHE_AN, NATIONAL]) == 3
        notifier.send_due()
    received: dict[str, list[str]] = {}
    for message in mailbox.messages:
        received.setdefault(message["To"], []).append(message.get_content())
    assert len(received["an@bhxh.test"]) == 3
    nga = received["nga@nghean.bhxh.test"]
    assert len(nga) == 2 and not any("/bai/doc001" in body for body in nga)
    assert any("/bai/doc030" in body for body in nga) and any("/bai/doc031" in body for body in nga)


def _notifier(settings, clock, **values: Any):
    alerts = settings.alerts.model_validate({"host": "127.0.0.1", "tls": "none", **values})
    return notifier_from(settings.model_copy(update={"alerts": alerts}), clock=clock)


def test_a_province_in_alert_settings_is_read_as_the_filters_read_it(settings, clock) -> None:
    """Without diacritics or with "Tỉnh": the office is mailed its province's alerts (the key
    was compared letter for letter, so none reached it)."""
    with smtp_server() as (mailbox, port):
        notifier = _notifier(
            settings,
            clock,
            port=port,
            recipients={"nghe an": ["nghean@bhxh.test"], "Tỉnh Nghệ An": ["vanphong@bhxh.test"]},
        )
        assert notifier.notify([NGHE_AN, HA_NOI]) == 2
        notifier.send_due()
    assert sorted(m["To"] for m in mailbox.messages) == ["nghean@bhxh.test", "vanphong@bhxh.test"]
    assert all("/bai/doc030" in m.get_content() for m in mailbox.messages)


def test_a_recipients_key_that_is_no_role_nor_province_is_refused(settings, clock) -> None:
    """Its addresses would never hear of anything: said when alerts are set up, not silently."""
    with pytest.raises(ConfigError, match="alerts.recipients: «Nghệ Ann»") as caught:
        _notifier(settings, clock, recipients={"Nghệ Ann": ["nghean@bhxh.test"]})
    assert "gần nhất: Nghệ An" in str(caught.value)
    assert "reviewer, lead, admin" in caught.value.hint


def test_a_waiting_alert_is_not_mailed_to_whom_no_longer_receives_it(
    settings, accounts, clock
) -> None:
    """Between queuing and sending (quiet hours, the digest, a retry) an account may opt out, be
    disabled (someone who left) or move to another province: what is still waiting is then not
    mailed to them (an item's title and reason must not reach who may no longer see it); the
    others' mail goes out, and the audit log says why each was withdrawn."""
    accounts.add("nghean", "matkhau-nghe-an-4", "reviewer", "Hồ Thị Nga", province="Nghệ An")
    store = AlertStore(settings.archive.state_path)
    for name in ("an", "binh", "chi", "nghean"):
        store.set_preference(name, Preference(email=f"{name}@bhxh.test", digest=name == "binh"))
    with smtp_server() as (mailbox, port):
        notifier = _notifier(settings, clock, port=port, quiet_hours="00:00-23:59")
        notifier.notify([NGHE_AN])
        store.set_preference("an", Preference(email="an@bhxh.test", opted_out=True))
        accounts.disable("binh")
        accounts.set_province("nghean", "Hà Tĩnh")
        clock.advance(timedelta(days=1))
        notifier.send_due()
    assert [m["To"] for m in mailbox.messages] == ["chi@bhxh.test"]
    withdrawn = {e.channel: e.detail for e in store.events(outcome="withdrawn")}
    assert set(withdrawn) == {
        "mailto:an@bhxh.test",
        "mailto:binh@bhxh.test",
        "mailto:nghean@bhxh.test",
    }
    assert set(withdrawn.values()) == {"địa chỉ này không còn nhận cảnh báo về tin này"}
    assert notifier.store.next_due() is None


def test_an_edit_that_moves_an_item_to_another_province_withdraws_the_old_offices_waiting_alert(
    settings, accounts, clock
) -> None:
    """Held by quiet hours, the alert for Hà Nội's office was still waiting when the source was
    edited to be about Nghệ An: Hà Nội's office may no longer open the item, so it is not mailed
    the outdated alert; Nghệ An's office gets the new one."""
    accounts.add("hanoi", "matkhau-ha-noi-77", "reviewer", "Lê Văn Hải", province="Hà Nội")
    accounts.add("nghean", "matkhau-nghe-an-4", "reviewer", "Hồ Thị Nga", province="Nghệ An")
    store = AlertStore(settings.archive.state_path)
    store.set_preference("hanoi", Preference(email="hai@hanoi.bhxh.test"))
    store.set_preference("nghean", Preference(email="nga@nghean.bhxh.test"))
    moved = replace(
        HA_NOI,
        title="Tin đồn ở Nghệ An: cán bộ BHXH gọi điện đòi mã OTP",
        province="Nghệ An",
        provinces=("Nghệ An",),
    )
    with smtp_server() as (mailbox, port):
        notifier = _notifier(settings, clock, port=port, quiet_hours="00:00-23:59")
        assert notifier.notify([HA_NOI]) == 1
        assert notifier.notify([moved]) == 1
        clock.advance(timedelta(days=1))
        assert notifier.send_due() == 1
    assert [m["To"] for m in mailbox.messages] == ["nga@nghean.bhxh.test"]
    [superseded] = store.events(outcome="superseded")
    assert superseded.channel == "mailto:hai@hanoi.bhxh.test" and superseded.sequence == 1
