"""Who receives an alert by e-mail, now or in the daily digest (pure)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from pressmon.alerts.model import CENTER_ANSWER, CENTER_SENDING, Alert
from pressmon.alerts.store import Subscriber
from pressmon.errors import ConfigError

ROLES = frozenset({"reviewer", "lead", "admin"})
_ADDRESS = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\"]+$")
MAX_ADDRESS = 254  # RFC 5321


@dataclass(frozen=True)
class Recipients:
    now: tuple[str, ...]
    digest: tuple[str, ...]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().strip()


def address_problem(address: str) -> str | None:
    """What is wrong with an e-mail address, said after "Địa chỉ e-mail", or None."""
    if len(address) > MAX_ADDRESS or not _ADDRESS.match(address):
        return "không hợp lệ"
    return diacritics_problem(address)


def diacritics_problem(address: str) -> str | None:
    """Letters with diacritics, as a Vietnamese keyboard types them, said after "Địa chỉ
    e-mail", or None: mail servers without SMTPUTF8 (nearly all) take ASCII addresses only."""
    if address.isascii():
        return None
    marked = ", ".join(dict.fromkeys(c for c in address if not c.isascii()))
    return (
        f"có chữ có dấu ({marked}): máy chủ thư chỉ nhận địa chỉ không dấu, gõ lại khi tắt bộ "
        "gõ tiếng Việt"
    )


def check_addresses(configured: Mapping[str, Sequence[str]]) -> None:
    """ConfigError naming the first address of alerts.recipients that no alert could reach."""
    for key, addresses in configured.items():
        for address in addresses:
            problem = address_problem(address.strip())
            if problem:
                raise ConfigError(
                    f"alerts.recipients.{key}: «{address}»: địa chỉ e-mail {problem}",
                    hint="sửa địa chỉ này trong [alerts.recipients] của settings.toml",
                )


def with_provinces_named(
    configured: Mapping[str, Sequence[str]], province: Callable[[str], str]
) -> dict[str, tuple[str, ...]]:
    """`configured` (alerts.recipients) with each key that is not a role replaced by the
    province's stored name, as `province` resolves it (any spelling the filters take), so it
    matches the items' provinces; addresses of two keys naming one province are joined.
    `province` raises for a name it does not know: those addresses would never hear of anything.
    """
    named: dict[str, tuple[str, ...]] = {}
    for key, addresses in configured.items():
        name = key if key in ROLES else province(key)
        named[name] = (*named.get(name, ()), *addresses)
    return named


def recipients_for(
    alert: Alert, configured: Mapping[str, Sequence[str]], subscribers: Sequence[Subscriber]
) -> Recipients:
    """Addresses in settings under a role hear of every alert, under a province of the alerts
    about it; accounts add their own address (now or in the digest), a provincial office's
    account only for the alerts about its province (the items it may see, as
    `pressmon.review.scope`). An account that opted out is left out even when its address is
    also in settings. The Center's answer to what provinces sent it (CENTER_ANSWER, its
    provinces those that sent the item up) is theirs alone: it reaches their offices' accounts and
    addresses, not the roles' nor the Center's accounts, who gave it. A province's sending an
    item to the Center (CENTER_SENDING) is the Center's alone: the roles' addresses and the
    Center's accounts, as for an urgent item, not the provinces, the sender's included."""
    center_hears = alert.trigger != CENTER_ANSWER
    provinces = set() if alert.trigger == CENTER_SENDING else {_fold(p) for p in alert.provinces}
    listed = [
        address
        for key, addresses in configured.items()
        if (key in ROLES and center_hears) or _fold(key) in provinces
        for address in addresses
    ]
    opted_out = {_fold(s.preference.email) for s in subscribers if s.preference.opted_out}
    digest = {
        _fold(s.preference.email)
        for s in subscribers
        if s.preference.digest and not s.preference.opted_out and s.preference.email
    }
    own = [
        s.preference.email
        for s in subscribers
        if s.preference.email
        and (_fold(s.province) in provinces if s.province is not None else center_hears)
    ]
    now: dict[str, str] = {}
    later: dict[str, str] = {}
    for address in [*listed, *own]:
        key = _fold(address)
        if key in opted_out:
            continue
        (later if key in digest else now).setdefault(key, address.strip())
    return Recipients(tuple(now.values()), tuple(later.values()))


def still_receives(
    alert: Alert,
    address: str,
    configured: Mapping[str, Sequence[str]],
    subscribers: Sequence[Subscriber],
) -> bool:
    """Whether `address` is, as of `subscribers` now, among the recipients of `alert` (at once or
    in the digest): an account may have opted out, been disabled or moved to another province
    since the alert was queued for it."""
    to = recipients_for(alert, configured, subscribers)
    return _fold(address) in {_fold(a) for a in (*to.now, *to.digest)}
