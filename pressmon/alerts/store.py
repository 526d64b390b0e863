"""Alerts, their deliveries and audit log, and accounts' alert preferences in the state database.

An item is announced once per version of its content: `alert_items` keeps the version last seen
of each item alerted, and one statement both compares and updates it, so two crawls flagging the
same content together queue one alert; content edited at the source since is announced again.
Likewise a copy of a story is judged (pressmon.alerts.copies) and queued in one write
transaction, so two processes handling copies of one story at once queue one alert.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pressmon.alerts.copies import COPY_WINDOW, told_already
from pressmon.alerts.model import CENTER_ANSWER, WORKFLOW_TRIGGERS, Alert
from pressmon.state_db import open_state_db, transaction

PENDING, DIGEST, SENT, FAILED = "pending", "digest", "sent", "failed"
# A delivery still waiting (quiet hours, the digest, a retry) when a later alert about the item is
# queued: only the later one goes out, to its own recipients, so a digest lists the item once and
# no one is sent a version the source has already replaced.
SUPERSEDED = "superseded"
# A delivery still waiting to an address that no longer receives the alert (its account opted
# out, was disabled or moved to another province since): not sent.
WITHDRAWN = "withdrawn"
# How long deliveries being sent are withheld from other processes (claim_due); one that died
# meanwhile leaves them to be sent once it ends.
CLAIM_LEASE = timedelta(minutes=15)
# A delivery being sent (claim_due) until its lease ends, by how it goes if it is not sent (its
# sender failed or died): an account's switch between at once and the digest changes only that,
# so no other sender takes it meanwhile, at once or in a digest.
CLAIMED = {PENDING: "claimed", DIGEST: "claimed-digest"}
# Being sent when a later alert about the item was queued: left to its sender, superseded only
# if it is not sent, so the audit log says once what became of it.
SUPERSEDED_WHILE_SENT = "claimed-superseded"
_UNCLAIMED = {claimed: waiting for waiting, claimed in CLAIMED.items()}
_WAITING = (PENDING, DIGEST, *CLAIMED.values())
_IS_WAITING = f"IN ({', '.join('?' * len(_WAITING))})"  # with _WAITING as its parameters
# An alert about the item's content, with WORKFLOW_TRIGGERS as its parameters.
_NOT_WORKFLOW = f"trigger NOT IN ({', '.join('?' * len(WORKFLOW_TRIGGERS))})"


def _iso(moment: datetime) -> str:
    """Stored times are UTC ISO 8601 strings, so comparing them as text compares the times."""
    return moment.astimezone(UTC).isoformat()


@dataclass(frozen=True)
class Delivery:
    alert_id: int
    alert: Alert
    channel: str  # mailto:<address> | <webhook URL> | console
    status: str  # pending | digest, as claimed
    attempts: int  # failed so far


@dataclass(frozen=True)
class AlertEvent:
    at: datetime
    document_id: str
    channel: str
    outcome: str  # sent | failed | gave_up | refused | superseded | withdrawn
    detail: str
    # Of the alert delivered (`Alert.sequence`): 2 and on when the item's content had changed.
    sequence: int = 1
    trigger: str = ""  # of the alert delivered (pressmon.alerts.model.Trigger)


@dataclass(frozen=True)
class StoryAlerts:
    """What `story_alerts` found (pressmon.alerts.copies.told_already)."""

    recent: tuple[Alert, ...]  # item alerts of the story queued since the time asked
    alerted: frozenset[str]  # the alert's document when it ever had an item alert


@dataclass(frozen=True)
class Preference:
    """An account's choice on /canh-bao."""

    email: str = ""
    opted_out: bool = False
    digest: bool = False  # one e-mail a day instead of one per alert


@dataclass(frozen=True)
class Subscriber:
    username: str
    role: str
    preference: Preference
    province: str | None = None  # a provincial office's account hears only of its province


class AlertStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        open_state_db(path).close()

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self.path)

    def add(
        self, alert: Alert, deliveries: Sequence[tuple[str, str, datetime]], created_at: datetime
    ) -> bool:
        """Record `alert` with its (channel, status, due_at) deliveries, numbered after the item's
        earlier alerts; False when the item was last seen with this content already, or is a copy
        whose story's alert reached its audience (pressmon.alerts.copies): nothing is added then,
        and that content is never announced later, as if alerted; another version is judged anew.
        """
        with self._connect() as db:
            # The story's alerts read and this one queued are one step for all processes.
            db.execute("BEGIN IMMEDIATE")
            return self._add(db, alert, deliveries, created_at)

    def count_new(self, alerts: Sequence[Alert], created_at: datetime) -> int:
        """How many of `alerts`, added in turn, `add` would queue, queuing none (a dry run): they
        are added in one transaction then rolled back, so the answer is `add`'s own, each judged
        against the ones before it as a real run judges them."""
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                return sum(self._add(db, alert, (), created_at) for alert in alerts)
            finally:
                db.rollback()

    def _add(
        self,
        db: sqlite3.Connection,
        alert: Alert,
        deliveries: Sequence[tuple[str, str, datetime]],
        created_at: datetime,
    ) -> bool:
        """`add` within the write transaction of `db`."""
        moved = db.execute(
            "INSERT INTO alert_items (document_id, version) VALUES (?, ?)"
            " ON CONFLICT (document_id) DO UPDATE SET version = excluded.version"
            " WHERE alert_items.version != excluded.version",
            (alert.document_id, alert.version),
        ).rowcount
        if not moved:
            return False
        # A copy let go keeps the version just noted: that content is not announced later.
        told = story_alerts(db, alert, created_at - COPY_WINDOW)
        if told_already(alert, told.recent, told.alerted):
            return False
        alert, alert_id = self._insert(db, alert, deliveries, created_at)
        self._supersede(db, alert, alert_id, created_at)
        return True

    def add_answer(
        self,
        alerts: Sequence[tuple[Alert, Sequence[tuple[str, str, datetime]]]],
        created_at: datetime,
    ) -> bool:
        """Record the alerts of one Center's answer (pressmon.alerts.answers: one to each
        audience, all with the answer's `Alert.version`) with their deliveries; False when the
        item's latest such alert is about the same answer: the answer recorded again, or announced
        twice, queues nothing more. They supersede nothing, nor does a later alert supersede them:
        each answer is news of its own."""
        latest_answer = (
            "SELECT 1 FROM alerts WHERE id = (SELECT id FROM alerts WHERE document_id = ?"
            " AND trigger = ? ORDER BY sequence DESC LIMIT 1) AND version = ?"
        )
        return self._add_unless(latest_answer, alerts, created_at)

    def add_sending(
        self, alert: Alert, deliveries: Sequence[tuple[str, str, datetime]], created_at: datetime
    ) -> bool:
        """Record the alert to the Center of a province's sending it the item
        (pressmon.alerts.sendings) with its deliveries; False when that sending (`Alert.version`)
        was alerted already: recorded again, or announced twice, it queues nothing more. Another
        sending of the item, by another province or later, is an alert of its own. It supersedes
        nothing, nor does a later alert supersede it."""
        any_such = "SELECT 1 FROM alerts WHERE document_id = ? AND trigger = ? AND version = ?"
        return self._add_unless(any_such, [(alert, deliveries)], created_at)

    def _add_unless(
        self,
        alerted: str,
        alerts: Sequence[tuple[Alert, Sequence[tuple[str, str, datetime]]]],
        created_at: datetime,
    ) -> bool:
        """Record the workflow alerts of one announcement (of one item, trigger and version),
        each with its deliveries, unless the query `alerted` (taking the item, the trigger and the
        version) finds it was alerted already; False then."""
        first, _ = alerts[0]
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")  # the check and the insert are one step for all processes
            args = (first.document_id, first.trigger, first.version)
            if db.execute(alerted, args).fetchone() is not None:
                return False
            for alert, deliveries in alerts:
                self._insert(db, alert, deliveries, created_at)
        return True

    @staticmethod
    def _insert(
        db: sqlite3.Connection,
        alert: Alert,
        deliveries: Sequence[tuple[str, str, datetime]],
        created_at: datetime,
    ) -> tuple[Alert, int]:
        """`alert` stored with its deliveries; it and its id. The row is numbered after the item's
        earlier alerts (`alerts.sequence`); the alert (`Alert.sequence`, in its payload) after
        those of its kind only: the item's content alerts count 1, 2… as its content changes,
        whatever sendings to the Center and answers of it were alerted between them, and the
        sendings and the answers each count apart (WORKFLOW_TRIGGERS).
        """
        (sequence,) = db.execute(
            "SELECT coalesce(max(sequence), 0) + 1 FROM alerts WHERE document_id = ?",
            (alert.document_id,),
        ).fetchone()
        kind_args: tuple[str, ...]
        if alert.trigger in WORKFLOW_TRIGGERS:
            kind, kind_args = "trigger = ?", (alert.trigger,)
        else:
            kind, kind_args = _NOT_WORKFLOW, tuple(WORKFLOW_TRIGGERS)
        (same_kind,) = db.execute(
            f"SELECT count(*) FROM alerts WHERE document_id = ? AND {kind}",
            (alert.document_id, *kind_args),
        ).fetchone()
        alert = replace(alert, sequence=same_kind + 1)
        if alert.trigger == CENTER_ANSWER:
            alert = replace(alert, follows=_answer_read_before(db, alert))
        db.execute(
            "INSERT INTO alerts"
            " (document_id, sequence, version, trigger, story_id, payload, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                alert.document_id,
                sequence,
                alert.version,
                alert.trigger,
                alert.story_id,
                json.dumps(alert.to_json(), ensure_ascii=False),
                _iso(created_at),
            ),
        )
        (alert_id,) = db.execute(
            "SELECT id FROM alerts WHERE document_id = ? AND sequence = ?",
            (alert.document_id, sequence),
        ).fetchone()
        db.executemany(
            "INSERT INTO alert_deliveries (alert_id, channel, status, due_at) VALUES (?, ?, ?, ?)",
            [(alert_id, ch, state, _iso(due)) for ch, state, due in deliveries],
        )
        return alert, alert_id

    @staticmethod
    def _supersede(db: sqlite3.Connection, alert: Alert, alert_id: int, at: datetime) -> None:
        """The item's earlier deliveries still waiting are superseded by `alert_id`, each in the
        audit log: where the new alert goes too it says what the source says now, and where it
        does not (the edit moved the item to another province) the old one is no longer theirs.
        Those being sent are left to their sender. The alerts of the sendings to the Center and
        of its answers are not the item's content: they stay."""
        earlier = (
            "alert_id IN (SELECT id FROM alerts WHERE document_id = ? AND id != ?"
            f" AND {_NOT_WORKFLOW})"
        )
        db.execute(
            f"UPDATE alert_deliveries SET status = ? WHERE {earlier} AND status IN (?, ?)"
            " AND due_at > ?",
            (
                SUPERSEDED_WHILE_SENT,
                alert.document_id,
                alert_id,
                *WORKFLOW_TRIGGERS,
                *CLAIMED.values(),
                _iso(at),
            ),
        )
        waiting = db.execute(
            f"SELECT alert_id, channel FROM alert_deliveries WHERE {earlier}"
            f" AND status {_IS_WAITING}",
            (alert.document_id, alert_id, *WORKFLOW_TRIGGERS, *_WAITING),
        ).fetchall()
        AlertStore._superseded(db, at, waiting)

    @staticmethod
    def _superseded(
        db: sqlite3.Connection, at: datetime, deliveries: Sequence[tuple[int, str]]
    ) -> None:
        """The (alert_id, channel) deliveries are superseded by the item's latest alert about its
        content (numbered as `_insert` numbers them: its alerts of the workflow not counted)."""
        for alert_id, channel in deliveries:
            document_id, latest = db.execute(
                "SELECT a.document_id, count(later.id) FROM alerts a"
                f" JOIN alerts later USING (document_id) WHERE a.id = ? AND later.{_NOT_WORKFLOW}",
                (alert_id, *WORKFLOW_TRIGGERS),
            ).fetchone()
            db.execute(
                "UPDATE alert_deliveries SET status = ? WHERE alert_id = ? AND channel = ?",
                (SUPERSEDED, alert_id, channel),
            )
            db.execute(
                "INSERT INTO alert_events (at, document_id, alert_id, channel, outcome, detail)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    _iso(at),
                    document_id,
                    alert_id,
                    channel,
                    SUPERSEDED,
                    f"thay bằng cảnh báo lần {latest}",
                ),
            )

    def seen(self, versions: Sequence[tuple[str, str]]) -> None:
        """The (document_id, content version) of items that need no alert now: an item alerted
        before whose content moved on is announced again when it needs one, even if its content
        comes back to what was alerted (a scam replaced by a harmless version, then put back)."""
        with self._connect() as db:
            db.executemany(
                "UPDATE alert_items SET version = ? WHERE document_id = ? AND version != ?",
                [(version, document_id, version) for document_id, version in versions],
            )

    def claim_due(self, now: datetime, per_delivery: timedelta = timedelta(0)) -> list[Delivery]:
        """Deliveries waiting whose time has come, oldest alert first, claimed for the caller:
        their time is put off by a lease (CLAIM_LEASE and `per_delivery` for each), so another
        process sending from the same database (`pressmon serve` and a crawl both do) does not
        send them too. Sending or failing sets it again; a process that dies before leaves them
        due when the lease ends."""
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")  # the read and the claim are one step for all processes
            # Superseded while being sent by a sender that died: not sent, then.
            ended = db.execute(
                "SELECT alert_id, channel FROM alert_deliveries WHERE status = ? AND due_at <= ?",
                (SUPERSEDED_WHILE_SENT, _iso(now)),
            ).fetchall()
            self._superseded(db, now, ended)
            rows = db.execute(
                "SELECT d.alert_id, a.payload, d.channel, d.status, d.attempts"
                " FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id"
                f" WHERE d.status {_IS_WAITING} AND d.due_at <= ?"
                " ORDER BY a.created_at, a.id, d.channel",
                (*_WAITING, _iso(now)),
            ).fetchall()
            # A claim whose lease ended (its sender died) is taken as it would go unclaimed.
            claimed = [
                Delivery(
                    r[0],
                    Alert.from_json(json.loads(r["payload"])),
                    r["channel"],
                    _UNCLAIMED.get(r["status"], r["status"]),
                    r[4],
                )
                for r in rows
            ]
            until = _iso(now + CLAIM_LEASE + per_delivery * len(rows))
            db.executemany(
                "UPDATE alert_deliveries SET status = ?, due_at = ?"
                " WHERE alert_id = ? AND channel = ?",
                [(CLAIMED[d.status], until, d.alert_id, d.channel) for d in claimed],
            )
        return claimed

    def next_due(self) -> datetime | None:
        with self._connect() as db:
            (due,) = db.execute(
                f"SELECT min(due_at) FROM alert_deliveries WHERE status {_IS_WAITING}",
                _WAITING,
            ).fetchone()
        return datetime.fromisoformat(due) if due else None

    def sent(self, delivery: Delivery, at: datetime, detail: str = "") -> None:
        with self._connect() as db:
            db.execute(
                "UPDATE alert_deliveries SET status = ?, attempts = attempts + 1, last_error = ''"
                " WHERE alert_id = ? AND channel = ?",
                (SENT, delivery.alert_id, delivery.channel),
            )
            self._log(db, at, delivery, "sent", detail)

    def withdrawn(self, delivery: Delivery, at: datetime, detail: str) -> None:
        with self._connect() as db:
            db.execute(
                "UPDATE alert_deliveries SET status = ? WHERE alert_id = ? AND channel = ?",
                (WITHDRAWN, delivery.alert_id, delivery.channel),
            )
            self._log(db, at, delivery, WITHDRAWN, detail)

    def failed(
        self,
        delivery: Delivery,
        at: datetime,
        error: str,
        retry_at: datetime | None,
        digest_at: datetime,
        *,
        refused: bool = False,
    ) -> None:
        """A failed attempt: tried again at `retry_at`, or given up for good when None (`refused`:
        at once, the receiving server having refused it for good). Tried again as its account
        chose meanwhile (follow_preference): in the digest at `digest_at` when it was being sent at
        once, else after its back-off."""
        outcome = "refused" if refused else "gave_up" if retry_at is None else "failed"
        with self._connect() as db:
            if retry_at is None:
                db.execute(
                    "UPDATE alert_deliveries SET status = ?, attempts = attempts + 1,"
                    " last_error = ? WHERE alert_id = ? AND channel = ?",
                    (FAILED, error, delivery.alert_id, delivery.channel),
                )
                self._log(db, at, delivery, outcome, error)
                return
            db.execute("BEGIN IMMEDIATE")  # reads what a switch or an edit left with the claim
            (status,) = db.execute(
                "SELECT status FROM alert_deliveries WHERE alert_id = ? AND channel = ?",
                (delivery.alert_id, delivery.channel),
            ).fetchone()
            goes = _UNCLAIMED.get(status, status)
            due = digest_at if goes == DIGEST and delivery.status == PENDING else retry_at
            db.execute(
                "UPDATE alert_deliveries SET status = ?, attempts = attempts + 1,"
                " last_error = ?, due_at = ? WHERE alert_id = ? AND channel = ?",
                (goes, error, _iso(due), delivery.alert_id, delivery.channel),
            )
            self._log(db, at, delivery, outcome, error)
            if status == SUPERSEDED_WHILE_SENT:
                self._superseded(db, at, [(delivery.alert_id, delivery.channel)])

    @staticmethod
    def _log(
        db: sqlite3.Connection, at: datetime, delivery: Delivery, outcome: str, detail: str
    ) -> None:
        db.execute(
            "INSERT INTO alert_events (at, document_id, alert_id, channel, outcome, detail)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                _iso(at),
                delivery.alert.document_id,
                delivery.alert_id,
                delivery.channel,
                outcome,
                detail,
            ),
        )

    def events(
        self,
        document_id: str | None = None,
        *,
        outcome: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 1000,
    ) -> list[AlertEvent]:
        """The audit log of deliveries, newest first: of one item, of one outcome, since <= at <
        until (each when given)."""
        conditions = [
            (document_id, "e.document_id = ?", document_id),
            (outcome, "e.outcome = ?", outcome),
            (since, "e.at >= ?", since and _iso(since)),
            (until, "e.at < ?", until and _iso(until)),
        ]
        where = " AND ".join(sql for given, sql, _ in conditions if given) or "1"
        args = [value for given, _, value in conditions if given]
        with self._connect() as db:
            rows = db.execute(
                "SELECT e.at, e.document_id, e.channel, e.outcome, e.detail,"
                " coalesce(json_extract(a.payload, '$.sequence'), a.sequence, 1),"
                " coalesce(a.trigger, '') FROM alert_events e"
                " LEFT JOIN alerts a"
                f" ON a.id = e.alert_id WHERE {where} ORDER BY e.at DESC, e.id DESC LIMIT ?",
                (*args, limit),
            ).fetchall()
        return [AlertEvent(datetime.fromisoformat(r[0]), *r[1:]) for r in rows]

    # --- accounts' preferences --------------------------------------------------------------

    def preference(self, username: str) -> Preference:
        with self._connect() as db:
            row = db.execute(
                "SELECT email, opted_out, digest FROM alert_preferences WHERE username = ?",
                (username,),
            ).fetchone()
        return Preference(row[0], bool(row[1]), bool(row[2])) if row else Preference()

    def set_preference(self, username: str, preference: Preference) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT INTO alert_preferences (username, email, opted_out, digest)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET email = excluded.email,"
                " opted_out = excluded.opted_out, digest = excluded.digest",
                (username, preference.email, int(preference.opted_out), int(preference.digest)),
            )

    def follow_preference(self, preference: Preference, now: datetime, due: datetime) -> None:
        """Deliveries still waiting to the address of `preference` follow its choice, sent at
        `due` (pressmon.alerts.schedule.send_time). Chosen at once: those waiting
        for the digest (a retry keeps its back-off). Chosen the digest: those held for later
        (quiet hours, a retry), not those already due. One being sent is left to its sender
        (sent once, as it was claimed): only if that fails does it go as now chosen (failed)."""
        if preference.opted_out or not preference.email:
            return
        # Addresses are ASCII (pressmon.alerts.recipients): lower() folds them as recipients do.
        to = "lower(channel) = lower(?)"
        channel = f"mailto:{preference.email}"
        with self._connect() as db:
            if preference.digest:
                db.execute(
                    f"UPDATE alert_deliveries SET status = ?, due_at = ? WHERE {to}"
                    " AND status = ? AND due_at > ?",
                    (DIGEST, _iso(due), channel, PENDING, _iso(now)),
                )
            else:
                # A claim whose lease ended (its sender died) moves as if it was never claimed.
                db.execute(
                    "UPDATE alert_deliveries SET status = ?,"
                    f" due_at = CASE WHEN attempts > 0 THEN due_at ELSE ? END WHERE {to}"
                    " AND (status = ? OR (status = ? AND due_at <= ?))",
                    (PENDING, _iso(due), channel, DIGEST, CLAIMED[DIGEST], _iso(now)),
                )
            # Those being sent keep their claim: they go as now chosen only if their send fails.
            was, chosen = (PENDING, DIGEST) if preference.digest else (DIGEST, PENDING)
            db.execute(
                f"UPDATE alert_deliveries SET status = ? WHERE {to} AND status = ? AND due_at > ?",
                (CLAIMED[chosen], channel, CLAIMED[was], _iso(now)),
            )

    def subscribers(self) -> list[Subscriber]:
        """Active accounts that gave an address or opted out."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT u.username, u.role, p.email, p.opted_out, p.digest, u.province"
                " FROM alert_preferences p JOIN users u USING (username)"
                " WHERE u.disabled = 0 ORDER BY u.username"
            ).fetchall()
        return [
            Subscriber(r[0], r[1], Preference(r[2], bool(r[3]), bool(r[4])), r[5]) for r in rows
        ]


def story_alerts(db: sqlite3.Connection, alert: Alert, since: datetime) -> StoryAlerts:
    """The item alerts (not of the workflow) about `alert`'s story queued since `since`, and
    whether its document ever had one: two reads of indexes (`alerts_story`, the item's
    alerts), however many alerts the database holds."""
    rows = db.execute(
        f"SELECT payload FROM alerts WHERE story_id = ? AND created_at >= ? AND {_NOT_WORKFLOW}",
        (alert.story_id, _iso(since), *WORKFLOW_TRIGGERS),
    ).fetchall()
    ever = db.execute(
        f"SELECT 1 FROM alerts WHERE document_id = ? AND {_NOT_WORKFLOW} LIMIT 1",
        (alert.document_id, *WORKFLOW_TRIGGERS),
    ).fetchone()
    return StoryAlerts(
        recent=tuple(Alert.from_json(json.loads(row[0])) for row in rows),
        alerted=frozenset({alert.document_id} if ever else ()),
    )


def _answer_read_before(db: sqlite3.Connection, alert: Alert) -> int:
    """The `Alert.sequence` of the item's latest answer alert to any of `alert`'s provinces, 0
    when they had none: a province that hears the Center changed its conclusion reads it after
    the answer it had, not after the alert to the province whose sending the Center answered."""
    rows = db.execute(
        "SELECT payload FROM alerts WHERE document_id = ? AND trigger = ? ORDER BY sequence DESC",
        (alert.document_id, CENTER_ANSWER),
    ).fetchall()
    for row in rows:
        earlier = json.loads(row["payload"])
        if set(earlier["provinces"]) & set(alert.provinces):
            return int(earlier.get("sequence", 1))
    return 0
