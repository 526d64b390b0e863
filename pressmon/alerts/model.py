"""What an alert says about an item, and which version of its content it is about, decided from
the archived Document alone (pure)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC
from typing import Any, Literal

from index.types import Document
from pressmon.review.labels import label
from vntext.normalize import normalize_spelling

# "center-answer": the Center answered an item provinces sent it (pressmon.alerts.answers);
# "center-sending": a province sent an item to the Center (pressmon.alerts.sendings); the others
# announce a flagged item.
Trigger = Literal["urgent", "known-claim", "center-answer", "center-sending"]
CENTER_ANSWER: Trigger = "center-answer"
CENTER_SENDING: Trigger = "center-sending"
# The alerts of the province → Center workflow: each is news of its own, not the item's content,
# so they count apart from the content alerts and from each other, and supersede nothing.
WORKFLOW_TRIGGERS: frozenset[str] = frozenset({CENTER_ANSWER, CENTER_SENDING})
TRIGGER_LABELS: Mapping[str, str] = {
    "urgent": "Tin cần xem ngay",
    "known-claim": "Thông tin sai đã biết xuất hiện lại",
    CENTER_ANSWER: "Trung tâm trả lời bài tỉnh chuyển lên",
    CENTER_SENDING: "Tỉnh chuyển bài lên Trung tâm",
}


@dataclass(frozen=True)
class Alert:
    document_id: str
    trigger: Trigger
    title: str
    outlet: str
    url: str  # the article where it was published
    link: str  # its page in the web app
    tier: str
    tier_label: str
    risk: float
    top_reason: str
    provinces: tuple[str, ...]
    published_at: str  # ISO 8601, as archived
    # What the item said when alerted (content_version); "" for alerts from before it was kept.
    version: str = ""
    # The how-many-th alert of its kind about this item: 2 and on when its content changed after
    # the last one, the Center answered again, or it was sent up again (the store numbers them as
    # it queues them).
    sequence: int = 1
    # The `sequence` of the alert of its kind this one follows up in its readers' mailboxes (0:
    # none); None: the one before it. A CENTER_ANSWER's is the latest answer alert its provinces
    # had: one answer alerts several audiences apart, each having read its own earlier answers.
    follows: int | None = None
    # A CENTER_ANSWER's: what the Center decided ("Trung tâm kết luận: Sai sự thật", "Trung tâm
    # trả lại tỉnh", "Trung tâm thay đổi kết luận: Không vi phạm"), its note, who (display name)
    # and when (ISO 8601); "" for the others.
    answer: str = ""
    answer_note: str = ""
    answered_by: str = ""
    answered_at: str = ""
    # A CENTER_ANSWER's to provinces whose earlier answer it replaces (the Center answered their
    # sending before another province sent the item up, then concluded anew): that answer, as
    # `answer` said it ("Trung tâm kết luận: Sai sự thật"); "" for the others.
    replaced_answer: str = ""
    # A CENTER_SENDING's: who sent the item up (display name), from which province, their note
    # and when (ISO 8601); "" for the others.
    sent_by: str = ""
    sent_from: str = ""
    sending_note: str = ""
    sent_at: str = ""
    # A CENTER_SENDING's: how many times its province has sent the item up, this sending
    # included (2 and on: sent up again); 0 for the others and for alerts from before it was kept.
    sent_times: int = 0
    # The item's story (`Document.story_id`, its own id when it has no copies): a copy of a story
    # already alerted to the same audience is not alerted again (pressmon.alerts.copies); "" for
    # alerts from before it was kept.
    story_id: str = ""

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "provinces": list(self.provinces)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Alert:
        return cls(**{**data, "provinces": tuple(data["provinces"])})


def content_version(document: Document) -> str:
    """A digest of what a reader sees of the item (headline, SEO title, text, publication date,
    as pressmon.article_updates compares them), the same whether the document is as processing
    prepared it or as the archive stored it: an item edited at its source gets another."""
    seen = [
        normalize_spelling(document.title),
        normalize_spelling(document.seo_title),
        normalize_spelling(document.body),
        document.published_at.astimezone(UTC).isoformat(),
    ]
    return hashlib.sha256(json.dumps(seen, ensure_ascii=False).encode()).hexdigest()


def _reasons(document: Document) -> list[Mapping[str, Any]]:
    reasons = document.flag_details.get("reasons", []) if document.flag_details else []
    return [r for r in reasons if isinstance(r, Mapping)] if isinstance(reasons, list) else []


def trigger_of(document: Document) -> Trigger | None:
    """Why this item is announced: its tier is urgent, or a known false claim matched and the
    item still needs review (an article debunking the claim scores low and is not announced)."""
    if document.tier == "urgent":
        return "urgent"
    known_claim = any(r.get("kind") == "known-claim" for r in _reasons(document))
    if document.tier == "review" and known_claim:
        return "known-claim"
    return None


def alert_for(document: Document, link: Callable[[str], str]) -> Alert | None:
    """The alert for `document`, or None when it needs none; `link` gives its web-app page."""
    trigger = trigger_of(document)
    if trigger is None:
        return None
    reasons = _reasons(document)
    return item_alert(
        document,
        trigger,
        link,
        top_reason=str(reasons[0].get("text", "")) if reasons else "",
        # Every province whose office sees the item (pressmon.review.scope): its main one too.
        provinces=tuple(dict.fromkeys(p for p in (document.province, *document.provinces) if p)),
        version=content_version(document),
    )


def item_alert(
    document: Document,
    trigger: Trigger,
    link: Callable[[str], str],
    *,
    provinces: tuple[str, ...],
    version: str,
    top_reason: str = "",
) -> Alert:
    """An alert about `document`: what every kind says of the item (a Center answer or a sending
    then adds its own fields)."""
    return Alert(
        document_id=document.id,
        trigger=trigger,
        title=document.title,
        outlet=document.outlet_name or document.outlet,
        url=document.url,
        link=link(document.id),
        tier=document.tier or "",
        tier_label=label(document.tier),
        risk=round(document.risk or 0.0, 2),
        top_reason=top_reason,
        provinces=provinces,
        published_at=document.published_at.isoformat(),
        version=version,
        story_id=document.story,
    )


def workflow_version(parts: list[str]) -> str:
    """The `version` of a workflow alert (an answer, a sending): a digest of what it announces,
    so the same one recorded twice is recognised."""
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()
