"""One audit log across the three places events are kept: review decisions (the archive),
account changes and alert deliveries (the state database), newest first, filtered alike.

Each entry's `action` is `<area>:<code>` (`review:status`, `account:add`, `alert:sent`), so one
filter value names one kind of event whatever its source.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from index.types import IMPORTED, ReviewEvent
from pressmon.alerts.dispatch import CONSOLE, MAILTO
from pressmon.alerts.messages import again
from pressmon.alerts.model import TRIGGER_LABELS, WORKFLOW_TRIGGERS
from pressmon.alerts.store import AlertEvent
from pressmon.review.labels import (
    ACTION_LABELS,
    CLI_PREFIX,
    IMPORTED_SUFFIX,
    SYSTEM_LABEL,
    acting_office,
    detail_text,
    is_account,
    label,
    traced_name,
)
from pressmon.review.offices import OfficeAt
from pressmon.review.statuses import SYSTEM_ACTOR

SYSTEM = SYSTEM_ACTOR  # the actor of alert deliveries and of articles changed at their source
AREA_LABELS: Mapping[str, str] = {
    "review": "Xử lý bài",
    "account": "Tài khoản",
    "alert": "Cảnh báo",
}
AUDIT_ACTION_LABELS: Mapping[str, str] = {
    **{f"review:{code}": text for code, text in ACTION_LABELS.items()},
    "account:add": "Tạo tài khoản",
    "account:disable": "Khoá tài khoản",
    "account:enable": "Mở lại tài khoản",
    "account:set-role": "Đổi vai trò",
    "account:reset-password": "Cấp lại mật khẩu",
    "account:change-password": "Đổi mật khẩu",
    "account:unlock": "Mở khoá đăng nhập",
    "account:set-province": "Đổi đơn vị (tỉnh / Trung tâm)",
    "account:alert-settings": "Đổi cài đặt cảnh báo",
    "alert:sent": "Đã gửi cảnh báo",
    "alert:failed": "Gửi cảnh báo lỗi (sẽ thử lại)",
    "alert:gave_up": "Ngừng gửi cảnh báo (hết số lần thử)",
    "alert:refused": "Cảnh báo bị máy nhận từ chối hẳn (không thử lại)",
    "alert:superseded": "Bỏ cảnh báo chưa gửi (bài đã đổi, có cảnh báo mới)",
    "alert:withdrawn": "Bỏ cảnh báo chưa gửi (người nhận không còn nhận)",
}


@dataclass(frozen=True)
class AuditFilter:
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    actor: str | None = None  # a username, or SYSTEM
    action: str | None = None  # `<area>:<code>`
    limit: int = 500


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str  # `<area>:<code>`
    subject: str  # the document id or the account's username
    detail: str  # an alert's without its channel: `stored_detail` and `channel_label` add it
    document_id: str | None = None  # for a link to the item
    imported: bool = False  # a review event read from an export file: `actor` is only a name
    channel: str = ""  # where an alert went, as stored (`console`, `mailto:…`, a webhook URL)
    applied_from: str | None = None  # a review decided with this item: `detail` names it by id

    @property
    def area(self) -> str:
        return self.action.split(":", 1)[0]


class _AccountEvent(Protocol):
    """pressmon.web.accounts.AccountEvent, as read here."""

    @property
    def at(self) -> datetime: ...
    @property
    def actor(self) -> str: ...
    @property
    def username(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def detail(self) -> str: ...


def action_label(action: str) -> str:
    return AUDIT_ACTION_LABELS.get(action, action)


def review_entry(event: ReviewEvent) -> AuditEntry:
    parts = []
    if event.status_before != event.status_after:
        parts.append(f"{label(event.status_before)} → {label(event.status_after)}")
    parts += [
        detail_text(key, value)
        for key, value in event.detail.items()
        if value is not None and key not in (IMPORTED, "reason")
    ]
    if event.note:
        parts.append(f"ghi chú: {event.note}")
    return AuditEntry(
        at=event.at,
        actor=event.actor,
        action=f"review:{event.action}",
        subject=event.document_id,
        detail="; ".join(parts),
        document_id=event.document_id,
        imported=event.imported,
        applied_from=str(event.detail["applied_from"])
        if event.detail.get("applied_from")
        else None,
    )


def detail_without_origin(entry: AuditEntry) -> str:
    """`entry.detail` less its "Áp dụng theo bài: <id>", for a page that links to that item by
    title instead (the CSV keeps the id)."""
    if not entry.applied_from:
        return entry.detail
    parts = entry.detail.split("; ")
    origin = detail_text("applied_from", entry.applied_from)
    if origin not in parts:  # an imported log may word it otherwise: keep it as it came
        return entry.detail
    # The first such part is the detail's: it comes before the note, which may repeat it.
    parts.remove(origin)
    return "; ".join(parts)


def account_entry(event: _AccountEvent) -> AuditEntry:
    return AuditEntry(
        at=event.at,
        actor=event.actor,
        action=f"account:{event.action}",
        subject=event.username,
        detail=event.detail,
    )


def alert_entry(event: AlertEvent) -> AuditEntry:
    """Where it went, what came of it, and for an item alerted again why (its content changed),
    or that it told the Center of a province's sending or the provinces of the Center's answer."""
    workflow = event.trigger in WORKFLOW_TRIGGERS
    why = TRIGGER_LABELS[event.trigger] if workflow else again(event.sequence)
    return AuditEntry(
        at=event.at,
        actor=SYSTEM,
        action=f"alert:{event.outcome}",
        subject=event.document_id,
        detail=_joined(why, event.detail),
        document_id=event.document_id,
        channel=event.channel,
    )


def _joined(*parts: str) -> str:
    return ": ".join(part for part in parts if part)


def channel_label(channel: str) -> str:
    """Where an alert went, as the alert settings page names it: printed on the console (no mail
    server configured), an e-mail address or a webhook."""
    if channel == CONSOLE:
        return "In ra màn hình (chưa cấu hình máy chủ thư)"
    if channel.startswith(MAILTO):
        return f"E-mail {channel.removeprefix(MAILTO)}"
    return f"Webhook {channel}"


def stored_detail(entry: AuditEntry) -> str:
    """The detail as the CSV export has always held it: an alert's channel first, as stored
    (an e-mail without its `mailto:`)."""
    return _joined(entry.channel.removeprefix(MAILTO), entry.detail)


def shown_alert_detail(entry: AuditEntry) -> str:
    """An alert's detail on the pages: its channel in words, not its code."""
    return _joined(channel_label(entry.channel), entry.detail)


def _code(action: str | None, area: str) -> str | None:
    """The stored code for `action` when it belongs to `area`; "" when it belongs elsewhere."""
    if action is None:
        return None
    prefix = f"{area}:"
    return action.removeprefix(prefix) if action.startswith(prefix) else ""


def merged(sources: Sequence[Sequence[AuditEntry]], limit: int) -> list[AuditEntry]:
    """Entries of every source (each newest first), newest first, at most `limit`."""
    ordered = heapq.merge(*sources, key=lambda entry: entry.at, reverse=True)
    return [entry for _, entry in zip(range(limit), ordered, strict=False)]


def collect(
    wanted: AuditFilter,
    *,
    review_events: Callable[..., Sequence[ReviewEvent]],
    account_events: Callable[..., Sequence[_AccountEvent]],
    alert_events: Callable[..., Sequence[AlertEvent]],
) -> list[AuditEntry]:
    """The entries `wanted` selects from the three logs. A source whose area the action filter
    excludes, or whose actors cannot match (alerts are the system's, accounts people's), is not
    read."""
    sources: list[list[AuditEntry]] = []
    window = {"since": wanted.since, "until": wanted.until}
    review_code = _code(wanted.action, "review")
    if review_code != "":
        events = review_events(actor=wanted.actor, action=review_code, limit=wanted.limit, **window)
        sources.append([review_entry(e) for e in events])
    account_code = _code(wanted.action, "account")
    if account_code != "" and wanted.actor != SYSTEM:
        rows = account_events(actor=wanted.actor, action=account_code, limit=wanted.limit, **window)
        sources.append([account_entry(e) for e in rows])
    alert_code = _code(wanted.action, "alert")
    if alert_code != "" and wanted.actor in (None, SYSTEM):
        rows_ = alert_events(outcome=alert_code, limit=wanted.limit, **window)
        sources.append([alert_entry(e) for e in rows_])
    return merged(sources, wanted.limit)


def actor_name(entry: AuditEntry, names: Mapping[str, str]) -> str:
    """Who did it, as people read it: the account's display name, the system, or the command
    line's user; an imported event's actor is only the name its file gave."""
    if entry.imported:
        return entry.actor + IMPORTED_SUFFIX
    if entry.actor == SYSTEM:
        return SYSTEM_LABEL
    if entry.actor.startswith(CLI_PREFIX):
        return f"Dòng lệnh ({entry.actor.removeprefix(CLI_PREFIX)})"
    return names.get(entry.actor) or entry.actor


def actor_account(entry: AuditEntry) -> str:
    """The username of the account that did it; "" for the system, the command line and an
    imported event, whose actor is no account of this installation."""
    return entry.actor if is_account(entry.actor, entry.imported) else ""


def actor_office(entry: AuditEntry, offices: OfficeAt) -> str:
    """The office the account acted for when it did it (`acting_office`); "" for no account."""
    return acting_office(entry.actor, entry.at, entry.imported, offices)


def traced_actor_name(entry: AuditEntry, names: Mapping[str, str], offices: OfficeAt) -> str:
    """`actor_name` with the account and the office it acted for then beside it, as the audit
    page shows it ("Nguyễn Văn An (an, BHXH Nghệ An)"): leadership reads the name and on whose
    behalf, and the username still traces it."""
    account = actor_account(entry)
    shown = actor_name(entry, names)
    return traced_name(account, shown, actor_office(entry, offices)) if account else shown
