"""Golden Elasticsearch request bodies and response parsing, without a server."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.elastic_mapping import (
    SCHEMA_VERSION,
    SEPARATOR_PATTERN,
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
    EXACT_FIELDS,
    FOLDED_FIELDS,
    archive_stats,
    count_body,
    count_table,
    counts_body,
    exact_match,
    match_count,
    rest_tier_body,
    search_body,
    search_page,
    tiered_bodies,
    tiered_page,
)
from index.errors import QueryError, SearchIndexError
from index.query_parser import parse_query
from index.synonyms import Synonyms
from index.types import UNKNOWN_GROUP, CountTable, Document, Query, ReviewEvent

VN = "Asia/Ho_Chi_Minh"
ICT = timezone(timedelta(hours=7))


def _doc(**overrides: object) -> Document:
    values: dict[str, object] = dict(
        id="d1",
        url="https://baodemo.vn/a-1.html",
        canonical_url="https://baodemo.vn/a-1.html",
        outlet="bao_demo",
        outlet_name="Báo Demo",
        kind="provincial",
        title="Tăng lương hưu từ tháng 7",
        body="Người nghỉ hưu được điều chỉnh lương hưu theo quy định mới.",
        published_at=datetime(2025, 1, 6, 8, 30, tzinfo=ICT),
        crawled_at=datetime(2025, 1, 6, 9, 0, tzinfo=UTC),
        province="Cần Thơ",
        provinces=("Cần Thơ",),
        topics=("luong_huu_chi_tra",),
    )
    values.update(overrides)
    return Document(**values)  # type: ignore[arg-type]


EXACT_FOLDED_GOLDEN = {
    "bool": {
        "should": [
            {
                "bool": {
                    "must": [
                        {
                            "multi_match": {
                                "query": "gia mạo",
                                "fields": ["title^2", "seo_title^1.5", "body"],
                                "type": "cross_fields",
                                "operator": "and",
                            }
                        }
                    ],
                    "boost": 3.0,
                    "_name": "exact",
                }
            },
            {
                "bool": {
                    "must": [
                        {
                            "multi_match": {
                                "query": "gia mạo",
                                "fields": ["title.folded^2", "seo_title.folded^1.5", "body.folded"],
                                "type": "cross_fields",
                                "operator": "and",
                            }
                        }
                    ],
                    "_name": "folded",
                }
            },
        ],
        "minimum_should_match": 1,
        # "mạo" was typed with its diacritics: it must be there as typed.
        "filter": [
            {
                "multi_match": {
                    "query": "mạo",
                    "fields": ["title^2", "seo_title^1.5", "body"],
                    "type": "cross_fields",
                    "operator": "and",
                }
            }
        ],
    }
}


def test_search_body_golden_for_plain_words() -> None:
    body = search_body(Query(text="Gia  mạo"), VN)
    assert body == {
        "query": {
            "bool": {
                "filter": [],
                "must": [EXACT_FOLDED_GOLDEN],
                "should": [{"match": {"words": {"query": "gia mạo", "boost": 0.5}}}],
            }
        },
        "sort": ["_score", {"published_at": {"order": "desc"}}, {"id": {"order": "asc"}}],
        "from": 0,
        "size": 20,
        "track_total_hits": 10_000,
        "highlight": {
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
            "fragment_size": 240,
            "number_of_fragments": 1,
            "max_analyzed_offset": 500_000,
            "fields": {"body": {}, "body.folded": {}},
        },
    }


def test_exact_clause_keeps_diacritics_and_folded_clause_is_separate() -> None:
    must = search_body(Query(text="gia"), VN)["query"]["bool"]["must"][0]["bool"]["should"]
    exact, folded = must
    assert exact["bool"]["_name"] == "exact" and exact["bool"]["boost"] > 1
    assert exact["bool"]["must"][0]["multi_match"]["query"] == "gia"
    assert exact["bool"]["must"][0]["multi_match"]["fields"] == ["title^2", "seo_title^1.5", "body"]
    assert folded["bool"]["_name"] == "folded"
    assert folded["bool"]["must"][0]["multi_match"]["fields"] == [
        "title.folded^2",
        "seo_title.folded^1.5",
        "body.folded",
    ]


def test_words_typed_with_diacritics_leave_out_the_folded_clause() -> None:
    text = search_body(Query(text="giả"), VN)["query"]["bool"]["must"][0]["bool"]
    assert [c["bool"]["_name"] for c in text["should"]] == ["exact"]
    assert "filter" not in text


def test_or_groups_become_a_should_of_phrases_in_both_field_sets() -> None:
    text = search_body(Query(text='"lương hưu" OR bhyt'), VN)["query"]["bool"]["must"][0]
    exact, folded = text["bool"]["should"]
    for clause, fields in (
        (exact, ["title^2", "seo_title^1.5", "body"]),
        (folded, ["title.folded^2", "seo_title.folded^1.5", "body.folded"]),
    ):
        (group,) = clause["bool"]["must"]
        assert group["bool"]["minimum_should_match"] == 1
        assert [m["multi_match"]["query"] for m in group["bool"]["should"]] == ["lương hưu", "bhyt"]
        assert all(m["multi_match"]["fields"] == fields for m in group["bool"]["should"])
    assert "filter" not in text["bool"]  # a bare alternative may meet the group in any spelling


def test_exclusions_become_must_not_by_how_they_were_typed() -> None:
    clause = search_body(Query(text='lương -giả -"rut tien"'), VN)["query"]["bool"]
    assert clause["must_not"] == [
        {
            "multi_match": {
                "query": "giả",
                "fields": ["title^2", "seo_title^1.5", "body"],
                "type": "phrase",
            }
        },
        {
            "multi_match": {
                "query": "rut tien",
                "fields": ["title.folded^2", "seo_title.folded^1.5", "body.folded"],
                "type": "phrase",
            }
        },
    ]
    with pytest.raises(QueryError):
        search_body(Query(text="-giả"), VN)


def test_capital_and_and_not_build_the_bodies_of_their_plain_forms() -> None:
    assert search_body(Query(text="lương AND hưu NOT giả"), VN) == search_body(
        Query(text="lương hưu -giả"), VN
    )
    assert search_body(Query(text='BHXH NOT "lừa đảo"'), VN) == search_body(
        Query(text='BHXH -"lừa đảo"'), VN
    )
    words = [m["query"] for m in _multi_matches(search_body(Query(text="a and not b"), VN))]
    assert "a and not b" in words


def test_a_dash_from_word_before_a_word_builds_the_body_of_the_minus() -> None:
    for dash in ("\u2013", "\u2014", "\u2212"):
        assert search_body(Query(text=f'lương {dash}giả {dash}"rut tien"'), VN) == search_body(
            Query(text='lương -giả -"rut tien"'), VN
        ), dash
        # Between spaces it is punctuation, as `-` is: the word after it is required.
        assert search_body(Query(text=f"lương {dash} giả"), VN) == search_body(
            Query(text="lương giả"), VN
        ), dash


def test_synonyms_expand_in_search_and_counts_bodies() -> None:
    synonyms = Synonyms.from_forms([["BHXH", "bảo hiểm xã hội"]])
    for body in (
        search_body(Query(text="BHXH"), VN, synonyms),
        counts_body(Query(text="BHXH"), VN, group_by=None, interval="week", synonyms=synonyms),
    ):
        queries = [m["query"] for m in _multi_matches(body["query"])]
        assert "bhxh" in queries and "bảo hiểm xã hội" in queries
    plain = [m["query"] for m in _multi_matches(search_body(Query(text="BHXH"), VN)["query"])]
    assert "bảo hiểm xã hội" not in plain


def test_a_dotted_abbreviation_matches_its_word_its_synonyms_and_its_letters() -> None:
    synonyms = Synonyms.from_forms([["BHYT", "bảo hiểm y tế"]])
    body = search_body(Query(text="B.H.Y.T"), VN, synonyms)
    queries = {m["query"] for m in _multi_matches(body["query"])}
    assert {"bhyt", "bảo hiểm y tế", "b h y t"} <= queries
    tp = {m["query"] for m in _multi_matches(search_body(Query(text="TP.HCM"), VN)["query"])}
    assert tp == {"tp hcm"}


def test_old_tone_placement_and_nfd_query_become_one_spelling() -> None:
    nfd = "Thanh Hoa\u0301"  # "Thanh Hoá", decomposed, old tone placement
    clause = search_body(Query(text=nfd), VN)["query"]["bool"]["must"][0]
    assert clause["bool"]["should"][0]["bool"]["must"][0]["multi_match"]["query"] == "thanh hóa"


def test_quoted_text_becomes_phrase_clauses() -> None:
    body = search_body(Query(text='"bảo hiểm xã hội" tự nguyện'), VN)
    exact = body["query"]["bool"]["must"][0]["bool"]["should"][0]["bool"]["must"]
    assert exact == [
        {
            "multi_match": {
                "query": "tự nguyện",
                "fields": ["title^2", "seo_title^1.5", "body"],
                "type": "cross_fields",
                "operator": "and",
            }
        },
        {
            "multi_match": {
                "query": "bảo hiểm xã hội",
                "fields": ["title^2", "seo_title^1.5", "body"],
                "type": "phrase",
            }
        },
    ]
    shingles = body["query"]["bool"]["should"][0]["match"]["words"]["query"]
    assert shingles == "tự nguyện bảo hiểm xã hội"


@pytest.mark.parametrize(
    "hostile",
    [
        'NOT lương OR (hưu*) AND "',
        'title:"x" body:y~2 ^3 {"script": 1}',
        '\\" } ] }, {"match_all": {}} //',
        "<script>alert(1)</script>",
        "x*",
        "\x00\x1f\u200bx",
    ],
)
def test_hostile_text_only_reaches_match_clauses_as_words(hostile: str) -> None:
    query = search_body(Query(text=hostile), VN)["query"]
    assert _keys(query) <= SAFE_QUERY_KEYS
    for clause in _multi_matches(query):
        assert clause["type"] in {"cross_fields", "phrase"}
        assert all(ch.isalnum() or ch == " " for ch in clause["query"])


@settings(max_examples=50, derandomize=True, deadline=None)
@given(st.text(max_size=200))
def test_any_text_builds_a_safe_body_or_a_query_error(text: str) -> None:
    try:
        query = search_body(Query(text=text), VN)["query"]
    except QueryError:
        return
    assert _keys(query) <= SAFE_QUERY_KEYS
    json.dumps(query)


SAFE_QUERY_KEYS = {
    "bool",
    "should",
    "must",
    "must_not",
    "filter",
    "minimum_should_match",
    "multi_match",
    "query",
    "fields",
    "type",
    "operator",
    "boost",
    "_name",
    "match",
    "words",
}


def _keys(node: object) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for value in node.values() for k in _keys(value)}
    if isinstance(node, list):
        return {k for item in node for k in _keys(item)}
    return set()


def _multi_matches(node: object) -> list[dict]:
    found: list[dict] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "multi_match":
                found.append(value)
            else:
                found.extend(_multi_matches(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_multi_matches(item))
    return found


def test_invisible_characters_inside_a_word_reach_elasticsearch_as_one_word() -> None:
    query = search_body(Query(text="lư\u200bơng h\u00adưu"), VN)["query"]
    assert {c["query"] for c in _multi_matches(query)} == {"lương hưu"}


def test_text_without_words_is_a_query_error_and_blank_text_searches_everything() -> None:
    with pytest.raises(QueryError, match="không có từ nào để tìm"):
        search_body(Query(text='*** " ( )'), VN)
    body = search_body(Query(text=" \u200b\x00"), VN)
    assert body["query"] == {"bool": {"filter": []}}
    assert "highlight" not in body
    assert body["sort"] == [{"published_at": {"order": "desc"}}, {"id": {"order": "asc"}}]


def test_overlong_text_is_a_query_error() -> None:
    with pytest.raises(QueryError):
        search_body(Query(text="bhxh " * 400), VN)


def test_every_filter_golden() -> None:
    query = Query(
        date_from=date(2025, 1, 1),
        date_to=date(2025, 1, 31),
        outlets=frozenset({"vnexpress", "bao_can_tho"}),
        kinds=frozenset({"provincial"}),
        provinces=frozenset({"Cần Thơ", "Hà Nội"}),
        topics=frozenset({"bhyt"}),
        tiers=frozenset({"review"}),
        review_statuses=frozenset({"unstarted"}),
        stories=frozenset({"s2", "s1"}),
        flagged_only=True,
    )
    assert search_body(query, VN)["query"] == {
        "bool": {
            "filter": [
                {
                    "range": {
                        "published_at": {
                            "time_zone": VN,
                            "format": "strict_date",
                            "gte": "2025-01-01",
                            "lt": "2025-02-01",
                        }
                    }
                },
                {"terms": {"outlet": ["bao_can_tho", "vnexpress"]}},
                {"terms": {"kind": ["provincial"]}},
                {"terms": {"topics": ["bhyt"]}},
                {"terms": {"tier": ["review"]}},
                {"terms": {"review_status": ["unstarted"]}},
                {"terms": {"story_id": ["s1", "s2"]}},
                {
                    "bool": {
                        "should": [
                            {"terms": {"province": ["Cần Thơ", "Hà Nội"]}},
                            {"terms": {"provinces": ["Cần Thơ", "Hà Nội"]}},
                        ],
                        "minimum_should_match": 1,
                    }
                },
                {
                    "bool": {
                        "filter": [
                            {"exists": {"field": "risk"}},
                            {"terms": {"tier": ["review", "urgent"]}},
                        ]
                    }
                },
            ]
        }
    }


def test_open_ended_date_ranges() -> None:
    (since,) = search_body(Query(date_from=date(2025, 3, 1)), VN)["query"]["bool"]["filter"]
    assert since["range"]["published_at"] == {
        "time_zone": VN,
        "format": "strict_date",
        "gte": "2025-03-01",
    }
    (until,) = search_body(Query(date_to=date(2025, 12, 31)), VN)["query"]["bool"]["filter"]
    assert until["range"]["published_at"]["lt"] == "2026-01-01"


def test_sort_by_date_with_text_and_pagination() -> None:
    body = search_body(Query(text="bhyt", sort="date", page=3, page_size=50), VN)
    assert body["sort"] == [{"published_at": {"order": "desc"}}, {"id": {"order": "asc"}}]
    assert (body["from"], body["size"]) == (100, 50)


@pytest.mark.parametrize("page,size", [(0, 20), (1, 0), (1, 201), (501, 20)])
def test_bad_or_too_deep_pages_are_query_errors(page: int, size: int) -> None:
    with pytest.raises(QueryError):
        search_body(Query(page=page, page_size=size), VN)


def test_counts_body_golden_week_histogram_in_vietnam_time() -> None:
    query = Query(date_from=date(2025, 1, 1), date_to=date(2025, 1, 31))
    assert counts_body(query, VN, group_by="topic", interval="week") == {
        "query": {
            "bool": {
                "filter": [
                    {
                        "range": {
                            "published_at": {
                                "time_zone": VN,
                                "format": "strict_date",
                                "gte": "2025-01-01",
                                "lt": "2025-02-01",
                            }
                        }
                    }
                ]
            }
        },
        "size": 0,
        "track_total_hits": False,
        "aggs": {
            "over_time": {
                "date_histogram": {
                    "field": "published_at",
                    "calendar_interval": "week",  # ISO weeks: they start on Monday
                    "time_zone": VN,
                    "format": "yyyy-MM-dd",
                    "min_doc_count": 0,
                    "extended_bounds": {"min": "2025-01-01", "max": "2025-01-31"},
                },
                "aggs": {
                    "groups": {
                        "terms": {
                            "field": "topics",
                            "size": 5_000,
                            "missing": UNKNOWN_GROUP,
                            "order": {"_key": "asc"},
                        }
                    }
                },
            }
        },
    }


def test_counts_body_month_ungrouped_without_dates() -> None:
    body = counts_body(Query(), VN, group_by=None, interval="month")
    histogram = body["aggs"]["over_time"]["date_histogram"]
    assert histogram["calendar_interval"] == "month"
    assert "extended_bounds" not in histogram
    assert "aggs" not in body["aggs"]["over_time"]


@pytest.mark.parametrize("group_by,interval", [("author", "week"), (None, "day")])
def test_counts_body_rejects_unknown_group_or_interval(group_by, interval) -> None:
    with pytest.raises(QueryError):
        counts_body(Query(), VN, group_by=group_by, interval=interval)


def _bucket(day: str, count: int, groups: dict[str, int] | None = None) -> dict:
    bucket: dict = {"key_as_string": day, "key": 0, "doc_count": count}
    if groups is not None:
        bucket["groups"] = {
            "doc_count_error_upper_bound": 0,
            "sum_other_doc_count": 0,
            "buckets": [{"key": k, "doc_count": v} for k, v in groups.items()],
        }
    return bucket


def test_grouped_aggregation_response_becomes_zero_filled_table() -> None:
    # Requested 2024-12-30 .. 2025-01-26; the server left out the empty middle week's groups.
    response = {
        "aggregations": {
            "over_time": {
                "buckets": [
                    _bucket("2024-12-30", 3, {"Cần Thơ": 2, UNKNOWN_GROUP: 1}),
                    _bucket("2025-01-06", 0, {}),
                    _bucket("2025-01-13", 4, {"Hà Nội": 4}),
                ]
            }
        }
    }
    query = Query(
        date_from=date(2024, 12, 30),
        date_to=date(2025, 1, 26),
        provinces=frozenset({"Cần Thơ", "Hà Nội", "Đắk Lắk"}),
    )
    table = count_table(response, query, group_by="province", interval="week")
    assert table == CountTable(
        buckets=(date(2024, 12, 30), date(2025, 1, 6), date(2025, 1, 13), date(2025, 1, 20)),
        rows={
            UNKNOWN_GROUP: (1, 0, 0, 0),
            "Cần Thơ": (2, 0, 0, 0),
            "Hà Nội": (0, 0, 4, 0),
            "Đắk Lắk": (0, 0, 0, 0),
        },
        interval="week",
        group_by="province",
    )
    assert table.total == 7


def test_ungrouped_aggregation_response() -> None:
    response = {
        "aggregations": {
            "over_time": {
                "buckets": [
                    _bucket("2025-01-01", 5),
                    _bucket("2025-02-01", 0),
                    _bucket("2025-03-01", 2),
                ]
            }
        }
    }
    table = count_table(response, Query(), group_by=None, interval="month")
    assert table.buckets == (date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1))
    assert table.rows == {"": (5, 0, 2)}


def test_truncated_groups_are_an_error_not_a_silent_undercount() -> None:
    bucket = _bucket("2025-01-06", 9, {"a": 1})
    bucket["groups"]["sum_other_doc_count"] = 8
    response = {"aggregations": {"over_time": {"buckets": [bucket]}}}
    with pytest.raises(QueryError):
        count_table(response, Query(), group_by="outlet", interval="week")


def test_malformed_response_is_a_search_index_error() -> None:
    with pytest.raises(SearchIndexError):
        count_table({"took": 1}, Query(), group_by=None, interval="week")


def test_search_page_takes_highlight_and_named_match() -> None:
    doc = _doc(body="Cảnh báo <b>giả mạo</b> cán bộ BHXH")
    response = {
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "hits": [
                {
                    "_id": "d1",
                    "_score": 4.5,
                    "_source": document_to_source(doc),
                    "matched_queries": ["exact", "folded"],
                    "highlight": {"body": ["Cảnh báo &lt;b&gt;<mark>giả</mark> mạo&lt;/b&gt;"]},
                },
                {
                    "_id": "d2",
                    "_score": 1.0,
                    "_source": document_to_source(_doc(id="d2")),
                    "matched_queries": ["folded"],
                    "highlight": {"body.folded": ["<mark>gia</mark> hạn"]},
                },
            ],
        }
    }
    page = search_page(response, Query(text="giả"))
    assert page.total == 2
    first, second = page.hits
    assert (first.document, first.score, first.match) == (doc, 4.5, "exact")
    assert first.snippet.startswith("Cảnh báo &lt;b&gt;<mark>giả</mark>")
    assert (second.match, second.snippet) == ("folded", "<mark>gia</mark> hạn")


def test_a_page_says_how_far_it_reaches_and_the_last_such_page_is_built() -> None:
    empty = {"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
    for sort in ("relevance", "date"):
        page = search_page(empty, Query(text="giả", sort=sort))
        last = page.last_reachable_page
        assert last is not None
        search_body(Query(text="giả", sort=sort, page=last), VN)
        with pytest.raises(QueryError):
            search_body(Query(text="giả", sort=sort, page=last + 1), VN)


def test_interactive_pages_count_up_to_the_limit_and_bulk_reads_count_all() -> None:
    assert search_body(Query(page_size=50), VN)["track_total_hits"] == 10_000
    assert search_body(Query(page_size=20), VN, count_limit=3)["track_total_hits"] == 3
    assert search_body(Query(page_size=51), VN, count_limit=3)["track_total_hits"] is True


def test_search_page_reads_a_capped_total_as_a_lower_bound() -> None:
    def page(total: object) -> tuple[int, bool]:
        found = search_page({"hits": {"total": total, "hits": []}}, Query())
        return found.total, found.total_exact

    assert page({"value": 10_000, "relation": "gte"}) == (10_000, False)
    assert page({"value": 42, "relation": "eq"}) == (42, True)
    assert page(42) == (42, True)


def test_search_page_without_highlight_escapes_its_own_snippet() -> None:
    doc = _doc(body="<script>alert('x')</script> lương hưu")
    response = {
        "hits": {
            "total": {"value": 1},
            "hits": [{"_id": "d1", "_score": None, "_source": document_to_source(doc)}],
        }
    }
    (hit,) = search_page(response, Query()).hits
    assert "<script>" not in hit.snippet and "&lt;script&gt;" in hit.snippet
    assert hit.score == 0.0


def test_search_page_without_highlight_marks_a_folded_hit_as_sqlite_does() -> None:
    doc = _doc(body="Cảnh báo tin giả về lương hưu")
    hit = {"_id": "d1", "_score": 1.0, "_source": document_to_source(doc)}
    response = {"hits": {"total": {"value": 1}, "hits": [{**hit, "matched_queries": ["folded"]}]}}
    (found,) = search_page(response, Query(text="tin gia")).hits
    assert found.snippet == "Cảnh báo <mark>tin giả</mark> về lương hưu"


def test_search_page_marks_the_title_as_sqlite_does() -> None:
    # Elasticsearch highlights the body only: the title is marked by `mark_title`, whole, with
    # the folded forms of a folded hit, as on SQLite.
    doc = _doc(title="<i>Tin giả</i> về lương hưu", body="Nội dung khác")
    hit = {"_id": "d1", "_score": 1.0, "_source": document_to_source(doc)}
    response = {"hits": {"total": {"value": 1}, "hits": [{**hit, "matched_queries": ["folded"]}]}}
    (found,) = search_page(response, Query(text="tin gia")).hits
    assert found.marked_title == "&lt;i&gt;<mark>Tin giả</mark>&lt;/i&gt; về lương hưu"


def test_stats_response() -> None:
    response = {
        "hits": {"total": {"value": 10}},
        "aggregations": {
            "flagged": {"doc_count": 3},
            "reviewed": {"doc_count": 2},
            "first_published": {"value": 1735689600000.0},
            "last_published": {"value": None},
            "last_crawled": {"value": 1735693200000.0},
        },
    }
    stats = archive_stats(response)
    assert (stats.documents, stats.flagged, stats.reviewed) == (10, 3, 2)
    assert stats.first_published == datetime(2025, 1, 1, tzinfo=UTC)
    assert stats.last_published is None
    assert stats.last_crawled == datetime(2025, 1, 1, 1, tzinfo=UTC)


# --- mapping -------------------------------------------------------------------------------


def test_exact_analyzer_keeps_diacritics_and_folded_subfield_folds_d() -> None:
    definition = documents_index()
    analysis = definition["settings"]["analysis"]
    assert analysis["analyzer"]["vi_exact"] == {
        "type": "custom",
        "char_filter": ["vi_separators"],
        "tokenizer": "whitespace",
        "filter": ["lowercase"],
    }
    folded = analysis["analyzer"]["vi_folded"]
    assert folded["filter"] == ["lowercase", "vi_ascii", "vi_no_diacritics"]
    assert analysis["filter"]["vi_ascii"] == {"type": "asciifolding", "preserve_original": False}
    assert analysis["char_filter"]["vi_d_stroke"]["mappings"] == ["đ => d", "Đ => D"]
    shingle = analysis["filter"]["vi_two_syllables"]
    assert (shingle["min_shingle_size"], shingle["max_shingle_size"]) == (2, 2)
    properties = definition["mappings"]["properties"]
    for name in ("title", "seo_title", "body"):
        assert properties[name]["analyzer"] == "vi_exact"
        assert properties[name]["fields"]["folded"]["analyzer"] == "vi_folded"
        assert properties[name]["copy_to"] == ["words"]
    assert definition["mappings"]["dynamic"] == "strict"


def test_mapping_covers_every_document_field() -> None:
    properties = documents_index()["mappings"]["properties"]
    assert set(document_to_source(_doc())) <= set(properties)
    review_fields = set(event_to_source(_event(), 1))
    assert review_fields <= set(reviews_index()["mappings"]["properties"])


def test_schema_version_from_mapping_response() -> None:
    response = {"pm": {"mappings": {"_meta": {"pressmon_schema": 7}, "properties": {}}}}
    assert schema_version(response, "pm") == 7
    assert schema_version({"pm": {"mappings": {}}}, "pm") is None


def _event() -> ReviewEvent:
    return ReviewEvent(
        document_id="d1",
        actor="cv.nguyen",
        at=datetime(2025, 1, 7, 9, tzinfo=ICT),
        status_before="unstarted",
        status_after="in_progress",
        note="Gọi BHXH tỉnh",
        detail={"assignee": "an"},
    )


def test_document_and_event_round_trip_through_source() -> None:
    doc = _doc(
        risk=0.82,
        tier="urgent",
        flag_details={"reasons": ["số liệu lạ"]},
        extraction={"title": "json-ld"},
        relevance_reasons=("bhxh",),
    )
    source = document_to_source(doc)
    assert source["published_at"] == "2025-01-06T08:30:00+07:00"
    assert json.loads(json.dumps(source)) == source
    assert document_from_source(source) == doc
    assert event_from_source(event_to_source(_event(), 42)) == _event()


def test_source_text_is_nfc_with_modern_tone_placement() -> None:
    source = document_to_source(
        _doc(
            title="Thanh Hoa\u0301 ho\u0323p ba\u0300n",
            province="Thanh Hoá",
            provinces=("Thanh Hoá",),
        )
    )
    assert source["title"] == "Thanh Hóa họp bàn"
    assert (source["province"], source["provinces"]) == ("Thanh Hóa", ["Thanh Hóa"])


def test_province_filter_values_are_normalised() -> None:
    body = search_body(Query(provinces=frozenset({"Thanh Hoá"})), VN)
    (clause,) = body["query"]["bool"]["filter"]
    assert clause["bool"]["should"][0] == {"terms": {"province": ["Thanh Hóa"]}}


def test_story_counts_use_a_cardinality_per_cell() -> None:
    query = Query(date_from=date(2024, 1, 1), date_to=date(2024, 1, 14))
    body = counts_body(
        query, "Asia/Ho_Chi_Minh", group_by="outlet", interval="week", unit="stories"
    )
    groups = body["aggs"]["over_time"]["aggs"]["groups"]
    assert groups["aggs"]["stories"]["cardinality"]["precision_threshold"] == 40_000
    assert "story_id" in groups["aggs"]["stories"]["cardinality"]["script"]["source"]
    response = {
        "aggregations": {
            "over_time": {
                "buckets": [
                    {
                        "key_as_string": "2024-01-01",
                        "doc_count": 3,
                        "groups": {
                            "buckets": [{"key": "bao_a", "doc_count": 3, "stories": {"value": 2}}]
                        },
                    },
                    {"key_as_string": "2024-01-08", "doc_count": 0, "groups": {"buckets": []}},
                ]
            }
        }
    }
    table = count_table(response, query, group_by="outlet", interval="week", unit="stories")
    assert dict(table.rows) == {"bao_a": (2, 0)} and table.unit == "stories"
    ungrouped = counts_body(
        query, "Asia/Ho_Chi_Minh", group_by=None, interval="week", unit="stories"
    )
    assert "stories" in ungrouped["aggs"]["over_time"]["aggs"]
    assert "stories" not in body["aggs"]  # grouped: each group's cells only
    # ungrouped, the range's own cardinality is the total: one story across two weeks is one
    assert ungrouped["aggs"]["stories"] == groups["aggs"]["stories"]
    whole_range: dict[str, Any] = {
        "aggregations": {
            "over_time": {
                "buckets": [
                    {"key_as_string": "2024-01-01", "doc_count": 1, "stories": {"value": 1}},
                    {"key_as_string": "2024-01-08", "doc_count": 2, "stories": {"value": 2}},
                ]
            },
            "stories": {"value": 2},
        }
    }
    table = count_table(whole_range, query, group_by=None, interval="week", unit="stories")
    assert dict(table.rows) == {"": (1, 2)} and table.total == 2


def test_the_seo_title_is_searched_with_a_lower_boost_than_the_title() -> None:
    def boosts(fields: tuple[str, ...]) -> dict[str, float]:
        return {f.split("^")[0]: float(f.split("^")[1]) if "^" in f else 1.0 for f in fields}

    exact, folded = boosts(EXACT_FIELDS), boosts(FOLDED_FIELDS)
    assert exact["body"] < exact["seo_title"] < exact["title"]
    assert folded["body.folded"] < folded["seo_title.folded"] < folded["title.folded"]


def test_every_analyzer_splits_text_where_sqlite_does() -> None:
    # The splitting itself is compared with FTS5's in test_elastic_analysis.py.
    analysis = documents_index()["settings"]["analysis"]
    assert analysis["char_filter"]["vi_separators"] == {
        "type": "pattern_replace",
        "pattern": SEPARATOR_PATTERN,
        "replacement": " ",  # one character for one: the highlight offsets are the text's
    }
    for analyzer in analysis["analyzer"].values():
        assert analyzer["char_filter"][0] == "vi_separators"
        assert analyzer["tokenizer"] == "whitespace"


def test_an_index_analysed_otherwise_is_reindexed_not_upgraded_in_place() -> None:
    definition = documents_index()
    assert SCHEMA_VERSION == 4
    for older in (1, 2, 3):  # Vietnamese tier names (1), text split as SQLite does not (2, 3)
        assert mapping_upgrade(older, definition) is None
    # A later schema that only adds fields upgrades an index of this one in place.
    assert mapping_upgrade(SCHEMA_VERSION, definition) == {
        "properties": definition["mappings"]["properties"],
        "_meta": {"pressmon_schema": SCHEMA_VERSION},
    }


@pytest.mark.parametrize("older", [2, 3])
def test_reindex_advice_for_an_index_split_otherwise_uses_this_version(older: int) -> None:
    advice = reindex_advice("pressmon", older)
    assert f"lược đồ {older}" in advice and "TP.HCM" in advice
    assert advice.index("`pressmon index export TỆP`") < advice.index("`pressmon index import TỆP`")
    assert "tên chỉ mục mới" in advice and "PRESSMON_ARCHIVE__ELASTICSEARCH_INDEX" in advice
    assert "bản pressmon đã ghi nó" not in advice  # this version exports it


def test_reindex_advice_for_schema_1_exports_with_the_version_that_wrote_it() -> None:
    advice = reindex_advice("pressmon", 1)
    assert "bản pressmon đã ghi nó" in advice and "`pressmon index import TỆP`" in advice


# --- exact matches first, tier by tier -------------------------------------------------------


def _tier_response(hits: int, total: int, relation: str = "eq", named: str = "exact") -> dict:
    return {
        "hits": {
            "total": {"value": total, "relation": relation},
            "hits": [
                {
                    "_id": f"{named}{i}",
                    "_score": 1.0,
                    "_source": document_to_source(_doc(id=f"{named}{i}")),
                    "matched_queries": [named] if named == "folded" else ["exact", "folded"],
                }
                for i in range(hits)
            ],
        }
    }


def _without_tier(clause: dict, tier_key: str) -> dict:
    """The bool clause less the last entry its tier added under `tier_key`."""
    inner = dict(clause["bool"])
    rest = inner[tier_key][:-1]
    if rest or tier_key == "filter":
        inner[tier_key] = rest
    else:
        del inner[tier_key]
    return {"bool": inner}


def test_a_relevance_page_with_a_folded_tier_asks_for_its_exact_hits_and_the_total() -> None:
    query = Query(text="Gia", page=2, page_size=20)
    single = search_body(query, VN)
    tiers = tiered_bodies(query, VN)
    assert tiers is not None
    exact, total = tiers
    exact_clause = exact["query"]["bool"]["filter"][-1]
    assert exact_clause == exact_match(parse_query("gia"))
    assert exact_clause["bool"]["must"] == [
        {
            "multi_match": {
                "query": "gia",
                "fields": ["title^2", "seo_title^1.5", "body"],
                "type": "cross_fields",
                "operator": "and",
            }
        }
    ]
    # Scored as the single query is (the tier is a filter), so bm25 orders the tier as before.
    assert _without_tier(exact["query"], "filter") == single["query"]
    assert {k: v for k, v in exact.items() if k not in ("query", "track_total_hits")} == {
        k: v for k, v in single.items() if k not in ("query", "track_total_hits")
    }
    assert (exact["from"], exact["size"], exact["track_total_hits"]) == (20, 20, 40)
    assert total == {"query": single["query"], "size": 0, "track_total_hits": 10_000}
    bulk = tiered_bodies(Query(text="gia", page_size=200), VN)
    assert bulk is not None and bulk[1]["track_total_hits"] is True


@pytest.mark.parametrize(
    "page,exact_hits,exact_total,relation,rest",
    [
        (2, 20, 40, "gte", None),  # inside the exact tier: one round trip
        (2, 20, 40, "eq", None),  # the exact tier ends with the page
        (2, 5, 25, "eq", (0, 15)),  # straddling: the first folded-only matches fill the page
        (2, 0, 20, "eq", (0, 20)),  # the folded tier starts with the page
        (3, 0, 25, "eq", (15, 20)),  # past the exact tier: skip the folded matches shown before
        (1, 0, 0, "eq", (0, 20)),  # no exact match at all
    ],
)
def test_the_folded_tier_continues_where_the_exact_tier_ends(
    page: int, exact_hits: int, exact_total: int, relation: str, rest: tuple[int, int] | None
) -> None:
    query = Query(text="gia", page=page, page_size=20)
    response = _tier_response(exact_hits, exact_total, relation)
    body = rest_tier_body(query, VN, response)
    if rest is None:
        assert body is None
        return
    assert body is not None
    assert (body["from"], body["size"], body["track_total_hits"]) == (*rest, False)
    single = search_body(query, VN)
    assert body["query"]["bool"]["must_not"][-1] == exact_match(parse_query("gia"))
    assert _without_tier(body["query"], "must_not") == single["query"]
    assert (body["sort"], body["highlight"]) == (single["sort"], single["highlight"])


def test_the_folded_tier_leaves_out_exact_matches_beside_the_exclusions() -> None:
    query = Query(text="gia -giả", page=1)
    body = rest_tier_body(query, VN, _tier_response(0, 0))
    assert body is not None
    exclusion, exact = body["query"]["bool"]["must_not"]
    assert exclusion["multi_match"]["query"] == "giả"
    assert exact == exact_match(parse_query("gia"))


def test_words_to_find_together_make_the_first_tier() -> None:
    # "so bhxh": the phrases standing together, in the folded fields, decide the tier, not
    # the spelling as typed ("so" is also a word: "so với").
    query = Query(text="so bhxh", page=1, page_size=20)
    fields = ["title.folded^2", "seo_title.folded^1.5", "body.folded"]
    side_by_side = {"match": {"query": "so bhxh", "max_gaps": 0, "ordered": False}}
    together = {
        "bool": {
            "should": [
                {"multi_match": {"query": "so bhxh", "fields": fields, "type": "phrase"}},
                {
                    "bool": {
                        "should": [
                            {"intervals": {field.split("^")[0]: side_by_side}} for field in fields
                        ],
                        "minimum_should_match": 1,
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }
    tiers = tiered_bodies(query, VN)
    assert tiers is not None
    assert tiers[0]["query"]["bool"]["filter"][-1] == together
    assert _without_tier(tiers[0]["query"], "filter") == search_body(query, VN)["query"]
    rest = rest_tier_body(query, VN, _tier_response(3, 3))
    assert rest is not None and rest["query"]["bool"]["must_not"] == [together]
    assert (rest["from"], rest["size"]) == (0, 17)
    # Typed with diacritics, even partly, the words stand together as typed, in the exact fields.
    for text in ("tăng lương hưu", "sổ BHXH"):
        tiers = tiered_bodies(Query(text=text), VN)
        assert tiers is not None
        phrase = tiers[0]["query"]["bool"]["filter"][-1]["bool"]["should"][0]["multi_match"]
        assert (phrase["query"], phrase["fields"]) == (
            text.lower(),
            ["title^2", "seo_title^1.5", "body"],
        )


def test_the_deepest_tiered_page_stays_in_the_result_window() -> None:
    query = Query(text="gia", page=50, page_size=200)
    tiers = tiered_bodies(query, VN)
    assert tiers is not None and tiers[0]["from"] + tiers[0]["size"] == 10_000
    body = rest_tier_body(query, VN, _tier_response(0, 3))
    assert body is not None and body["from"] + body["size"] <= 10_000
    with pytest.raises(QueryError):
        tiered_bodies(Query(text="gia", page=51, page_size=200), VN)


@pytest.mark.parametrize(
    "query",
    [
        Query(text='"giả mạo" lừa'),  # typed with diacritics (no folded-only match), not loose
        Query(text="gia", sort="date"),  # by date, tiers do not order anything
        Query(),
    ],
    ids=["accented", "by-date", "empty"],
)
def test_a_page_without_a_folded_tier_is_one_query(query: Query) -> None:
    assert tiered_bodies(query, VN) is None


def test_a_tiered_page_lists_exact_hits_then_folded_ones_and_counts_every_match() -> None:
    query = Query(text="gia", page=2, page_size=4)
    exact = _tier_response(1, 5)
    folded = _tier_response(3, 0, named="folded")
    page = tiered_page(query, exact, {"hits": {"total": {"value": 9, "relation": "eq"}}}, folded)
    assert [(h.document.id, h.match) for h in page.hits] == [
        ("exact0", "exact"),
        ("folded0", "folded"),
        ("folded1", "folded"),
        ("folded2", "folded"),
    ]
    assert (page.total, page.total_exact, page.page, page.page_size) == (9, True, 2, 4)
    capped = {"hits": {"total": {"value": 10_000, "relation": "gte"}}}
    whole = tiered_page(query, _tier_response(4, 10_000, "gte"), capped, None)
    assert (len(whole.hits), whole.total, whole.total_exact) == (4, 10_000, False)


def test_a_count_reads_no_hit_and_counts_every_match_of_the_search() -> None:
    query = Query(text="luong huu", kinds=frozenset({"provincial"}), page=600, page_size=20)
    body = count_body(query, VN)
    assert body == {
        "query": search_body(replace(query, page=1), VN)["query"],
        "size": 0,
        "track_total_hits": True,
    }
    assert match_count({"hits": {"total": {"value": 12_345, "relation": "eq"}, "hits": []}}) == (
        12_345
    )


def test_a_range_of_days_ending_before_it_starts_is_refused_as_on_sqlite() -> None:
    """Not a range filter matching nothing: the page would say "0 kết quả" without saying why."""
    reversed_days = Query(date_from=date(2026, 5, 17), date_to=date(2026, 5, 11))
    for build in (
        lambda: search_body(reversed_days, VN),
        lambda: count_body(reversed_days, VN),
        lambda: counts_body(reversed_days, VN, group_by=None, interval="week"),
    ):
        with pytest.raises(QueryError, match="Khoảng ngày không hợp lệ: từ ngày 17/05/2026 sau"):
            build()


def test_a_province_asked_in_an_old_spelling_is_one_row_under_its_stored_name() -> None:
    """As on SQLite: "Khánh Hoà" is filtered as "Khánh Hòa" and counted in that row alone."""
    query = Query(
        provinces=frozenset({"Khánh Hoà", "Thanh Hoá"}),
        date_from=date(2026, 5, 11),
        date_to=date(2026, 5, 17),
    )
    groups = {"buckets": [{"key": "Khánh Hòa", "doc_count": 3}]}
    response = {
        "aggregations": {
            "over_time": {
                "buckets": [{"key_as_string": "2026-05-11", "doc_count": 3, "groups": groups}]
            }
        }
    }
    table = count_table(response, query, group_by="province", interval="week")
    assert dict(table.rows) == {"Khánh Hòa": (3,), "Thanh Hóa": (0,)}
