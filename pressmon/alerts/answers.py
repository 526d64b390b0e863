"""The alert telling the provinces that sent an item to the Center of the Center's answer: its
conclusion (a status that decides, or a follow-up) or its sending the item back (pure).

It reaches every province whose sending the answer answers (pressmon.review.escalations.sendings),
as `Alert.provinces`: their offices' accounts and addresses hear of it
(pressmon.alerts.recipients), the Center's do not. Its `version` names the answer to the latest
sending, so the same answer recorded again queues no second alert (pressmon.alerts.store).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from index.types import Document, ReviewEvent
from pressmon.alerts.model import CENTER_ANSWER, Alert, item_alert, workflow_version
from pressmon.review.escalations import center_answer, sendings
from pressmon.review.labels import label


def answer_text(answer: ReviewEvent) -> str:
    """What the Center answered, as the item page says it."""
    if answer.action == "send_back":
        return "Trung tâm trả lại tỉnh"
    follow_up = answer.detail.get("follow_up")
    decided = label(answer.status_after)
    return f"Trung tâm kết luận: {decided}" + (f", {label(str(follow_up))}" if follow_up else "")


def answer_alert(
    document: Document,
    history: Sequence[ReviewEvent],
    *,
    is_center: Callable[[str], bool],
    link: Callable[[str], str],
    name: Callable[[str], str],
) -> Alert | None:
    """The alert for the Center's answer that the last event of `history` (oldest first) is, or
    None when it is no such answer (a province's own conclusion, a Center's decision on an item no
    province sent up, any other action). `is_center`: whether an actor is the Center's; `link`:
    the item's web-app page; `name`: an account's display name."""
    if not history:
        return None
    answer = history[-1]
    senders = sendings(history, is_center)
    if not senders or center_answer(history, is_center) is not answer:
        return None
    latest_sending = max(s.at for s in senders)
    text = answer_text(answer)
    answered = [latest_sending.isoformat(), text, answer.note]
    return replace(
        item_alert(
            document,
            CENTER_ANSWER,
            link,
            provinces=tuple(dict.fromkeys(s.province for s in senders)),
            version=workflow_version(answered),
        ),
        answer=text,
        answer_note=answer.note,
        answered_by=name(answer.actor),
        answered_at=answer.at.isoformat(),
    )
