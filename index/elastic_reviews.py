"""Pure request and response bodies for the review log index (`<name>-reviews`) beyond reading
one document's history: which documents were acted on in a time range (`activity_body`,
`activity_page`), paged through a composite aggregation so no document is ever left out."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from index.errors import SearchIndexError

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
