"""Golden Elasticsearch bodies for the review log's activity query, and their answers parsed,
without a server (the contract suite runs the query itself on a live cluster)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from index.elastic_reviews import ACTIVITY_PAGE, activity_body, activity_page
from index.errors import SearchIndexError

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
