"""Reviewers' conclusive decisions become labelled examples; open or inconclusive ones do not."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from index import open_archive
from index.types import Document, ReviewEvent
from pressmon.review_examples import reviewed_examples

AT = datetime(2026, 5, 4, 3, tzinfo=UTC)


def _document(doc_id: str, title: str) -> Document:
    return Document(
        id=doc_id,
        url=f"https://bao.vn/{doc_id}",
        canonical_url=f"https://bao.vn/{doc_id}",
        outlet="bao",
        outlet_name="Báo",
        kind="national",
        title=title,
        body=f"{title}. Nội dung bài viết về BHXH.",
        published_at=AT,
        crawled_at=AT,
        risk=0.7,
        tier="review",
        category="C4",
        stance="asserts",
    )


def test_decisions_become_labels(tmp_path: Path) -> None:
    archive = open_archive("sqlite", path=tmp_path / "a.db")
    archive.upsert(
        [
            _document("a", "Dịch vụ rút BHXH"),
            _document("b", "Cảnh báo lừa đảo"),
            _document("c", "Chưa rõ"),
            _document("d", "Chưa xem"),
        ]
    )
    decisions = {"a": "false", "b": "no_violation", "c": "insufficient"}
    for doc_id, status in decisions.items():
        archive.record_review(
            ReviewEvent(
                document_id=doc_id,
                actor="lan",
                at=AT,
                status_before="unstarted",
                status_after=status,
            )
        )
    archive.refresh()
    labels = {e.title: (e.label, e.category) for e in reviewed_examples(archive)}
    archive.close()
    assert labels == {"Dịch vụ rút BHXH": (1, "C4"), "Cảnh báo lừa đảo": (0, None)}
