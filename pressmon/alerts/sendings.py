"""The alert telling the Center that a provincial office sent it an item ("Chuyển Trung tâm"):
who, from which province, their note, and the item (pure).

It reaches the Center alone (pressmon.alerts.recipients): the role keys of [alerts.recipients]
and the Center's accounts, not the provinces. Each sending is an alert of its own: a second
province sending the same item up is another alert naming that province, and a province
sending it up again one that says so ("chuyển lại", the how-many-th time: `Alert.sent_times`). Its
`version` names the sending (who, province, note, when), so the same sending recorded again
queues no second alert (pressmon.alerts.store).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from index.types import Document, ReviewEvent
from pressmon.alerts.model import CENTER_SENDING, Alert, item_alert, workflow_version


def sending_alert(
    document: Document,
    history: Sequence[ReviewEvent],
    *,
    link: Callable[[str], str],
    name: Callable[[str], str],
) -> Alert | None:
    """The alert for the last event of `history` (the item's log up to it, oldest first) when it
    is a province sending `document` to the Center, else None. `link`: the item's web-app page;
    `name`: an account's display name."""
    if not history:
        return None
    event = history[-1]
    province = str(event.detail.get("province", ""))
    if event.action != "escalate" or not province:
        return None
    sent_times = sum(
        1 for e in history if e.action == "escalate" and e.detail.get("province") == province
    )
    sending = [event.actor, province, event.note, event.at.isoformat()]
    return replace(
        item_alert(
            document,
            CENTER_SENDING,
            link,
            provinces=(province,),
            version=workflow_version(sending),
        ),
        sent_by=name(event.actor),
        sent_from=province,
        sending_note=event.note,
        sent_at=event.at.isoformat(),
        sent_times=sent_times,
    )
