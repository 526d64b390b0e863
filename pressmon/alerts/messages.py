"""The words of an alert: e-mail subject and body (one alert, or a day's digest) and the webhook's
JSON. Pure; Vietnamese for people, codes with their labels for machines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from pressmon.alerts.model import (
    CENTER_ANSWER,
    CENTER_SENDING,
    TRIGGER_LABELS,
    WORKFLOW_TRIGGERS,
    Alert,
)
from pressmon.review.labels import office_label

DISCLAIMER = "Điểm rủi ro chỉ để sắp xếp ưu tiên, không phải kết luận: người xác minh quyết định."


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    # A stable name for an alert's message (the item and the alert's number): a retry repeats
    # its Message-ID, and the next alert about the item refers to it (`follows`) so mail readers
    # thread them. "" for a digest.
    key: str = ""
    follows: str = ""


LINK_LABEL = "Xem và xử lý:"  # the line with the web app's link, which the console shows


def _risk(risk: float) -> str:
    return f"{risk:.2f}".replace(".", ",")


def _local(iso: str, tz: ZoneInfo) -> str:
    return datetime.fromisoformat(iso).astimezone(tz).strftime("%d/%m/%Y %H:%M")


def _block(alert: Alert, tz: ZoneInfo) -> list[str]:
    if alert.trigger == CENTER_ANSWER:
        return _answer_block(alert, tz)
    if alert.trigger == CENTER_SENDING:
        return _sending_block(alert, tz)
    lines = [
        f"Tiêu đề: {alert.title}",
        f"Mức: {alert.tier_label} · điểm rủi ro {_risk(alert.risk)}",
        f"Lý do chính: {alert.top_reason or '(không có)'}",
        f"Nguồn: {alert.outlet} · đăng {_local(alert.published_at, tz)}",
    ]
    if alert.provinces:
        lines.append(f"Tỉnh, thành: {', '.join(alert.provinces)}")
    lines += [f"Bài gốc: {alert.url}", f"{LINK_LABEL} {alert.link}"]
    return lines


def _answer_block(alert: Alert, tz: ZoneInfo) -> list[str]:
    """The Center's answer to the provinces that sent the item up, then the item."""
    replaced = [f"Trả lời trước đây: {alert.replaced_answer}"] if alert.replaced_answer else []
    return [
        f"Tiêu đề: {alert.title}",
        f"Trả lời: {alert.answer}",
        *replaced,
        f"Người trả lời: {alert.answered_by}, {_local(alert.answered_at, tz)}",
        f"Ghi chú của Trung tâm: {alert.answer_note or '(không có)'}",
        f"Tỉnh đã chuyển lên: {', '.join(alert.provinces)}",
        f"Nguồn: {alert.outlet} · đăng {_local(alert.published_at, tz)}",
        f"Bài gốc: {alert.url}",
        f"{LINK_LABEL} {alert.link}",
    ]


def _sending_block(alert: Alert, tz: ZoneInfo) -> list[str]:
    """Who sent the item to the Center, from where, why, then the item."""
    return [
        f"Tiêu đề: {alert.title}",
        f"Người chuyển: {alert.sent_by} ({office_label(alert.sent_from)}), "
        f"{_local(alert.sent_at, tz)}",
        f"Ghi chú của tỉnh: {alert.sending_note or '(không có)'}",
        f"Mức: {alert.tier_label}",
        f"Nguồn: {alert.outlet} · đăng {_local(alert.published_at, tz)}",
        f"Bài gốc: {alert.url}",
        f"{LINK_LABEL} {alert.link}",
    ]


def again(sequence: int) -> str:
    """What the `sequence`-th alert about an item says of itself; "" for the first."""
    if sequence <= 1:
        return ""
    return f"nội dung đã thay đổi sau cảnh báo trước, cảnh báo lần {sequence}"


def _heading(alert: Alert) -> str:
    # Each answer, each sending is news of its own, not a repeat.
    if alert.trigger == CENTER_ANSWER:
        return alert.answer
    if alert.trigger == CENTER_SENDING and alert.sent_times > 1:
        return f"{office_label(alert.sent_from)} chuyển lại lên Trung tâm (lần {alert.sent_times})"
    if alert.trigger == CENTER_SENDING:
        return f"{office_label(alert.sent_from)} chuyển lên Trung tâm"
    trigger, repeat = TRIGGER_LABELS[alert.trigger], again(alert.sequence)
    return f"{trigger} ({repeat})" if repeat else trigger


def alert_message(alert: Alert, tz: ZoneInfo) -> Message:
    subject = f"[pressmon] {_heading(alert)}: {alert.title}"
    closing = [] if alert.trigger in WORKFLOW_TRIGGERS else ["", DISCLAIMER]
    body = [f"{_heading(alert)}.", "", *_block(alert, tz), *closing]
    previous = alert.sequence - 1 if alert.follows is None else alert.follows
    follows = _key(alert, previous) if previous >= 1 else ""
    key = _key(alert, alert.sequence)
    return Message(_one_line(subject), "\n".join(body) + "\n", key, follows)


def _key(alert: Alert, sequence: int) -> str:
    """The item's `sequence`-th alert of the kind of `alert`: the Center's answers and the
    sendings to it are numbered apart from the alerts about its content."""
    kind = {CENTER_ANSWER: ".tra-loi", CENTER_SENDING: ".chuyen-len"}.get(alert.trigger, "")
    return f"{alert.document_id}{kind}.{sequence}"


def digest_message(alerts: Sequence[Alert], day: str, tz: ZoneInfo) -> Message:
    """One e-mail with every alert since the last digest; `day` is the local date it covers."""
    subject = f"[pressmon] Tổng hợp cảnh báo ngày {day}: {len(alerts)} tin"
    body = [f"{len(alerts)} tin cần chú ý kể từ bản tổng hợp trước.", ""]
    for number, alert in enumerate(alerts, start=1):
        body += [f"{number}. {_heading(alert)}", *_block(alert, tz), ""]
    body.append(DISCLAIMER)
    return Message(subject, "\n".join(body) + "\n")


def webhook_payload(alert: Alert) -> dict[str, Any]:
    """The JSON POSTed to each webhook: the alert's fields, plus its Vietnamese text."""
    return {
        "event": "pressmon.alert",
        "trigger_label": TRIGGER_LABELS[alert.trigger],
        **alert.to_json(),
    }


def _one_line(text: str) -> str:
    """Header values: a title with a line break must not start a new header."""
    return " ".join(text.split())
