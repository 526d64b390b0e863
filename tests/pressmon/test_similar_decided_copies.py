"""The item page's "similar decided items" are other items, not the item's own story's copies:
those are listed apart ("Các bản cùng nội dung") with their status, and 20 decided copies of a
reposted scam took all five places from the items a reviewer would compare it with."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from index.sqlite_backend import SQLiteArchive
from index.types import ReviewEvent
from pressmon.review.similar import DecidedTitles
from tests.index.index_factories import make_doc

AT = datetime(2026, 5, 4, 3, tzinfo=UTC)
TITLE = "Dịch vụ hỗ trợ rút BHXH một lần nhanh trong 7 ngày"


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[SQLiteArchive]:
    archive = SQLiteArchive(tmp_path / "archive.sqlite3")
    copies = [
        make_doc(f"c{n}", title=TITLE, story_id="s1", published_at=AT - timedelta(days=n))
        for n in range(8)
    ]
    # Older and less alike than the copies: the copies would rank first.
    other = make_doc(
        "o1", title="Dịch vụ rút BHXH một lần thu phí", published_at=AT - timedelta(days=30)
    )
    archive.upsert([*copies, other])
    for document in [*copies[1:], other]:
        archive.record_review(ReviewEvent(document.id, "an", AT, "unstarted", "false"))
    yield archive
    archive.close()


def test_similar_decided_items_leave_out_the_items_own_copies(archive: SQLiteArchive) -> None:
    item = archive.get("c0")
    assert item is not None
    assert [d.id for d in DecidedTitles(archive).similar(item)] == ["o1"]


def test_an_item_without_a_story_still_finds_decided_items_alike(archive: SQLiteArchive) -> None:
    item = make_doc("x1", title=TITLE, story_id=None)
    found = [d.id for d in DecidedTitles(archive).similar(item)]
    assert found == ["c1", "c2", "c3", "c4", "c5"]
