"""The alerts telling the provinces that sent an item to the Center of the Center's answer: its
conclusion (a status that decides, or a follow-up) or its sending the item back (pure).

They reach every province the answer is news to (pressmon.review.escalations.answered_now), as
`Alert.provinces`: their offices' accounts and addresses hear of it
(pressmon.alerts.recipients), the Center's do not. The provinces whose sending it answers hear of
the answer; those whose sending the Center answered before another province sent the item up,
and whose answer this one replaces, hear that the Center changed it, in an alert of their own.
Their `version` names the answer to the latest sending, so the same answer recorded again queues
no second alert (pressmon.alerts.store).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from index.types import Document, ReviewEvent
from pressmon.alerts.model import CENTER_ANSWER, Alert, item_alert, workflow_version
from pressmon.review.escalations import answered_now, sendings
from pressmon.review.labels import label
from pressmon.review.offices import CenterEvent


def _decided(answer: ReviewEvent) -> str:
    follow_up = answer.detail.get("follow_up")
    return label(answer.status_after) + (f", {label(str(follow_up))}" if follow_up else "")


def answer_text(answer: ReviewEvent) -> str:
    """What the Center answered, as the item page says it."""
    if answer.action == "send_back":
        return "Trung tâm trả lại tỉnh"
    return f"Trung tâm kết luận: {_decided(answer)}"


def replacing_text(answer: ReviewEvent, replaced: ReviewEvent) -> str:
    """The Center's conclusion `answer` (a send-back replaces no province's answer) as news to a
    province that read `replaced` until now: a changed conclusion says so, the same one said again
    (another note) too; after a send-back it is the province's first conclusion."""
    if replaced.action == "send_back":
        return answer_text(answer)
    same = answer_text(replaced) == answer_text(answer)
    return f"Trung tâm {'kết luận lại' if same else 'thay đổi kết luận'}: {_decided(answer)}"


def answer_alerts(
    document: Document,
    history: Sequence[ReviewEvent],
    *,
    is_center: CenterEvent,
    link: Callable[[str], str],
    name: Callable[[str], str],
) -> tuple[Alert, ...]:
    """The alerts for the Center's answer that the last event of `history` (oldest first) is:
    one to the provinces whose sending it answers, one to those whose earlier answer it replaces
    (for each earlier answer they read); none when it is no such answer (a province's own
    conclusion, a Center's decision on an item no province sent up, any other action).
    `is_center`: whether an event is the Center's; `link`: the item's web-app page; `name`: an
    account's display name."""
    answered = answered_now(history, is_center)
    if not answered:
        return ()
    answer = history[-1]
    latest_sending = max(s.at for s in sendings(history, is_center))
    alert = replace(
        item_alert(
            document,
            CENTER_ANSWER,
            link,
            provinces=(),
            version=workflow_version(
                [latest_sending.isoformat(), answer_text(answer), answer.note]
            ),
        ),
        answer=answer_text(answer),
        answer_note=answer.note,
        answered_by=name(answer.actor),
        answered_at=answer.at.isoformat(),
    )
    audiences: dict[tuple[str, str], list[str]] = {}
    for province in answered:
        if province.replaced is None:
            audience = (alert.answer, "")
        else:
            replaced = province.replaced
            audience = (replacing_text(answer, replaced), answer_text(replaced))
        audiences.setdefault(audience, []).append(province.province)
    return tuple(
        replace(alert, provinces=tuple(provinces), answer=text, replaced_answer=replaced_text)
        for (text, replaced_text), provinces in audiences.items()
    )
