"""The Elasticsearch archive: a thin adapter around the pure bodies in `elastic_query`.

Two indices: `<index_name>` for documents and `<index_name>-reviews` for the append-only review
log. Driver errors are translated here and nowhere else: unreachable, timeouts, 429 and 5xx are
`BackendUnavailable`; other 4xx are `QueryError`.

Upserts are scripted (`update` with `upsert`): a new document is inserted as given; an existing
one has its `_source` replaced except `review_status`, which the script carries over. This is one
round trip per batch and atomic per document, so a reviewer's decision made between a read and a
write cannot be lost, as it could with get-then-index.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from elasticsearch import (
    ApiError,
    BadRequestError,
    ConnectionTimeout,
    Elasticsearch,
    NotFoundError,
    SSLError,
    TransportError,
    UnsupportedProductError,
    helpers,
)

from index.base import Archive
from index.elastic_mapping import (
    EXPORTABLE_FROM,
    SCHEMA_VERSION,
    document_from_source,
    document_to_source,
    documents_index,
    event_from_source,
    event_to_source,
    mapping_upgrade,
    reindex_advice,
    reviews_index,
    schema_version,
)
from index.elastic_query import (
    archive_stats,
    count_body,
    count_table,
    counts_body,
    match_count,
    rest_tier_body,
    search_body,
    search_page,
    stats_body,
    tiered_bodies,
    tiered_page,
    walk_body,
)
from index.elastic_reviews import (
    MAX_REVIEW_EVENTS,
    activity_body,
    activity_page,
    events_body,
    histories_body,
    histories_page,
)
from index.errors import (
    BackendUnavailable,
    DocumentNotFound,
    ElasticsearchUnreachable,
    QueryError,
    SchemaVersionError,
    SearchIndexError,
)
from index.synonyms import Synonyms
from index.types import (
    COUNT_LIMIT,
    ArchiveStats,
    CountTable,
    CountUnit,
    Document,
    GroupBy,
    Interval,
    Query,
    ReviewEvent,
    SearchPage,
)
from index.weeks import zone

BULK_CHUNK = 500
SCROLL_PAGE = 500
HISTORY_BATCH = 500  # documents whose review histories one search of the log reads
GET_MANY_CHUNK = 500  # ids per mget request
_INDEX_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,200}$")
logger = logging.getLogger(__name__)

# Replace the stored source with the new one but keep the reviewer's status.
KEEP_REVIEW_STATUS = (
    "String status = ctx._source.review_status; "
    "ctx._source.clear(); ctx._source.putAll(params.doc); "
    "if (status != null) { ctx._source.review_status = status; }"
)


class ElasticsearchArchive(Archive):
    name = "elasticsearch"

    def __init__(
        self,
        url: str,
        *,
        index_name: str,
        timezone: str = "Asia/Ho_Chi_Minh",
        client: Elasticsearch | None = None,
        synonyms: Synonyms | None = None,
        count_limit: int = COUNT_LIMIT,
        exporting: bool = False,
    ) -> None:
        """`count_limit`: how many matches an interactive search page counts at most
        (`index.types.COUNT_LIMIT`). `exporting`: an index that must be reindexed but whose
        stored values this version reads (EXPORTABLE_FROM) is opened as it is, for
        `pressmon index export` to read its documents and reviews; searching, counting and
        writing it are refused.

        Raises:
            SchemaVersionError: the index was written by a newer pressmon, or must be reindexed.
        """
        self._synonyms = synonyms
        self._count_limit = count_limit
        self._exporting = exporting
        self._stale: str | None = None  # why this index, opened only to export it, is not used
        if not _INDEX_NAME.match(index_name):
            raise SearchIndexError(
                f"tên chỉ mục Elasticsearch không hợp lệ {index_name!r}: chỉ dùng chữ thường, "
                "số, '_', '-' và '.'"
            )
        zone(timezone)
        self.timezone = timezone
        self.index_name = index_name
        self.reviews_index_name = f"{index_name}-reviews"
        self._owns_client = client is None
        try:
            self._client = client or Elasticsearch(
                url, request_timeout=30, max_retries=2, retry_on_timeout=True
            )
        except ValueError as err:  # the URL may hold credentials: never echo it
            raise SearchIndexError(
                "PRESSMON_ELASTICSEARCH_URL không phải địa chỉ hợp lệ như http://localhost:9200"
            ) from err
        self._last_seq = 0
        self._ensure_indices()

    def _ensure_indices(self) -> None:
        for name, body in (
            (self.index_name, documents_index()),
            (self.reviews_index_name, reviews_index()),
        ):
            with _translated(f"kiểm tra chỉ mục {name}"):
                if self._client.indices.exists(index=name):
                    found = schema_version(self._client.indices.get_mapping(index=name).body, name)
                    if found is not None and found > SCHEMA_VERSION:
                        raise SchemaVersionError(
                            f"chỉ mục {name!r} có lược đồ {found}; bản này chỉ hiểu tới "
                            f"{SCHEMA_VERSION}. Hãy nâng cấp pressmon."
                        )
                    if found is not None and found < SCHEMA_VERSION:
                        self._upgrade(name, found, body)
                    continue
                try:
                    self._client.indices.create(index=name, **body)
                except BadRequestError as err:
                    if err.error != "resource_already_exists_exception":  # lost a creation race
                        raise

    def _upgrade(self, name: str, found: int, body: dict[str, Any]) -> None:
        """Add the fields newer schemas define to an index of schema `found`, in place.

        Raises:
            SchemaVersionError: only a reindex helps (`reindex_advice`), and the index is not
                being opened to export it.
        """
        upgrade = mapping_upgrade(found, body)
        if upgrade is None:
            if self._exporting and found >= EXPORTABLE_FROM:
                self._stale = self._stale or reindex_advice(name, found)
                return
            raise SchemaVersionError(reindex_advice(name, found))
        self._client.indices.put_mapping(
            index=name, properties=upgrade["properties"], meta=upgrade["_meta"]
        )
        logger.info("Index %r upgraded in place from schema %d to %d", name, found, SCHEMA_VERSION)

    def _refuse_stale(self) -> None:
        """Only reading documents and reviews, to export them, is allowed on a stale index."""
        if self._stale is not None:
            raise SchemaVersionError(self._stale)

    def upsert(self, documents: Iterable[Document]) -> int:
        self._refuse_stale()
        actions = (
            {
                "_op_type": "update",
                "_index": self.index_name,
                "_id": document.id,
                "retry_on_conflict": 3,
                "script": {
                    "source": KEEP_REVIEW_STATUS,
                    "lang": "painless",
                    "params": {"doc": source},
                },
                "upsert": source,
            }
            for document in documents
            for source in (document_to_source(document),)
        )
        created = 0
        failures: list[dict[str, Any]] = []
        with _translated("ghi bài"):
            for ok, item in helpers.streaming_bulk(
                self._client, actions, chunk_size=BULK_CHUNK, raise_on_error=False
            ):
                result = item.get("update", {})
                if not ok:
                    failures.append(result)
                elif result.get("result") == "created":
                    created += 1
        if failures:
            raise _bulk_failure(failures)
        return created

    def get(self, document_id: str) -> Document | None:
        with _translated("đọc bài"):
            try:
                response = self._client.get(index=self.index_name, id=document_id)
            except NotFoundError:
                return None
        return document_from_source(response["_source"])

    def get_many(self, document_ids: Sequence[str]) -> list[Document]:
        """One `mget` per GET_MANY_CHUNK ids instead of a `get` each, in the order asked."""
        found: dict[str, Document] = {}
        for start in range(0, len(document_ids), GET_MANY_CHUNK):
            chunk = list(document_ids[start : start + GET_MANY_CHUNK])
            with _translated("đọc bài"):
                response = self._client.mget(index=self.index_name, ids=chunk)
            for doc in response["docs"]:
                if doc.get("found"):
                    document = document_from_source(doc["_source"])
                    found[document.id] = document
        return [found[i] for i in document_ids if i in found]

    def delete(self, document_id: str) -> bool:
        self._refuse_stale()
        with _translated("xóa bài"):
            try:
                self._client.delete(index=self.index_name, id=document_id)
            except NotFoundError:
                return False
        return True

    def search(self, query: Query) -> SearchPage:
        """One page of hits; by relevance, every first-tier match (exact, or with words to find
        together standing together) before the others (`index.elastic_query.tiered_bodies`: one
        or two round trips)."""
        self._refuse_stale()
        tiers = tiered_bodies(query, self.timezone, self._synonyms, self._count_limit)
        if tiers is None:
            body = search_body(query, self.timezone, self._synonyms, self._count_limit)
            with _translated("tìm kiếm"):
                response = self._client.search(index=self.index_name, body=body)
            return search_page(response.body, query, self._synonyms)
        with _translated("tìm kiếm"):
            first, total = self._msearch(tiers)
        others = None
        if rest := rest_tier_body(query, self.timezone, first, self._synonyms):
            with _translated("tìm kiếm"):
                others = self._client.search(index=self.index_name, body=rest).body
        return tiered_page(query, first, total, others, self._synonyms)

    def _msearch(self, bodies: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """The responses of several searches of the documents index sent in one request; one
        that failed raises as a failed request would."""
        searches = [part for body in bodies for part in ({}, body)]
        responses = self._client.msearch(index=self.index_name, searches=searches)["responses"]
        for response in responses:
            if "error" in response:
                error = response["error"]
                reason = error.get("type", "error") if isinstance(error, dict) else str(error)
                raise _api_error(int(response.get("status") or 500), reason, "tìm kiếm")
        return list(responses)

    def count_matches(self, query: Query) -> int:
        """One search reading no hit (`count_body`), counting every match."""
        self._refuse_stale()
        body = count_body(query, self.timezone, self._synonyms)
        with _translated("đếm bài"):
            response = self._client.search(index=self.index_name, body=body)
        return match_count(response.body)

    def counts(
        self,
        query: Query,
        *,
        group_by: GroupBy | None = None,
        interval: Interval = "week",
        unit: CountUnit = "articles",
    ) -> CountTable:
        self._refuse_stale()
        body = counts_body(
            query,
            self.timezone,
            group_by=group_by,
            interval=interval,
            unit=unit,
            synonyms=self._synonyms,
        )
        with _translated("đếm bài"):
            response = self._client.search(index=self.index_name, body=body)
        return count_table(response.body, query, group_by=group_by, interval=interval, unit=unit)

    def record_review(self, event: ReviewEvent) -> None:
        self._refuse_stale()
        # The log entry goes first: a status change must never exist without its audit entry.
        with _translated("ghi kết quả xem xét"):
            if not self._client.exists(index=self.index_name, id=event.document_id):
                raise DocumentNotFound(f"No document with id {event.document_id!r}")
            self._client.index(
                index=self.reviews_index_name,
                document=event_to_source(event, self._next_seq()),
                refresh=True,
            )
            try:
                self._client.update(
                    index=self.index_name,
                    id=event.document_id,
                    doc={"review_status": event.status_after},
                    retry_on_conflict=3,
                    refresh=True,
                )
            except NotFoundError as err:
                raise DocumentNotFound(f"Document {event.document_id!r} was deleted") from err

    def review_history(self, document_id: str) -> Sequence[ReviewEvent]:
        body = {
            "query": {"term": {"document_id": document_id}},
            "sort": [{"at": {"order": "asc"}}, {"seq": {"order": "asc"}}],
            "size": MAX_REVIEW_EVENTS,
        }
        with _translated("đọc lịch sử xem xét"):
            response = self._client.search(index=self.reviews_index_name, body=body)
        return tuple(event_from_source(hit["_source"]) for hit in response["hits"]["hits"])

    def review_histories(self, document_ids: Sequence[str]) -> Mapping[str, Sequence[ReviewEvent]]:
        """One search of the log per HISTORY_BATCH ids (`histories_body`), each history as
        `review_history` reads it; a batch whose events fill a search's answer is read on from
        the document the answer ended in (`histories_page`)."""
        wanted = list(dict.fromkeys(document_ids))
        found: dict[str, Sequence[ReviewEvent]] = {}
        for start in range(0, len(wanted), HISTORY_BATCH):
            left = wanted[start : start + HISTORY_BATCH]
            while left:
                with _translated("đọc lịch sử xem xét"):
                    response = self._client.search(
                        index=self.reviews_index_name, body=histories_body(left)
                    )
                histories, left = histories_page(response.body, left)
                found.update(histories)
        return {document_id: found[document_id] for document_id in wanted}

    def review_events(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        actor: str | None = None,
        action: str | None = None,
        limit: int = 1000,
    ) -> Sequence[ReviewEvent]:
        """Pages of at most MAX_REVIEW_EVENTS (`events_body`) until `limit` events or the end."""
        found: list[ReviewEvent] = []
        after = None
        while len(found) < limit:
            size = min(limit - len(found), MAX_REVIEW_EVENTS)
            body = events_body(
                since=since, until=until, actor=actor, action=action, size=size, after=after
            )
            with _translated("đọc sự kiện xem xét"):
                response = self._client.search(index=self.reviews_index_name, body=body)
            hits = response["hits"]["hits"]
            found += (event_from_source(hit["_source"]) for hit in hits)
            if len(hits) < size:
                break
            after = hits[-1]["sort"]
        return tuple(found)

    def review_activity(
        self,
        *,
        since: datetime,
        until: datetime,
        actions: Collection[str] = (),
        statuses: Collection[str] = (),
    ) -> Mapping[str, datetime]:
        """Pages of a composite aggregation over the review log, ACTIVITY_PAGE documents each."""
        found: dict[str, datetime] = {}
        after: dict[str, Any] | None = None
        while True:
            body = activity_body(since, until, actions, statuses, after)
            if body is None:
                return found
            with _translated("đọc sự kiện xem xét"):
                response = self._client.search(index=self.reviews_index_name, body=body)
            page, after = activity_page(response.body)
            found.update(page)
            if after is None:
                return found

    def stats(self) -> ArchiveStats:
        with _translated("thống kê"):
            response = self._client.search(index=self.index_name, body=stats_body())
        return archive_stats(response.body)

    def iter_documents(
        self, page_size: int = SCROLL_PAGE, *, query: Query | None = None
    ) -> Iterator[Document]:
        """Every document (matching `query`), newest first, with `search_after` (`walk_body`):
        no 10,000-hit window limit. Every document of an index opened only to export it."""
        if query is not None:
            self._refuse_stale()
        after = None
        while True:
            body = walk_body(query, self.timezone, self._synonyms, page_size, after)
            with _translated("duyệt các bài"):
                hits = self._client.search(index=self.index_name, body=body)["hits"]["hits"]
            for hit in hits:
                yield document_from_source(hit["_source"])
            if len(hits) < page_size:
                return
            after = hits[-1]["sort"]

    def refresh(self) -> None:
        with _translated("làm mới chỉ mục"):
            self._client.indices.refresh(index=[self.index_name, self.reviews_index_name])

    def drop(self) -> None:
        """Delete both indices (tests and `reindex` use this); the data is gone afterwards."""
        with _translated("xóa chỉ mục"):
            self._client.indices.delete(
                index=[self.index_name, self.reviews_index_name], ignore_unavailable=True
            )

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def _next_seq(self) -> int:
        self._last_seq = max(time.time_ns(), self._last_seq + 1)
        return self._last_seq


@contextmanager
def _translated(action: str) -> Iterator[None]:
    """Driver errors -> index errors, with the driver error chained."""
    try:
        yield
    except UnsupportedProductError as err:
        raise SearchIndexError(f"{action}: máy chủ không phải Elasticsearch") from err
    except ApiError as err:
        raise _api_error(err.status_code, str(err.error), action) from err
    except TransportError as err:
        raise ElasticsearchUnreachable(
            f"không kết nối được Elasticsearch khi {action}: {_transport_problem(err)}"
        ) from err


def _transport_problem(err: TransportError) -> str:
    """The driver's failure in Vietnamese (its own text is English and may hold the URL)."""
    if isinstance(err, ConnectionTimeout):
        return "máy chủ không trả lời kịp"
    if isinstance(err, SSLError):
        return "kết nối TLS (https) không thành công, kiểm tra chứng chỉ"
    return "không mở được kết nối tới máy chủ"


def _api_error(status: int, reason: str, action: str) -> SearchIndexError:
    if status == 429 or status >= 500:
        return BackendUnavailable(
            f"Elasticsearch đang bận hoặc lỗi khi {action} ({status} {reason})"
        )
    if status in (401, 403):
        return SearchIndexError(
            f"Elasticsearch từ chối {action} ({status} {reason}); kiểm tra tài khoản trong "
            "PRESSMON_ELASTICSEARCH_URL"
        )
    return QueryError(f"Elasticsearch không nhận {action} ({status} {reason})")


def _bulk_failure(failures: list[dict[str, Any]]) -> SearchIndexError:
    first = failures[0]
    error = first.get("error") or {}
    reason = error.get("type", "error") if isinstance(error, dict) else str(error)
    status = int(first.get("status") or 500)
    action = f"ghi bài ({len(failures)} bài lỗi, bài đầu {first.get('_id')!r})"
    return _api_error(status, reason, action)
