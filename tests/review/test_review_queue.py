"""The queue over an archive written before codes (schema v4, Vietnamese names): after the
migration it orders, filters and counts as it does on a new archive."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from index.sqlite_backend import SQLiteArchive
from index.sqlite_schema import MIGRATIONS, migrate
from index.types import Document, Query
from pressmon.review.queue import QueueFilters, load_queue, triage_order
from tests.index.old_archives import write_before_v6


def _doc(doc_id: str, tier: str | None, risk: float | None, status: str) -> Document:
    return Document(
        id=doc_id,
        url=f"https://baodemo.vn/{doc_id}.html",
        canonical_url=f"https://baodemo.vn/{doc_id}.html",
        outlet="bao_demo",
        outlet_name="Báo Demo",
        kind="provincial",
        title=f"Tin {doc_id}",
        body="Nội dung.",
        published_at=datetime(2025, 1, 2, tzinfo=UTC),
        crawled_at=datetime(2025, 1, 2, 1, tzinfo=UTC),
        risk=risk,
        tier=tier,
        review_status=status,
    )


def test_queue_on_a_migrated_version_4_archive(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:4])
    old = [
        _doc("review-high", "nên xem", 0.7, "Đang xác minh"),
        _doc("urgent", "cần xem ngay", 0.85, "Chưa xử lý"),
        _doc("review-low", "nên xem", 0.55, "Sai sự thật"),
        _doc("low", "không ưu tiên", 0.2, "Chưa xử lý"),
        _doc("unscored", None, None, "Chưa xử lý"),
    ]
    write_before_v6(conn, old)
    conn.close()

    archive = SQLiteArchive(path)
    documents, capped = triage_order(archive, Query())
    assert [d.id for d in documents] == ["urgent", "review-high", "review-low"] and not capped
    page = load_queue(archive, QueueFilters(), {})
    assert dict(page.status_counts) == {
        "unstarted": 1,
        "in_progress": 1,
        "false": 1,
        "no_violation": 0,
        "insufficient": 0,
        "out_of_scope": 0,
    }
    by_tier = load_queue(archive, QueueFilters(tier="review"), {})
    assert [r.document.id for r in by_tier.rows] == ["review-high", "review-low"]
    by_status = load_queue(archive, QueueFilters(status="false"), {})
    assert [r.document.id for r in by_status.rows] == ["review-low"]
