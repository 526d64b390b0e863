"""Pure translation between `Query` and Elasticsearch request/response bodies.

User text never reaches a query parser: `index.query_parser.parse_query` reduces it to words,
quoted phrases, OR groups and exclusions, which become `multi_match` clauses (`cross_fields` for
loose words, `phrase` for phrases and alternatives, `must_not` for exclusions), so Lucene operators
and syntax characters in hostile input are plain text.

Ranking: the exact (diacritics-kept) clause is named "exact" and boosted; the folded clause
named "folded" is the fallback. A hit's `match` comes from `matched_queries`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, get_args

from index.elastic_mapping import document_from_source
from index.errors import QueryError, SearchIndexError
from index.query_parser import ParsedQuery, parse_query
from index.snippets import make_snippet
from index.synonyms import Phrase, Synonyms
from index.types import (
    COUNT_LIMIT,
    DEFAULT_REVIEW_STATUS,
    REVIEW_TIERS,
    UNKNOWN_GROUP,
    ArchiveStats,
    CountTable,
    CountUnit,
    GroupBy,
    Hit,
    Interval,
    MatchKind,
    Query,
    SearchPage,
    counted_up_to,
)
from index.weeks import fill_counts
from vntext.normalize import normalize_spelling

MAX_RESULT_WINDOW = 10_000  # Elasticsearch's default index.max_result_window
MAX_PAGE_SIZE = 200  # as the SQLite archive
MAX_GROUPS = 5_000
EXACT_BOOST = 3.0
SHINGLE_BOOST = 0.5
SNIPPET_CHARS = 240
HIGHLIGHT_MAX_OFFSET = 500_000  # highlight only this far into long bodies instead of failing

# The SEO title words the headline for search engines: a match there ranks below a title match.
EXACT_FIELDS = ("title^2", "seo_title^1.5", "body")
FOLDED_FIELDS = ("title.folded^2", "seo_title.folded^1.5", "body.folded")
GROUP_FIELDS: dict[str, str] = {
    "province": "province",
    "outlet": "outlet",
    "kind": "kind",
    "topic": "topics",
}


def text_clauses(parsed: ParsedQuery, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every loose word (in any of `fields`), every quoted phrase and one alternative of every
    OR group must match."""
    clauses: list[dict[str, Any]] = []
    if parsed.terms:
        clauses.append(
            {
                "multi_match": {
                    "query": " ".join(parsed.terms),
                    "fields": list(fields),
                    "type": "cross_fields",
                    "operator": "and",
                }
            }
        )
    clauses += [_phrase(phrase, fields) for phrase in parsed.phrases]
    clauses += [_any_of(group, fields) for group in parsed.any_of]
    return clauses


def _phrase(phrase: Phrase, fields: tuple[str, ...]) -> dict[str, Any]:
    return {"multi_match": {"query": " ".join(phrase), "fields": list(fields), "type": "phrase"}}


def _any_of(phrases: Sequence[Phrase], fields: tuple[str, ...]) -> dict[str, Any]:
    return {
        "bool": {
            "should": [_phrase(phrase, fields) for phrase in phrases],
            "minimum_should_match": 1,
        }
    }


def text_query(parsed: ParsedQuery) -> dict[str, Any]:
    """Exact OR folded match; exact matches score higher and are named for `Hit.match`.

    Words typed with diacritics match only as typed: with every word accented the folded
    clause is left out, otherwise those words are required in the exact fields (unscored).
    """
    exact = {
        "bool": {"must": text_clauses(parsed, EXACT_FIELDS), "boost": EXACT_BOOST, "_name": "exact"}
    }
    if parsed.all_accented:
        return {"bool": {"should": [exact], "minimum_should_match": 1}}
    query: dict[str, Any] = {
        "bool": {
            "should": [
                exact,
                {"bool": {"must": text_clauses(parsed, FOLDED_FIELDS), "_name": "folded"}},
            ],
            "minimum_should_match": 1,
        }
    }
    accented = parsed.accented_part()
    if not accented.empty:
        query["bool"]["filter"] = text_clauses(accented, EXACT_FIELDS)
    return query


def excluded_clauses(parsed: ParsedQuery) -> list[dict[str, Any]]:
    """`must_not` clauses: an exclusion typed with diacritics in the exact fields, one typed
    bare in the folded fields (so it leaves out its accented forms too)."""
    return [
        *(_phrase(phrase, EXACT_FIELDS) for phrase in parsed.excluded_exact()),
        *(_phrase(phrase, FOLDED_FIELDS) for phrase in parsed.excluded_folded()),
    ]


def filters(query: Query, timezone: str) -> list[dict[str, Any]]:
    """Keyword/date filters; dates are inclusive local days in `timezone`."""
    out: list[dict[str, Any]] = []
    if query.date_from or query.date_to:
        bounds: dict[str, Any] = {"time_zone": timezone, "format": "strict_date"}
        if query.date_from:
            bounds["gte"] = query.date_from.isoformat()
        if query.date_to:
            bounds["lt"] = (query.date_to + timedelta(days=1)).isoformat()
        out.append({"range": {"published_at": bounds}})
    for field, values in (
        ("outlet", query.outlets),
        ("kind", query.kinds),
        ("topics", query.topics),
        ("tier", query.tiers),
        ("review_status", query.review_statuses),
    ):
        if values:
            out.append({"terms": {field: sorted(values)}})
    if query.provinces:  # the main province or any other the article is about
        provinces = sorted({normalize_spelling(p) for p in query.provinces})
        out.append(
            {
                "bool": {
                    "should": [
                        {"terms": {"province": provinces}},
                        {"terms": {"provinces": provinces}},
                    ],
                    "minimum_should_match": 1,
                }
            }
        )
    if query.flagged_only:
        out.append(flagged_filter())
    return out


def flagged_filter() -> dict[str, Any]:
    return {
        "bool": {
            "filter": [
                {"exists": {"field": "risk"}},
                {"terms": {"tier": sorted(REVIEW_TIERS)}},
            ]
        }
    }


def query_clause(query: Query, timezone: str, synonyms: Synonyms | None = None) -> dict[str, Any]:
    parsed = parse_query(query.text, synonyms)
    clause: dict[str, Any] = {"filter": filters(query, timezone)}
    if not parsed.empty:
        clause["must"] = [text_query(parsed)]
        if excluded := excluded_clauses(parsed):
            clause["must_not"] = excluded
        words = parsed.all_words()
        if len(words) > 1:
            clause["should"] = [
                {"match": {"words": {"query": " ".join(words), "boost": SHINGLE_BOOST}}}
            ]
    return {"bool": clause}


def search_body(
    query: Query,
    timezone: str,
    synonyms: Synonyms | None = None,
    count_limit: int = COUNT_LIMIT,
) -> dict[str, Any]:
    """`search` request body for one page of hits; an interactive page counts its matches up to
    `count_limit` (`counted_up_to`), a bulk read all of them."""
    if query.page < 1 or not 1 <= query.page_size <= MAX_PAGE_SIZE:
        raise QueryError(
            f"Trang {query.page} với {query.page_size} kết quả/trang không hợp lệ "
            f"(trang ≥ 1, tối đa {MAX_PAGE_SIZE} kết quả/trang)."
        )
    if query.page * query.page_size > MAX_RESULT_WINDOW:
        raise QueryError(
            f"Chỉ xem được {MAX_RESULT_WINDOW} kết quả đầu tiên; hãy thu hẹp điều kiện tìm kiếm."
        )
    has_text = not parse_query(query.text, synonyms).empty
    by_date = [{"published_at": {"order": "desc"}}, {"id": {"order": "asc"}}]
    body: dict[str, Any] = {
        "query": query_clause(query, timezone, synonyms),
        "sort": ["_score", *by_date] if query.sort == "relevance" and has_text else by_date,
        "from": (query.page - 1) * query.page_size,
        "size": query.page_size,
        "track_total_hits": counted_up_to(query, count_limit) or True,
    }
    if has_text:
        body["highlight"] = {
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
            "fragment_size": SNIPPET_CHARS,
            "number_of_fragments": 1,
            "max_analyzed_offset": HIGHLIGHT_MAX_OFFSET,
            "fields": {"body": {}, "body.folded": {}},
        }
    return body


def search_page(
    response: Mapping[str, Any], query: Query, synonyms: Synonyms | None = None
) -> SearchPage:
    parsed = parse_query(query.text, synonyms)
    hits = []
    for raw in _get(response, "hits", "hits"):
        document = document_from_source(raw["_source"])
        highlight = raw.get("highlight") or {}
        named = raw.get("matched_queries") or ()
        match: MatchKind = "folded" if "folded" in named and "exact" not in named else "exact"
        fragments = highlight.get("body") or highlight.get("body.folded")
        snippet = (
            fragments[0]
            if fragments
            else make_snippet(document.body, parsed, folded=match == "folded")
        )
        hits.append(
            Hit(
                document=document,
                score=float(raw.get("_score") or 0.0),
                snippet=snippet,
                match=match,
            )
        )
    total = _get(response, "hits", "total")
    return SearchPage(
        total=int(total["value"] if isinstance(total, Mapping) else total),
        hits=tuple(hits),
        page=query.page,
        page_size=query.page_size,
        # "gte": counting stopped at track_total_hits, more documents match.
        total_exact=not (isinstance(total, Mapping) and total.get("relation") == "gte"),
    )


# Exact below this many distinct stories per cell (Elasticsearch's cardinality is approximate
# above).
STORY_PRECISION = 40_000
_STORY = {
    "cardinality": {
        "script": {
            "source": "doc['story_id'].size() > 0 ? doc['story_id'].value : doc['id'].value"
        },
        "precision_threshold": STORY_PRECISION,
    }
}


def counts_body(
    query: Query,
    timezone: str,
    *,
    group_by: GroupBy | None,
    interval: Interval,
    unit: CountUnit = "articles",
    synonyms: Synonyms | None = None,
) -> dict[str, Any]:
    """A zero-filled `date_histogram` (Monday weeks or months in `timezone`), optionally split
    by a `terms` sub-aggregation; articles without a value count under UNKNOWN_GROUP. Stories
    are a `cardinality` of story_id (the article id when it has none) in each cell, and, ungrouped,
    over the whole range too (`CountTable.distinct`)."""
    if interval not in get_args(Interval):
        raise QueryError(f"Khoảng thời gian không hợp lệ: {interval!r} (week hoặc month).")
    if group_by is not None and group_by not in GROUP_FIELDS:
        raise QueryError(f"Không nhóm được theo {group_by!r}; chọn {', '.join(GROUP_FIELDS)}.")
    histogram: dict[str, Any] = {
        "field": "published_at",
        "calendar_interval": interval,
        "time_zone": timezone,
        "format": "yyyy-MM-dd",
        "min_doc_count": 0,
    }
    bounds = {
        key: day.isoformat()
        for key, day in (("min", query.date_from), ("max", query.date_to))
        if day
    }
    if bounds:
        histogram["extended_bounds"] = bounds
    over_time: dict[str, Any] = {"date_histogram": histogram}
    cell_aggs = {"stories": _STORY} if unit == "stories" else None
    if group_by is not None:
        groups: dict[str, Any] = {
            "terms": {
                "field": GROUP_FIELDS[group_by],
                "size": MAX_GROUPS,
                "missing": UNKNOWN_GROUP,
                "order": {"_key": "asc"},
            }
        }
        if cell_aggs:
            groups["aggs"] = cell_aggs
        over_time["aggs"] = {"groups": groups}
    elif cell_aggs:
        over_time["aggs"] = cell_aggs
    aggs: dict[str, Any] = {"over_time": over_time}
    if unit == "stories" and group_by is None:
        aggs["stories"] = _STORY
    return {
        "query": query_clause(query, timezone, synonyms),
        "size": 0,
        "track_total_hits": False,
        "aggs": aggs,
    }


def _cell(bucket: Mapping[str, Any], unit: CountUnit) -> int:
    return int(bucket["stories"]["value"]) if unit == "stories" else int(bucket["doc_count"])


def count_table(
    response: Mapping[str, Any],
    query: Query,
    *,
    group_by: GroupBy | None,
    interval: Interval,
    unit: CountUnit = "articles",
) -> CountTable:
    """Parse a `counts_body` response into a zero-filled CountTable."""
    raw: dict[tuple[str, date], int] = {}
    for bucket in _get(response, "aggregations", "over_time", "buckets"):
        start = date.fromisoformat(bucket["key_as_string"])
        if group_by is None:
            if bucket["doc_count"]:
                raw[("", start)] = _cell(bucket, unit)
            continue
        groups = bucket["groups"]
        if groups.get("sum_other_doc_count"):
            raise QueryError(f"Quá nhiều nhóm (hơn {MAX_GROUPS}); hãy lọc bớt.")
        for group in groups["buckets"]:
            if group["doc_count"]:
                raw[(str(group["key"]), start)] = _cell(group, unit)
    return fill_counts(
        raw,
        first=query.date_from,
        last=query.date_to,
        interval=interval,
        group_by=group_by,
        groups=_filtered_groups(query, group_by),
        unit=unit,
        distinct=(
            int(_get(response, "aggregations", "stories", "value"))
            if unit == "stories" and group_by is None
            else None
        ),
    )


def _filtered_groups(query: Query, group_by: GroupBy | None) -> frozenset[str]:
    """Groups the query names explicitly get a row even when they have no articles."""
    return {
        "province": query.provinces,
        "outlet": query.outlets,
        "kind": query.kinds,
        "topic": query.topics,
    }.get(group_by or "", frozenset())


def stats_body() -> dict[str, Any]:
    return {
        "size": 0,
        "track_total_hits": True,
        "aggs": {
            "flagged": {"filter": flagged_filter()},
            "reviewed": {
                "filter": {
                    "bool": {"must_not": [{"term": {"review_status": DEFAULT_REVIEW_STATUS}}]}
                }
            },
            "first_published": {"min": {"field": "published_at"}},
            "last_published": {"max": {"field": "published_at"}},
            "last_crawled": {"max": {"field": "crawled_at"}},
        },
    }


def archive_stats(response: Mapping[str, Any]) -> ArchiveStats:
    aggs = _get(response, "aggregations")
    return ArchiveStats(
        documents=int(_get(response, "hits", "total")["value"]),
        flagged=int(aggs["flagged"]["doc_count"]),
        reviewed=int(aggs["reviewed"]["doc_count"]),
        first_published=_epoch_millis(aggs["first_published"].get("value")),
        last_published=_epoch_millis(aggs["last_published"].get("value")),
        last_crawled=_epoch_millis(aggs["last_crawled"].get("value")),
    )


def _epoch_millis(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value / 1000, UTC)


def _get(response: Mapping[str, Any], *path: str) -> Any:
    node: Any = response
    for key in path:
        try:
            node = node[key]
        except (KeyError, TypeError) as err:
            raise SearchIndexError(
                f"Elasticsearch trả lời không như mong đợi: thiếu {'.'.join(path)}"
            ) from err
    return node
