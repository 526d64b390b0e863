"""A provincial account's batched reads (ScopedArchive.review_histories, count_matches) keep the
scope the single reads keep: an item out of scope does not exist, and counts only count in it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from index.errors import DocumentNotFound
from index.sqlite_backend import SQLiteArchive
from index.types import Query, ReviewEvent
from pressmon.review.scope import Scope
from pressmon.review.scoped_archive import ScopedArchive
from tests.index.index_factories import make_doc

AT = datetime(2026, 5, 20, 3, tzinfo=UTC)


class _BatchReadsOnly(SQLiteArchive):
    """Refuses a read of one document's history: on Elasticsearch each is a round trip."""

    def review_history(self, document_id: str) -> Sequence[ReviewEvent]:
        raise AssertionError(f"the history of {document_id!r} read on its own")


@pytest.fixture
def scoped(tmp_path: Path):
    with _BatchReadsOnly(tmp_path / "archive.db") as archive:
        archive.upsert(
            [
                make_doc("own", province="Nghệ An", provinces=("Nghệ An",)),
                make_doc("other", province="Hà Nội", provinces=("Hà Nội",)),
            ]
        )
        for doc_id in ("own", "other"):
            archive.record_review(ReviewEvent(doc_id, "an", AT, "unstarted", "in_progress", ""))
        yield ScopedArchive(archive, Scope("Nghệ An"))


def test_histories_of_items_in_scope_are_read_together(scoped: ScopedArchive) -> None:
    histories = scoped.review_histories(["own"])
    assert list(histories) == ["own"]
    assert [e.status_after for e in histories["own"]] == ["in_progress"]


@pytest.mark.parametrize("ids", [["other"], ["own", "other"], ["missing"]])
def test_a_history_out_of_scope_is_not_found_as_on_its_own(
    scoped: ScopedArchive, ids: list[str]
) -> None:
    with pytest.raises(DocumentNotFound):
        scoped.review_histories(ids)


def test_count_matches_counts_only_the_province(scoped: ScopedArchive) -> None:
    assert scoped.count_matches(Query()) == 1
    assert scoped.count_matches(Query(provinces=frozenset({"Hà Nội"}))) == 0
