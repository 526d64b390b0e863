"""State database version 14: each alert's story in an indexed column. Whether a copy's story was
alerted lately is read through indexes, however many alerts there are; a database from before
keeps its alerts, and they still spare their stories' copies (pressmon.alerts.copies)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from index.types import Document
from pressmon.alerts.model import Alert, alert_for
from pressmon.alerts.store import AlertStore, story_alerts
from pressmon.state_db import MIGRATIONS, migrate
from tests.web.test_alerts_story_copies import FIRST, copy_of

AT = datetime(2026, 5, 20, 3, 0, tzinfo=UTC)
CONSOLE = [("console", "pending", AT)]


def _alert(document: Document) -> Alert:
    alert = alert_for(document, lambda d: f"https://pressmon.bhxh.test/bai/{d}")
    assert alert is not None
    return alert


def _version_13(path: Path) -> None:
    """FIRST alerted as version 13 kept it (its story only in the payload), and doc001 alerted
    before alerts kept their story."""
    conn = sqlite3.connect(path)
    migrate(conn, MIGRATIONS[:13])
    older = {
        k: v for k, v in _alert(copy_of(1, story_id=None)).to_json().items() if k != "story_id"
    }
    rows = [(FIRST.id, _alert(FIRST).to_json()), ("doc001", older)]
    conn.executemany(
        "INSERT INTO alerts (document_id, sequence, version, trigger, payload, created_at)"
        " VALUES (?, 1, ?, 'urgent', ?, ?)",
        [(d, p["version"], json.dumps(p, ensure_ascii=False), AT.isoformat()) for d, p in rows],
    )
    conn.executemany(
        "INSERT INTO alert_items (document_id, version) VALUES (?, ?)",
        [(d, p["version"]) for d, p in rows],
    )
    conn.commit()
    conn.close()


def test_version_14_keeps_the_alerts_and_their_stories_spare_their_copies(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    _version_13(path)
    store = AlertStore(path)
    with sqlite3.connect(path) as conn:
        kept = conn.execute("SELECT document_id, story_id FROM alerts ORDER BY id").fetchall()
    conn.close()
    assert kept == [(FIRST.id, FIRST.story_id), ("doc001", "")]
    later = AT + timedelta(hours=3)
    assert not store.add(_alert(copy_of(41)), CONSOLE, later)
    assert store.add(_alert(copy_of(42, provinces=("Nghệ An",))), CONSOLE, later)
    assert store.add(_alert(copy_of(43)), CONSOLE, AT + timedelta(days=8))
    # The alerts from before still count as announced.
    assert not store.add(_alert(FIRST), CONSOLE, later)


def test_a_storys_recent_alerts_are_read_through_indexes(tmp_path: Path) -> None:
    # Read for every alert queued, inside the write lock: a scan would grow with every alert kept.
    path = tmp_path / "state.db"
    store = AlertStore(path)
    assert store.add(_alert(FIRST), CONSOLE, AT)
    for n in range(41, 45):
        assert store.add(_alert(copy_of(n, province=f"Tỉnh {n}", provinces=())), CONSOLE, AT)
    conn = sqlite3.connect(path)
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    found = story_alerts(conn, _alert(copy_of(45)), AT - timedelta(days=7))
    conn.set_trace_callback(None)
    plans = [
        " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")) for sql in statements
    ]
    conn.close()
    assert len(found.recent) == 5 and not found.alerted
    assert plans and not [plan for plan in plans if "SCAN" in plan]
    assert any("alerts_story" in plan for plan in plans)
