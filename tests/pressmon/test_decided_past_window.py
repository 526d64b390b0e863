"""Every decided item is read however many there are: retraining from reviews and the item page's
similar decided items walk the archive (`Archive.iter_documents`), not `search` pages, which
Elasticsearch stops at its 10,000-hit result window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from index.errors import QueryError
from index.sqlite_backend import SQLiteArchive
from index.types import Document, Query, ReviewEvent, SearchPage
from pressmon.review.similar import DecidedTitles
from pressmon.review_examples import reviewed_examples
from tests.index.index_factories import make_doc

WINDOW = 2
AT = datetime(2026, 5, 4, 3, tzinfo=UTC)


class _Windowed(SQLiteArchive):
    """Pages of `search` stop at WINDOW hits, as Elasticsearch's do at 10,000; the walk of a
    query's documents does not (as `search_after` there)."""

    def search(self, query: Query) -> SearchPage:
        if query.page * query.page_size > WINDOW:
            raise QueryError(f"Chỉ xem được {WINDOW} kết quả đầu tiên")
        return super().search(query)

    def iter_documents(
        self, page_size: int = 100, *, query: Query | None = None
    ) -> Iterator[Document]:
        for document in super().iter_documents(page_size):
            if query is None or document.review_status in query.review_statuses:
                yield document


@pytest.fixture
def decided(tmp_path: Path) -> Iterator[SQLiteArchive]:
    archive = _Windowed(tmp_path / "archive.sqlite3")
    archive.upsert(
        make_doc(f"d{n}", title=f"Lừa đảo rút BHXH đợt {n}", published_at=AT - timedelta(days=n))
        for n in range(WINDOW + 2)
    )
    for n in range(WINDOW + 1):  # one more decided item than the window holds
        archive.record_review(ReviewEvent(f"d{n}", "an", AT, "unstarted", "false"))
    yield archive
    archive.close()


def test_retraining_reads_every_decided_item(decided: SQLiteArchive) -> None:
    examples = reviewed_examples(decided)
    assert sorted(e.title for e in examples) == [
        f"Lừa đảo rút BHXH đợt {n}" for n in range(WINDOW + 1)
    ]


def test_similar_items_are_found_among_every_decided_item(decided: SQLiteArchive) -> None:
    undecided = decided.get(f"d{WINDOW + 1}")
    assert undecided is not None
    found = DecidedTitles(decided).similar(undecided)
    assert sorted(s.document.id for s in found) == [f"d{n}" for n in range(WINDOW + 1)]
