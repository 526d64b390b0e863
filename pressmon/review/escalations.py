"""Items a provincial office sent to the Center ("Chuyển Trung tâm"): the latest sending of each,
and the Center's answer to it.

The audit log in the archive keeps every sending (action "escalate"); this table in the state
database is what the Center's queue reads to put them first, without replaying every history.
The Center's answer is read from the item's log: its conclusion (a status that decides, or a
follow-up) or its sending the item back to the province with a note ("Trả lại tỉnh", action
`send_back`), recorded by a Center account after the latest sending. A conclusion the province
itself reached before sending the item up, or after, is not the Center's answer.

Several provinces may send up the same item (a national paper's article about each): the item's
sendings, each province's latest since the Center last answered, are read from its log too
(`sendings`), and the Center's answer is to all of them. A province whose sending the Center
answered before another province sent the item up keeps that answer (`sent_view`): the later
sending waits, its own does not; the Center's conclusion on the later sending replaces it, its
sending back the later sending does not (`answered_now`: whom an answer is news to).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from index.types import ReviewEvent
from pressmon.review.offices import CenterEvent
from pressmon.review.statuses import DECISIONS
from pressmon.state_db import open_state_db, transaction


@dataclass(frozen=True)
class Escalation:
    document_id: str
    username: str  # who sent it
    province: str  # their province when they sent it
    note: str
    at: datetime


class EscalationStore:
    def __init__(self, state_path: Path) -> None:
        self.state_path = state_path
        open_state_db(state_path).close()

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self.state_path)

    def add(self, escalation: Escalation) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT INTO escalations VALUES (?, ?, ?, ?, ?) ON CONFLICT(document_id) DO UPDATE"
                " SET username = excluded.username, province = excluded.province,"
                " note = excluded.note, at = excluded.at",
                (
                    escalation.document_id,
                    escalation.username,
                    escalation.province,
                    escalation.note,
                    escalation.at.isoformat(),
                ),
            )

    def all(self) -> dict[str, Escalation]:
        """document id -> its latest sending to the Center."""
        with self._connect() as db:
            rows = db.execute("SELECT * FROM escalations").fetchall()
        return {row["document_id"]: _escalation(row) for row in rows}

    def get(self, document_id: str) -> Escalation | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT * FROM escalations WHERE document_id = ?", (document_id,)
            ).fetchone()
        return _escalation(row) if row else None


def _escalation(row: sqlite3.Row) -> Escalation:
    return Escalation(
        row["document_id"],
        row["username"],
        row["province"],
        row["note"],
        datetime.fromisoformat(row["at"]),
    )


def _answers(event: ReviewEvent, is_center: CenterEvent) -> bool:
    """Whether `event` is the Center's answer to what was sent up before it."""
    return is_center(event) and (
        event.action in ("follow_up", "send_back")
        or (event.action == "status" and event.status_after in DECISIONS)
    )


def center_answer(history: Sequence[ReviewEvent], is_center: CenterEvent) -> ReviewEvent | None:
    """The Center's latest conclusion on an item since a province last sent it up (`history`:
    oldest first; `is_center`: whether an event is the Center's), or None while it waits."""
    answer: ReviewEvent | None = None
    for event in history:
        if event.action == "escalate":
            answer = None
        elif _answers(event, is_center):
            answer = event
    return answer


def sendings(history: Sequence[ReviewEvent], is_center: CenterEvent) -> tuple[Escalation, ...]:
    """The sendings the Center answers, or is to answer, now (`history`: oldest first): each
    province's latest since the Center's answer before them, oldest first. A province sending the
    item again while it waits replaces its earlier sending; a sending after the Center answered
    starts anew, the provinces it answered having had their answer."""
    current: dict[str, Escalation] = {}
    answered_since = False
    for event in history:
        if event.action == "escalate":
            if answered_since:
                current, answered_since = {}, False
            province = str(event.detail.get("province", ""))
            current.pop(province, None)  # its latest sending, in the order of the latest
            current[province] = _sending(event, province)
        elif current and _answers(event, is_center):
            answered_since = True
    return tuple(current.values())


def answer_to(
    history: Sequence[ReviewEvent], is_center: CenterEvent, province: str
) -> ReviewEvent | None:
    """The Center's latest answer to `province`'s latest sending of the item (`history`: oldest
    first), or None while that sending waits or when the province never sent it up. A conclusion
    since is an answer to it, whichever province sent the item up after; the Center sending the
    item back is one only while that sending was among those it answered (`sendings`): sending
    it back to a province that sent it up later is not."""
    answer: ReviewEvent | None = None
    sent = False
    waiting: set[str] = set()  # the provinces the Center's next answer is to, as in `sendings`
    answered_since = False
    for event in history:
        if event.action == "escalate":
            if answered_since:
                waiting, answered_since = set(), False
            sender = str(event.detail.get("province", ""))
            waiting.add(sender)
            if sender == province:
                answer, sent = None, True
        elif _answers(event, is_center):
            answered_since = answered_since or bool(waiting)
            if sent and (event.action != "send_back" or province in waiting):
                answer = event
    return answer


@dataclass(frozen=True)
class Answered:
    """A province that sent the item up, to which the Center's latest answer is news."""

    province: str
    # The Center's answer it read until now when that answered its sending before another
    # province sent the item up: the latest answer replaces it (a later conclusion answers every
    # sender). None when its sending is among those the latest answer answers (`sendings`).
    replaced: ReviewEvent | None


def answered_now(history: Sequence[ReviewEvent], is_center: CenterEvent) -> tuple[Answered, ...]:
    """The provinces whose Center's answer (`answer_to`) the last event of `history` (oldest
    first) changes: those whose sending it answers (`sendings`, in their order), then those whose
    earlier answer it replaces, in the order they first sent the item up; none when it is no
    answer. A send-back of other provinces' sendings leaves a province's earlier answer as it was.
    """
    if not history or not _answers(history[-1], is_center):
        return ()
    answer, before = history[-1], history[:-1]
    current = tuple(dict.fromkeys(s.province for s in sendings(history, is_center)))
    replaced = []
    for province in dict.fromkeys(
        str(e.detail.get("province", "")) for e in before if e.action == "escalate"
    ):
        earlier = answer_to(before, is_center, province)
        now = answer_to(history, is_center, province)
        if province not in current and now == answer and earlier != answer:
            replaced.append(Answered(province, earlier))
    return (*(Answered(province, None) for province in current), *replaced)


@dataclass(frozen=True)
class SentView:
    """What an account is shown of an item's sendings to the Center: the sendings, and the
    Center's answer to them (None while they wait)."""

    senders: tuple[Escalation, ...]
    answer: ReviewEvent | None


def sent_view(
    latest: Escalation,
    history: Sequence[ReviewEvent],
    is_center: CenterEvent,
    province: str | None,
) -> SentView:
    """The item's sendings as an account of `province` (None: the Center) sees them: the
    Center's, and a province's that never sent the item up, are the sendings the Center answers
    now and its answer to them; a province that sent it up sees the Center's answer to its own
    sending (`answer_to`), and its sending alone once the Center answered it before another
    province's sending, which is not what it waits for. `latest`: the item's latest sending as
    this store keeps it, the one shown when its log lists none."""
    current = sendings(history, is_center) or (latest,)
    own = _latest_sending(history, province) if province is not None else None
    if own is None:
        return SentView(current, center_answer(history, is_center))
    answer = answer_to(history, is_center, own.province)
    return SentView(current if own in current else (own,), answer)


def _latest_sending(history: Sequence[ReviewEvent], province: str) -> Escalation | None:
    event = next(
        (
            e
            for e in reversed(history)
            if e.action == "escalate" and e.detail.get("province") == province
        ),
        None,
    )
    return _sending(event, province) if event else None


def _sending(event: ReviewEvent, province: str) -> Escalation:
    return Escalation(event.document_id, event.actor, province, event.note, event.at)


def answered(
    escalations: Mapping[str, Escalation],
    histories: Mapping[str, Sequence[ReviewEvent]],
    is_center: CenterEvent,
    province: str | None = None,
) -> frozenset[str]:
    """The items sent to the Center that it has answered since, as an account of `province`
    (None: the Center) sees them (see `sent_view`)."""
    return frozenset(
        document_id
        for document_id, sent in escalations.items()
        if sent_view(sent, histories.get(document_id, ()), is_center, province).answer
    )
