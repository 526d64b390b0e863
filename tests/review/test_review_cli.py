"""`pressmon flagged` and `pressmon search`: codes in JSON with their labels, Vietnamese text for
people, and tiers accepted as codes or by their Vietnamese names."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from index.sqlite_backend import SQLiteArchive
from index.types import Document, ReviewEvent
from pressmon.cli import main


def _doc(doc_id: str, tier: str, risk: float) -> Document:
    return Document(
        id=doc_id,
        url=f"https://baodemo.vn/{doc_id}.html",
        canonical_url=f"https://baodemo.vn/{doc_id}.html",
        outlet="bao_demo",
        outlet_name="Báo Demo",
        kind="provincial",
        title=f"Tin đồn lương hưu {doc_id}",
        body="Nhiều người nhận được cuộc gọi tự xưng cán bộ BHXH.",
        published_at=datetime(2026, 5, 1, 3, tzinfo=UTC),
        crawled_at=datetime(2026, 5, 1, 4, tzinfo=UTC),
        risk=risk,
        tier=tier,
        category="C1",
        stance="asserts",
    )


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite3"
    archive = SQLiteArchive(path)
    archive.upsert([_doc("a", "review", 0.6), _doc("b", "urgent", 0.9), _doc("c", "low", 0.1)])
    archive.record_review(
        ReviewEvent("b", "an", datetime(2026, 5, 2, tzinfo=UTC), "unstarted", "in_progress")
    )
    archive.close()
    return path


def _run(archive_path: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--archive", str(archive_path), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_flagged_json_carries_codes_and_labels(archive_path: Path) -> None:
    rows = [json.loads(line) for line in _run(archive_path, "flagged", "--json").splitlines()]
    assert [
        (r["id"], r["tier"], r["tier_label"], r["review_status"], r["review_status_label"])
        for r in rows
    ] == [
        ("b", "urgent", "cần xem ngay", "in_progress", "Đang xác minh"),
        ("a", "review", "nên xem", "unstarted", "Chưa xử lý"),
    ]


def test_flagged_text_shows_vietnamese_labels(archive_path: Path) -> None:
    items = [line for line in _run(archive_path, "flagged").splitlines() if line.startswith("[")]
    category = "C1 Mạo danh cơ quan, cán bộ BHXH  Khẳng định nội dung"
    assert items == [
        f"[cần xem ngay] b  rủi ro 0,90  {category}  Đang xác minh",
        f"[nên xem] a  rủi ro 0,60  {category}  Chưa xử lý",
    ]


@pytest.mark.parametrize("tier", ["urgent", "cần xem ngay"])
def test_search_by_tier_code_or_name_returns_labelled_json(archive_path: Path, tier: str) -> None:
    page = json.loads(_run(archive_path, "search", "lương hưu", "--tier", tier, "--json"))
    [hit] = page["hits"]
    assert hit["document"]["id"] == "b"
    assert (hit["document"]["tier_label"], hit["document"]["review_status_label"]) == (
        "cần xem ngay",
        "Đang xác minh",
    )
