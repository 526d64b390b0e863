"""Golden Elasticsearch bodies for the review log's activity and history queries, and their
answers parsed, without a server (the contract suite runs the query itself on a live cluster)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from index.elastic_mapping import event_to_source
from index.elastic_reviews import (
    ACTIVITY_PAGE,
    MAX_REVIEW_EVENTS,
    activity_body,
    activity_page,
    events_body,
    histories_body,
    histories_page,
)
from index.errors import SearchIndexError
from index.types import ReviewEvent

ICT = timezone(timedelta(hours=7))
SINCE = datetime(2026, 5, 18, tzinfo=ICT)  # the report's week, Monday to Sunday in Hà Nội
UNTIL = datetime(2026, 5, 25, tzinfo=ICT)


def test_activity_body_golden() -> None:
    body = activity_body(SINCE, UNTIL, {"reopen", "escalate"}, {"no_violation", "false"})
    assert body == {
        "size": 0,
        "query": {
            "bool": {
                "filter": [
                    {
                        "range": {
                            "at": {
                                "gte": "2026-05-18T00:00:00+07:00",
                                "lt": "2026-05-25T00:00:00+07:00",
                            }
                        }
                    },
                    {
                        "bool": {
                            "should": [
                                {"terms": {"action": ["escalate", "reopen"]}},
                                {
                                    "bool": {
                                        "filter": [
                                            {"term": {"action": "status"}},
                                            {"terms": {"status_after": ["false", "no_violation"]}},
                                        ]
                                    }
                                },
                            ],
                            "minimum_should_match": 1,
                        }
                    },
                ]
            }
        },
        "aggs": {
            "documents": {
                "composite": {
                    "size": ACTIVITY_PAGE,
                    "sources": [{"document_id": {"terms": {"field": "document_id"}}}],
                },
                "aggs": {"latest": {"max": {"field": "at"}}},
            }
        },
    }


def test_activity_body_continues_after_the_previous_page_and_asks_only_what_is_given() -> None:
    body = activity_body(SINCE, UNTIL, {"follow_up"}, (), after={"document_id": "doc9"})
    assert body is not None
    assert body["aggs"]["documents"]["composite"]["after"] == {"document_id": "doc9"}
    assert body["query"]["bool"]["filter"][1]["bool"]["should"] == [
        {"terms": {"action": ["follow_up"]}}
    ]
    assert activity_body(SINCE, UNTIL, (), ()) is None


def _answer(count: int, after: str | None) -> dict[str, object]:
    latest = datetime(2026, 5, 20, 3, 0, 0, 123000, tzinfo=UTC)
    buckets = [
        {
            "key": {"document_id": f"doc{i}"},
            "doc_count": 3,
            "latest": {"value": latest.timestamp() * 1000, "value_as_string": latest.isoformat()},
        }
        for i in range(count)
    ]
    documents: dict[str, object] = {"buckets": buckets}
    if after is not None:
        documents["after_key"] = {"document_id": after}
    return {"aggregations": {"documents": documents}}


def test_a_full_page_leads_to_the_next_and_a_short_one_is_the_last() -> None:
    found, after = activity_page(_answer(ACTIVITY_PAGE, f"doc{ACTIVITY_PAGE - 1}"))
    assert len(found) == ACTIVITY_PAGE and after == {"document_id": f"doc{ACTIVITY_PAGE - 1}"}
    assert found["doc0"] == datetime(2026, 5, 20, 3, 0, 0, 123000, tzinfo=UTC)  # milliseconds
    found, after = activity_page(_answer(2, "doc1"))
    assert set(found) == {"doc0", "doc1"} and after is None
    assert activity_page(_answer(0, None)) == ({}, None)


def test_a_malformed_answer_is_a_search_index_error() -> None:
    with pytest.raises(SearchIndexError):
        activity_page({"hits": {}})


def test_histories_body_golden() -> None:
    assert histories_body(["scam", "bài-2", "pension", "scam"]) == {
        "query": {"terms": {"document_id": ["bài-2", "pension", "scam"]}},
        "sort": [
            {"document_id": {"order": "asc"}},
            {"at": {"order": "asc"}},
            {"seq": {"order": "asc"}},
        ],
        "size": MAX_REVIEW_EVENTS,
        "track_total_hits": False,
    }


def _events(document_id: str, count: int) -> list[ReviewEvent]:
    at = datetime(2026, 5, 20, 3, tzinfo=UTC)
    return [
        ReviewEvent(document_id, "an", at + timedelta(minutes=n), "unstarted", "false")
        for n in range(count)
    ]


def _history_answer(*events: ReviewEvent) -> dict:
    return {"hits": {"hits": [{"_source": event_to_source(e, n)} for n, e in enumerate(events)]}}


def test_histories_page_keeps_whole_histories_and_asks_again_for_the_rest(monkeypatch) -> None:
    monkeypatch.setattr("index.elastic_reviews.MAX_REVIEW_EVENTS", 3)
    a, b, c = _events("a", 1), _events("b", 4), _events("c", 1)
    asked = ["c", "b", "a", "0-none", "z-none"]
    # Short of the size: every history asked is whole, those without events empty.
    found, again = histories_page(_history_answer(*a, *c), asked)
    assert found == {"0-none": (), "a": tuple(a), "b": (), "c": tuple(c), "z-none": ()}
    assert again == []
    # Full, ending inside b's history: what comes before b is whole; b and after are asked again.
    found, again = histories_page(_history_answer(*a, *b[:2]), asked)
    assert (found, again) == ({"0-none": (), "a": tuple(a)}, ["b", "c", "z-none"])
    # Full with b's history alone: b is as `review_history` reads it, its first 3 events.
    found, again = histories_page(_history_answer(*b[:3]), ["b", "c", "z-none"])
    assert (found, again) == ({"b": tuple(b[:3])}, ["c", "z-none"])


def test_a_histories_answer_without_hits_is_refused() -> None:
    with pytest.raises(SearchIndexError, match="lịch sử xem xét"):
        histories_page({"took": 1}, ["a"])


def test_events_body_golden() -> None:
    body = events_body(
        since=SINCE, until=None, actor="an", action="status", size=500, after=[1, 2, "d"]
    )
    assert body == {
        "query": {
            "bool": {
                "filter": [
                    {"range": {"at": {"gte": "2026-05-18T00:00:00+07:00"}}},
                    {"term": {"actor": "an"}},
                    {"term": {"action": "status"}},
                ]
            }
        },
        "sort": [
            {"at": {"order": "desc"}},
            {"seq": {"order": "desc"}},
            {"document_id": {"order": "asc"}},
        ],
        "size": 500,
        "track_total_hits": False,
        "search_after": [1, 2, "d"],
    }
