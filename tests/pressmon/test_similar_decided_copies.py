"""The item page's "similar decided items" are other items, not the item's own story's copies:
those are listed apart ("Các bản cùng nội dung") with their status, and 20 decided copies of a
reposted scam took all five places from the items a reviewer would compare it with."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import cast

import pytest

from index.base import Archive
from index.sqlite_backend import SQLiteArchive
from index.types import Document, ReviewEvent
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
    assert [s.document.id for s in DecidedTitles(archive).similar(item)] == ["o1"]


def test_an_item_without_a_story_still_finds_decided_items_alike(archive: SQLiteArchive) -> None:
    item = make_doc("x1", title=TITLE, story_id=None)
    found = [(s.document.id, s.more) for s in DecidedTitles(archive).similar(item)]
    # One place per story, not five copies of one post: its most similar copy stands for it,
    # counting the story's other decided copies; then the next story.
    assert found == [("c1", 6), ("o1", 0)]


def test_the_copies_counted_are_those_the_session_sees(archive: SQLiteArchive) -> None:
    @dataclass(frozen=True)
    class _Sees:
        """A session's archive that sees only some items (a province's), as `similar` reads it."""

        archive: SQLiteArchive
        visible: frozenset[str]

        def get_many(self, document_ids: Sequence[str]) -> list[Document]:
            return [d for d in self.archive.get_many(document_ids) if d.id in self.visible]

    item = make_doc("x1", title=TITLE, story_id=None)
    within = cast(Archive, _Sees(archive, frozenset({"c3", "c5", "o1"})))
    found = [(s.document.id, s.more) for s in DecidedTitles(archive).similar(item, within=within)]
    assert found == [("c3", 1), ("o1", 0)]
