"""`pressmon rescore` alerts what the retrained model newly finds "cần xem ngay" in the archive,
as `ingest` would have: once, only what nobody has acted on nor was alerted of, nothing in a
dry run but the count."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from index.sqlite_backend import SQLiteArchive
from index.types import ReviewEvent
from pressmon.alerts.model import alert_for
from pressmon.alerts.store import AlertStore
from tests.pressmon.test_cli_rescore import (
    AT,
    OLD,
    PLAIN,
    SCAM,
    _document,
    reviewed_archive,
    run_rescore,
)


@pytest.fixture
def archive(tmp_path: Path, model_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Articles the current model rates urgent (SCAM): one nobody has touched, one with only a
    note, one decided, one urgent already; and one it rates low (PLAIN)."""
    documents = [
        _document("fresh", SCAM, "low", 0.05, OLD),
        _document("noted", SCAM, "low", 0.05, OLD),
        _document("decided", SCAM, "review", 0.5, OLD),
        _document("urgent", SCAM, "urgent", 0.9, OLD),
        _document("plain", PLAIN, "low", 0.05, OLD),
    ]
    return reviewed_archive(tmp_path / "archive.db", documents, model_file, monkeypatch)


def _alerted(archive: Path) -> list[tuple[str, str]]:
    """The (item, trigger) of every alert queued in the state database beside the archive."""
    path = archive.with_name("archive-state.db")
    if not path.exists():  # nothing opened it: no alert was queued
        return []
    with sqlite3.connect(path) as db:
        return db.execute("SELECT document_id, trigger FROM alerts ORDER BY id").fetchall()


def test_an_unreviewed_article_turned_urgent_is_alerted_once_and_sent(archive: Path) -> None:
    result = run_rescore(archive)
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("bỏ qua 0 bài đã chấm bằng mô hình này; xếp 1 cảnh báo để gửi.\n")
    # Neither the noted nor the decided one (someone is on them), nor the one urgent already.
    assert _alerted(archive) == [("fresh", "urgent")]
    # Sent as ingest sends: no SMTP configured, printed on stderr.
    assert result.stderr.count("CẢNH BÁO · [pressmon] Tin cần xem ngay: ") == 1
    assert "/bai/fresh" in result.stderr


def test_scoring_again_with_force_alerts_nothing_more(archive: Path) -> None:
    assert run_rescore(archive).exit_code == 0
    assert _alerted(archive) == [("fresh", "urgent")]
    again = run_rescore(archive, "--force")
    assert again.exit_code == 0, again.output
    assert "cảnh báo" not in again.stdout and "CẢNH BÁO" not in again.stderr
    assert _alerted(archive) == [("fresh", "urgent")]


def test_a_dry_run_counts_the_alerts_and_queues_none(archive: Path) -> None:
    result = run_rescore(archive, "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("; xếp 1 cảnh báo để gửi. (chạy thử, chưa ghi gì)\n")
    assert _alerted(archive) == [] and "CẢNH BÁO" not in result.stderr
    # Nothing noted either: the real run still alerts it.
    assert run_rescore(archive).exit_code == 0
    assert _alerted(archive) == [("fresh", "urgent")]


def test_an_acted_on_article_is_not_alerted(archive: Path) -> None:
    with SQLiteArchive(archive) as store:
        store.record_review(
            ReviewEvent("fresh", "minh", AT, "unstarted", "unstarted", "Xem", "note")
        )
        store.upsert([_document("untouched", SCAM, "low", 0.05, OLD)])
    result = run_rescore(archive)
    assert result.exit_code == 0, result.output
    # Only the one nobody has acted on: the note on the other is enough.
    assert _alerted(archive) == [("untouched", "urgent")]
    assert "/bai/fresh" not in result.stderr


def test_a_copy_of_a_story_alerted_lately_is_not_alerted_again(archive: Path) -> None:
    """As ingest: another copy's alert of the same trigger in the last 7 days spares this one."""
    original = replace(_document("original", SCAM, "urgent", 0.9, OLD), story_id="s1")
    alert = alert_for(original, lambda doc_id: f"/bai/{doc_id}")
    assert alert is not None
    AlertStore(archive.with_name("archive-state.db")).add(alert, [], datetime.now(UTC))
    with SQLiteArchive(archive) as store:
        store.upsert([replace(_document("copy", SCAM, "low", 0.05, OLD), story_id="s1")])
    dry = run_rescore(archive, "--dry-run")
    assert dry.stdout.endswith("; xếp 1 cảnh báo để gửi. (chạy thử, chưa ghi gì)\n")
    assert run_rescore(archive).exit_code == 0
    assert _alerted(archive) == [("original", "urgent"), ("fresh", "urgent")]
