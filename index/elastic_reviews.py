"""Pure request and response bodies for the review log index (`<name>-reviews`) beyond reading
one document's history: which documents were acted on in a time range (`activity_body`,
`activity_page`), paged through a composite aggregation so no document is ever left out; many
documents' histories in one search (`histories_body`, `histories_page`); and the log across
documents, newest first, in pages past the result window (`events_body`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from index.elastic_mapping import event_from_source
from index.errors import SearchIndexError
from index.types import ReviewEvent

# Events one search of the log returns at most: a document's history stops there, as it always
# has (`ElasticsearchArchive.review_history`); Elasticsearch's default result window.
MAX_REVIEW_EVENTS = 10_000
# Documents per page of the composite aggregation: one request per this many acted-on documents.
ACTIVITY_PAGE = 1000
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def activity_body(
    since: datetime,
    until: datetime,
    actions: Collection[str],
    statuses: Collection[str],
    after: Mapping[str, Any] | None = None,
) -> dict[str, Any] | None:
    """One page of `Archive.review_activity`: the documents with an event in [since, until) of
    one of `actions` or changing the status to one of `statuses`, with their latest such event,
    in document id order from `after` (the previous page's `after_key`). None when nothing is
    asked."""
    wanted: list[dict[str, Any]] = []
    if actions:
        wanted.append({"terms": {"action": sorted(actions)}})
    if statuses:
        wanted.append(
            {
                "bool": {
                    "filter": [
                        {"term": {"action": "status"}},
                        {"terms": {"status_after": sorted(statuses)}},
                    ]
                }
            }
        )
    if not wanted:
        return None
    composite: dict[str, Any] = {
        "size": ACTIVITY_PAGE,
        "sources": [{"document_id": {"terms": {"field": "document_id"}}}],
    }
    if after is not None:
        composite["after"] = dict(after)
    return {
        "size": 0,
        "query": {
            "bool": {
                "filter": [
                    {"range": {"at": {"gte": since.isoformat(), "lt": until.isoformat()}}},
                    {"bool": {"should": wanted, "minimum_should_match": 1}},
                ]
            }
        },
        "aggs": {
            "documents": {
                "composite": composite,
                "aggs": {"latest": {"max": {"field": "at"}}},
            }
        },
    }


def activity_page(
    response: Mapping[str, Any],
) -> tuple[dict[str, datetime], dict[str, Any] | None]:
    """The documents of one `activity_body` page with their latest event (to the millisecond:
    Elasticsearch's date precision), and the `after` of the next page, None after the last."""
    try:
        documents = response["aggregations"]["documents"]
        buckets = documents["buckets"]
        found = {
            str(bucket["key"]["document_id"]): _EPOCH
            + timedelta(milliseconds=round(bucket["latest"]["value"]))
            for bucket in buckets
        }
    except (KeyError, TypeError) as err:
        raise SearchIndexError(
            "Elasticsearch trả lời không như mong đợi: thiếu aggregations.documents"
        ) from err
    after = documents.get("after_key")
    return found, (dict(after) if after and len(buckets) >= ACTIVITY_PAGE else None)


def histories_body(document_ids: Sequence[str]) -> dict[str, Any]:
    """One search of the log for the histories of `document_ids`: their events by document id
    (in the byte order Elasticsearch sorts keywords in, that is code point order), then in each
    document's history order (`at`, then `seq`)."""
    return {
        "query": {"terms": {"document_id": sorted(set(document_ids))}},
        "sort": [
            {"document_id": {"order": "asc"}},
            {"at": {"order": "asc"}},
            {"seq": {"order": "asc"}},
        ],
        "size": MAX_REVIEW_EVENTS,
        "track_total_hits": False,
    }


def histories_page(
    response: Mapping[str, Any], document_ids: Sequence[str]
) -> tuple[dict[str, tuple[ReviewEvent, ...]], list[str]]:
    """The histories one `histories_body(document_ids)` search read whole, and the ids whose
    histories it may have cut short, to ask for again (none when it returned fewer than
    MAX_REVIEW_EVENTS events). A full answer ends inside its last document's history: those
    before it are whole; that one is whole only when it fills the answer alone, and then as
    `review_history` has it (its first MAX_REVIEW_EVENTS events). Every answer finishes at
    least one document, so asking again until none is left ends."""
    try:
        hits = response["hits"]["hits"]
        events = [(str(hit["_source"]["document_id"]), hit["_source"]) for hit in hits]
    except (KeyError, TypeError) as err:
        raise SearchIndexError(
            "Elasticsearch trả lời không như mong đợi: thiếu hits của lịch sử xem xét"
        ) from err
    asked = sorted(set(document_ids))
    if len(events) < MAX_REVIEW_EVENTS:
        whole, again = asked, []
    elif events[0][0] == events[-1][0]:  # one document's history fills the answer
        last = events[-1][0]
        whole, again = [i for i in asked if i <= last], [i for i in asked if i > last]
    else:
        last = events[-1][0]
        whole, again = [i for i in asked if i < last], [i for i in asked if i >= last]
    histories: dict[str, list[ReviewEvent]] = {document_id: [] for document_id in whole}
    for document_id, source in events:
        if document_id in histories:
            histories[document_id].append(event_from_source(source))
    return {i: tuple(found) for i, found in histories.items()}, again


def events_body(
    *,
    since: datetime | None,
    until: datetime | None,
    actor: str | None,
    action: str | None,
    size: int,
    after: Sequence[Any] | None = None,
) -> dict[str, Any]:
    """One page of `Archive.review_events`: `since` <= at < `until`, of one actor or action
    when given, newest first, after the sort values `after` of the previous page's last event
    (`search_after`: a log read past MAX_REVIEW_EVENTS, the most one search returns)."""
    filters: list[dict[str, Any]] = []
    if since is not None or until is not None:
        bounds = {"gte": since and since.isoformat(), "lt": until and until.isoformat()}
        filters.append({"range": {"at": {k: v for k, v in bounds.items() if v}}})
    filters += [{"term": {k: v}} for k, v in (("actor", actor), ("action", action)) if v]
    body: dict[str, Any] = {
        "query": {"bool": {"filter": filters}},
        # The document id breaks a tie of time and sequence (events of two processes).
        "sort": [
            {"at": {"order": "desc"}},
            {"seq": {"order": "desc"}},
            {"document_id": {"order": "asc"}},
        ],
        "size": size,
        "track_total_hits": False,
    }
    if after is not None:
        body["search_after"] = list(after)
    return body
