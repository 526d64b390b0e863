"""The archive interface every backend implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from datetime import datetime
from typing import ClassVar, Self

from index.types import (
    ArchiveStats,
    CountTable,
    CountUnit,
    Document,
    GroupBy,
    Interval,
    Query,
    ReviewEvent,
    SearchPage,
    TriageEntry,
    TriageList,
)

_FLAGGED_PAGE = 200


class Archive(ABC):
    """Store, search and count articles; record reviews. Backends: sqlite, elasticsearch."""

    name: ClassVar[str]

    @abstractmethod
    def upsert(self, documents: Iterable[Document]) -> int:
        """Insert or replace by id; returns how many were new. Never touches review history."""

    @abstractmethod
    def get(self, document_id: str) -> Document | None: ...

    def get_many(self, document_ids: Sequence[str]) -> list[Document]:
        """The documents with these ids, in that order; ids not in the archive are left out.
        One `get` per id here; backends override it with one read."""
        found = (self.get(document_id) for document_id in document_ids)
        return [document for document in found if document is not None]

    def story_ids(self, document_ids: Sequence[str]) -> dict[str, str | None]:
        """Each document's story_id by id (ids not in the archive left out): what the review
        queue reads of thousands of items to show one row per story. One `get_many` here;
        backends override it with a read of the column alone."""
        return {document.id: document.story_id for document in self.get_many(document_ids)}

    @abstractmethod
    def delete(self, document_id: str) -> bool: ...

    @abstractmethod
    def search(self, query: Query) -> SearchPage: ...

    def count_matches(self, query: Query) -> int:
        """How many documents match `query` (its text and filters; its paging and sort aside),
        counted exactly, as a bulk page's `total`, without reading a hit. One `counts` here;
        backends override it with a bare count."""
        return self.counts(query).total

    @abstractmethod
    def counts(
        self,
        query: Query,
        *,
        group_by: GroupBy | None = None,
        interval: Interval = "week",
        unit: CountUnit = "articles",
    ) -> CountTable:
        """Zero-filled counts per bucket; `unit="stories"` counts each story_id once per cell."""

    @abstractmethod
    def record_review(self, event: ReviewEvent) -> None:
        """Append `event` to the audit log and set the document's review status."""

    @abstractmethod
    def review_history(self, document_id: str) -> Sequence[ReviewEvent]: ...

    def review_histories(self, document_ids: Sequence[str]) -> Mapping[str, Sequence[ReviewEvent]]:
        """Each document's `review_history`, keyed by its id in the order asked (an id without
        events maps to an empty history). One `review_history` per id here; backends override
        it with one read per batch of ids."""
        return {document_id: self.review_history(document_id) for document_id in document_ids}

    @abstractmethod
    def review_events(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        actor: str | None = None,
        action: str | None = None,
        limit: int = 1000,
    ) -> Sequence[ReviewEvent]:
        """The review log across all documents, newest first: `since` <= at < `until`, of one
        actor or action when given, at most `limit` events."""

    @abstractmethod
    def review_activity(
        self,
        *,
        since: datetime,
        until: datetime,
        actions: Collection[str] = (),
        statuses: Collection[str] = (),
    ) -> Mapping[str, datetime]:
        """The documents acted on in `since` <= at < `until`: those with an event of one of
        `actions`, or a status change to one of `statuses` (an action "status" event with that
        `status_after`), each with the time of its latest such event. One read of the log
        however many documents it names, including documents deleted since (the log keeps
        them)."""

    @abstractmethod
    def stats(self) -> ArchiveStats: ...

    def iter_documents(
        self, page_size: int = 100, *, query: Query | None = None
    ) -> Iterator[Document]:
        """Every document matching `query` (every one when None), newest first, by paging
        through `search`: the way to read all matches, however many (its text, filters and
        dates apply; its sort and paging do not).

        Backends with a cheaper cursor override this (Elasticsearch must: `search` stops at
        10,000 hits). Paging is stable only if the date sort breaks ties deterministically.
        """
        asked = replace(query or Query(), sort="date", page_size=page_size)
        page = 1
        while True:
            result = self.search(replace(asked, page=page))
            yield from (hit.document for hit in result.hits)
            if not result.more_after or not result.hits:
                return
            page += 1

    def flagged_documents(self, query: Query, limit: int) -> tuple[list[Document], bool]:
        """Flagged documents matching `query` (newest first, at most `limit`), and whether more
        exist: pages of the archives' largest size through `search`."""
        query = replace(query, flagged_only=True, sort="date", page=1, page_size=_FLAGGED_PAGE)
        found: list[Document] = []
        while True:
            result = self.search(query)
            found.extend(hit.document for hit in result.hits)
            if not result.hits or len(found) >= limit or not result.more_after:
                return found[:limit], result.exceeds(limit)
            query = replace(query, page=query.page + 1)

    def triage_entries(self, query: Query, limit: int) -> tuple[list[TriageEntry], bool]:
        """`flagged_documents` without their text; backends override it with a lean read."""
        documents, more = self.flagged_documents(query, limit)
        return [triage_entry(d) for d in documents], more

    def triage(self, query: Query, limit: int) -> TriageList:
        """`triage_entries` as one value; backends that can tell when nothing changed hand back
        the same object until something does (the review queue keeps its order per object)."""
        entries, capped = self.triage_entries(query, limit)
        return TriageList(tuple(entries), capped)

    def writing(self) -> AbstractContextManager[None]:
        """Held while a caller reads, checks and writes as one step (a review action): no other
        writer commits meanwhile, in any process, and the writes made inside are kept together
        or not at all. A backend without such a lock gives nothing here: its callers in one
        process keep a lock of their own (pressmon.review.actions)."""
        return nullcontext()

    # Hooks that do nothing by default, not abstract: backends override them where they need to.
    def refresh(self) -> None:  # noqa: B027
        """Make writes visible to searches (a no-op where writes are visible at once)."""

    def close(self) -> None:  # noqa: B027
        """Release connections."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def triage_entry(document: Document) -> TriageEntry:
    value = document.flag_details.get("uncertainty") if document.flag_details else None
    return TriageEntry(
        id=document.id,
        published_at=document.published_at,
        tier=document.tier,
        risk=document.risk,
        uncertainty=float(value) if isinstance(value, int | float) else 0.0,
        category=document.category,
        review_status=document.review_status,
    )
