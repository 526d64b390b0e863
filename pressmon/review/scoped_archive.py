"""An archive seen through a Scope: the one place a provincial account's reach is enforced.

Every web route reads and writes through the archive its session is given
(pressmon.web.deps.session_archive); for a provincial account that is this wrapper. An item out
of scope does not exist here: `get` answers None and its history DocumentNotFound (the web app
says 404), searches, counts and the queue never list it, and no review can be recorded on it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import datetime

from index.base import Archive
from index.errors import DocumentNotFound
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
from pressmon.review.errors import RoleForbidden
from pressmon.review.scope import Scope


class ScopedArchive(Archive):
    name = "scoped"

    def __init__(self, inner: Archive, scope: Scope) -> None:
        self.inner = inner
        self.scope = scope

    def upsert(self, documents: Iterable[Document]) -> int:
        raise RoleForbidden("Tài khoản cấp tỉnh không thêm bài vào kho.")

    def delete(self, document_id: str) -> bool:
        raise RoleForbidden("Tài khoản cấp tỉnh không xoá bài khỏi kho.")

    def get(self, document_id: str) -> Document | None:
        document = self.inner.get(document_id)
        return document if document is not None and self.scope.allows(document) else None

    def get_many(self, document_ids: Sequence[str]) -> list[Document]:
        return [d for d in self.inner.get_many(document_ids) if self.scope.allows(d)]

    def _require(self, document_id: str) -> None:
        if self.get(document_id) is None:
            raise DocumentNotFound(document_id)

    def search(self, query: Query) -> SearchPage:
        narrowed = self.scope.narrow(query)
        if narrowed is None:
            return SearchPage(total=0, hits=(), page=query.page, page_size=query.page_size)
        return self.inner.search(narrowed)

    def count_matches(self, query: Query) -> int:
        narrowed = self.scope.narrow(query)
        return 0 if narrowed is None else self.inner.count_matches(narrowed)

    def counts(
        self,
        query: Query,
        *,
        group_by: GroupBy | None = None,
        interval: Interval = "week",
        unit: CountUnit = "articles",
    ) -> CountTable:
        narrowed = self.scope.narrow(query)
        table = self.inner.counts(
            narrowed or replace(query, provinces=frozenset({self.scope.province or ""})),
            group_by=group_by,
            interval=interval,
            unit=unit,
        )
        if narrowed is None:  # the same buckets, every count zero
            zeros = tuple(0 for _ in table.buckets)
            return replace(table, rows={group: zeros for group in table.rows})
        return table

    def record_review(self, event: ReviewEvent) -> None:
        self._require(event.document_id)
        self.inner.record_review(event)

    def review_history(self, document_id: str) -> Sequence[ReviewEvent]:
        self._require(document_id)
        return self.inner.review_history(document_id)

    def review_histories(self, document_ids: Sequence[str]) -> Mapping[str, Sequence[ReviewEvent]]:
        # As review_history: an item out of scope does not exist here.
        visible = {document.id for document in self.get_many(document_ids)}
        for document_id in document_ids:
            if document_id not in visible:
                raise DocumentNotFound(document_id)
        return self.inner.review_histories(document_ids)

    def review_events(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        actor: str | None = None,
        action: str | None = None,
        limit: int = 1000,
    ) -> Sequence[ReviewEvent]:
        # The whole review log is the Center's audit page (/nhat-ky), never a province's.
        raise RoleForbidden("Nhật ký toàn hệ thống chỉ dành cho Trung tâm.")

    def review_activity(
        self,
        *,
        since: datetime,
        until: datetime,
        actions: Collection[str] = (),
        statuses: Collection[str] = (),
    ) -> Mapping[str, datetime]:
        # Read for the leadership report, which covers every province: the Center's alone.
        raise RoleForbidden("Nhật ký toàn hệ thống chỉ dành cho Trung tâm.")

    def stats(self) -> ArchiveStats:
        # Whole-archive figures are the Center's (`pressmon info`); no provincial page asks.
        raise RoleForbidden("Số liệu toàn kho chỉ dành cho Trung tâm.")

    def triage_entries(self, query: Query, limit: int) -> tuple[list[TriageEntry], bool]:
        narrowed = self.scope.narrow(query)
        if narrowed is None:
            return [], False
        return self.inner.triage_entries(narrowed, limit)

    def triage(self, query: Query, limit: int) -> TriageList:
        narrowed = self.scope.narrow(query)
        if narrowed is None:
            return TriageList((), False)
        return self.inner.triage(narrowed, limit)

    def writing(self) -> AbstractContextManager[None]:
        return self.inner.writing()

    def refresh(self) -> None:
        self.inner.refresh()
