"""The alert telling the Center that a provincial office sent it an item ("Chuyển Trung tâm"):
who, from which province, their note, and the item (pure).

It reaches the Center alone (pressmon.alerts.recipients): the role keys of [alerts.recipients]
and the Center's accounts, not the provinces. Each sending is an alert of its own: a second
province sending the same item up is another alert naming that province. Its `version` names
the sending (who, province, note, when), so the same sending recorded again queues no second
alert (pressmon.alerts.store).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from index.types import Document, ReviewEvent
from pressmon.alerts.model import CENTER_SENDING, Alert
from pressmon.review.labels import label


def sending_alert(
    document: Document,
    event: ReviewEvent,
    *,
    link: Callable[[str], str],
    name: Callable[[str], str],
) -> Alert | None:
    """The alert for `event` when it is a province sending `document` to the Center, else None.
    `link`: the item's web-app page; `name`: an account's display name."""
    province = str(event.detail.get("province", ""))
    if event.action != "escalate" or not province:
        return None
    sending = [event.actor, province, event.note, event.at.isoformat()]
    return Alert(
        document_id=document.id,
        trigger=CENTER_SENDING,
        title=document.title,
        outlet=document.outlet_name or document.outlet,
        url=document.url,
        link=link(document.id),
        tier=document.tier or "",
        tier_label=label(document.tier),
        risk=round(document.risk or 0.0, 2),
        top_reason="",
        provinces=(province,),
        published_at=document.published_at.isoformat(),
        version=hashlib.sha256(json.dumps(sending, ensure_ascii=False).encode()).hexdigest(),
        sent_by=name(event.actor),
        sent_from=province,
        sending_note=event.note,
        sent_at=event.at.isoformat(),
    )
