"""State database version 11: alerts per item and content version. A database with alerts from
before keeps every alert, delivery and audit event, and its deliveries still waiting go out."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pressmon.alerts.model import alert_for
from pressmon.alerts.store import DIGEST, AlertStore
from pressmon.state_db import MIGRATIONS, migrate, open_state_db
from tests.web.conftest import flagged

AT = datetime(2026, 5, 20, 3, 0, tzinfo=UTC)
SCAM = flagged(1, "urgent", 0.93)
OTHER = flagged(3, "urgent", 0.85)


def _version_10(path: Path) -> None:
    """Two alerts as version 10 kept them (payloads without a content version): doc001 mailed to
    a lead, waiting for Bình's digest, its webhook given up; doc003 mailed."""
    conn = sqlite3.connect(path)
    migrate(conn, MIGRATIONS[:10])
    for n, document in enumerate((SCAM, OTHER)):
        alert = alert_for(document, lambda d: f"https://pressmon.bhxh.test/bai/{d}")
        assert alert is not None
        payload = {k: v for k, v in alert.to_json().items() if k not in {"version", "sequence"}}
        conn.execute(
            "INSERT INTO alerts VALUES (?, 'urgent', ?, ?)",
            (document.id, json.dumps(payload, ensure_ascii=False), (AT + timedelta(n)).isoformat()),
        )
    conn.executemany(
        "INSERT INTO alert_deliveries VALUES (?, ?, ?, ?, ?, ?)",
        [
            ("doc001", "mailto:lanhdao@bhxh.test", "sent", 1, AT.isoformat(), ""),
            ("doc001", "mailto:binh@bhxh.test", DIGEST, 0, AT.isoformat(), ""),
            ("doc001", "http://127.0.0.1:9/hook", "failed", 3, AT.isoformat(), "HTTP 500"),
            ("doc003", "mailto:lanhdao@bhxh.test", "sent", 1, AT.isoformat(), ""),
        ],
    )
    conn.executemany(
        "INSERT INTO alert_events (at, document_id, channel, outcome, detail)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (AT.isoformat(), "doc001", "mailto:lanhdao@bhxh.test", "sent", ""),
            (AT.isoformat(), "doc001", "http://127.0.0.1:9/hook", "gave_up", "HTTP 500"),
            ((AT + timedelta(1)).isoformat(), "doc003", "mailto:lanhdao@bhxh.test", "sent", ""),
        ],
    )
    conn.commit()
    conn.close()


def test_version_11_keeps_every_alert_delivery_and_event(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    _version_10(path)
    conn = open_state_db(path)
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] >= 11
    alerts = conn.execute(
        "SELECT id, document_id, sequence, version, trigger FROM alerts ORDER BY id"
    ).fetchall()
    assert [row[1:] for row in alerts] == [("doc001", 1, "", "urgent"), ("doc003", 1, "", "urgent")]
    ids = {document_id: alert_id for alert_id, document_id, *_ in alerts}
    deliveries = conn.execute(
        "SELECT alert_id, channel, status, attempts, last_error FROM alert_deliveries"
        " ORDER BY alert_id, channel"
    ).fetchall()
    assert deliveries == [
        (ids["doc001"], "http://127.0.0.1:9/hook", "failed", 3, "HTTP 500"),
        (ids["doc001"], "mailto:binh@bhxh.test", DIGEST, 0, ""),
        (ids["doc001"], "mailto:lanhdao@bhxh.test", "sent", 1, ""),
        (ids["doc003"], "mailto:lanhdao@bhxh.test", "sent", 1, ""),
    ]
    assert conn.execute(
        "SELECT document_id, alert_id FROM alert_events ORDER BY id"
    ).fetchall() == [
        ("doc001", ids["doc001"]),
        ("doc001", ids["doc001"]),
        ("doc003", ids["doc003"]),
    ]
    conn.close()

    store = AlertStore(path)
    [waiting] = store.claim_due(AT + timedelta(days=2))
    assert waiting.channel == "mailto:binh@bhxh.test" and waiting.alert.document_id == "doc001"
    assert (waiting.alert.sequence, waiting.alert.version) == (1, "")
    store.sent(waiting, AT + timedelta(days=2), "trong bản tổng hợp hằng ngày")
    assert store.claim_due(AT + timedelta(days=3)) == []
    events = store.events("doc001")
    assert [(e.channel, e.outcome, e.sequence) for e in events] == [
        ("mailto:binh@bhxh.test", "sent", 1),
        ("http://127.0.0.1:9/hook", "gave_up", 1),
        ("mailto:lanhdao@bhxh.test", "sent", 1),
    ]


def test_an_item_alerted_before_version_11_is_alerted_when_it_comes_again(tmp_path: Path) -> None:
    """What it said then was not kept: it comes back only when the crawl read it changed (an
    unchanged page never reaches the alerts), so it is announced; once, as its second alert."""
    path = tmp_path / "state.db"
    _version_10(path)
    store = AlertStore(path)
    alert = alert_for(SCAM, lambda d: d)
    assert alert is not None
    assert store.add(alert, [("console", "pending", AT)], AT + timedelta(days=2))
    assert not store.add(alert, [("console", "pending", AT)], AT + timedelta(days=3))
    [queued] = [d for d in store.claim_due(AT + timedelta(days=3)) if d.channel == "console"]
    assert (queued.alert.sequence, queued.alert.version) == (2, alert.version)
