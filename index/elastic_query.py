"""Pure translation between `Query` and Elasticsearch request/response bodies.

User text never reaches a query parser: `index.query_parser.parse_query` reduces it to words,
quoted phrases, OR groups and exclusions, which become `multi_match` clauses (`cross_fields` for
loose words, `phrase` for phrases and alternatives, `must_not` for exclusions), so Lucene operators
and syntax characters in hostile input are plain text.

Ranking: the exact (diacritics-kept) clause is named "exact" and boosted; the folded clause
named "folded" is the fallback. A hit's `match` comes from `matched_queries`. Every exact match
ranks before every folded-only one, as on SQLite (or, for loose words to find together, every
match where they stand together before the others): a relevance page of such a query is read
tier by tier (`first_tier`, `tiered_bodies`, `rest_tier_body`, `tiered_page`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal, get_args

from index.elastic_mapping import document_from_source
from index.errors import QueryError, SearchIndexError
from index.query_parser import ParsedQuery, parse_query
from index.snippets import joined_marks, make_snippet, mark_title
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
from index.weeks import check_day_range, fill_counts
from vntext.normalize import normalize_spelling

Tier = Literal["first", "rest"]  # the two tiers of a tiered page (`first_tier`)
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's default index.max_result_window
MAX_PAGE_SIZE = 200  # as the SQLite archive
MAX_GROUPS = 5_000
EXACT_BOOST = 3.0  # the words as typed weigh more within the exact tier (`tiered`)
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
    """Keyword/date filters; dates are inclusive local days in `timezone`.

    Raises:
        QueryError: the days end before they start (`check_day_range`).
    """
    check_day_range(query.date_from, query.date_to)
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
        ("story_id", query.stories),
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


def exact_match(parsed: ParsedQuery) -> dict[str, Any]:
    """Matches the query as typed (its exact clause, unnamed and unscored where it is used): what
    makes a hit "exact", as SQLite's exact index decides it."""
    return {"bool": {"must": text_clauses(parsed, EXACT_FIELDS)}}


def first_tier(parsed: ParsedQuery) -> dict[str, Any]:
    """What ranks a hit in the first tier of a tiered page (unscored where it is used): one of
    the phrases of words to find together (`ParsedQuery.together`), or its words side by side
    in another order, in the folded fields when a word may have lost its diacritics, else in
    the exact ones (`ParsedQuery.together_bare`); else the query as typed (`exact_match`). As
    SQLite's archive ranks them, except that SQLite ranks the phrases before the words in
    another order."""
    if parsed.together:
        fields = FOLDED_FIELDS if parsed.together_bare else EXACT_FIELDS
        clauses = [_phrase(phrase, fields) for phrase in parsed.together]
        clauses += [_side_by_side(phrase, fields) for phrase in parsed.together]
        return {"bool": {"should": clauses, "minimum_should_match": 1}}
    return exact_match(parsed)


def _side_by_side(phrase: Phrase, fields: tuple[str, ...]) -> dict[str, Any]:
    """`phrase`'s words next to each other in any order, in any of `fields` (intervals take one
    field each, without its boost)."""
    rule = {"match": {"query": " ".join(phrase), "max_gaps": 0, "ordered": False}}
    intervals = [{"intervals": {field.split("^")[0]: rule}} for field in fields]
    return {"bool": {"should": intervals, "minimum_should_match": 1}}


def query_clause(
    query: Query, timezone: str, synonyms: Synonyms | None = None, tier: Tier | None = None
) -> dict[str, Any]:
    """The query as one bool clause; `tier` keeps only the matches of that tier: the "first"
    (`first_tier` also as a filter) or the "rest" (it in `must_not`). Scores are those of the
    whole query either way."""
    parsed = parse_query(query.text, synonyms)
    clause: dict[str, Any] = {"filter": filters(query, timezone)}
    if not parsed.empty:
        clause["must"] = [text_query(parsed)]
        excluded = excluded_clauses(parsed)
        if tier == "first":
            clause["filter"].append(first_tier(parsed))
        elif tier == "rest":
            excluded.append(first_tier(parsed))
        if excluded:
            clause["must_not"] = excluded
        words = parsed.all_words()
        if len(words) > 1:
            clause["should"] = [
                {"match": {"words": {"query": " ".join(words), "boost": SHINGLE_BOOST}}}
            ]
    return {"bool": clause}


# Newest first; the id breaks ties, so paging (`from` or `search_after`) is stable.
BY_DATE = ({"published_at": {"order": "desc"}}, {"id": {"order": "asc"}})


def walk_body(
    query: Query | None,
    timezone: str,
    synonyms: Synonyms | None,
    page_size: int,
    after: Sequence[Any] | None = None,
) -> dict[str, Any]:
    """One page of `iter_documents`: the documents matching `query` (every one when None),
    newest first, after the sort values `after` of the previous page's last hit: `search_after`
    reads past the result window that stops `from` at MAX_RESULT_WINDOW."""
    body: dict[str, Any] = {
        "query": {"match_all": {}} if query is None else query_clause(query, timezone, synonyms),
        "sort": list(BY_DATE),
        "size": page_size,
    }
    if after is not None:
        body["search_after"] = list(after)
    return body


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
    body: dict[str, Any] = {
        "query": query_clause(query, timezone, synonyms),
        "sort": ["_score", *BY_DATE] if query.sort == "relevance" and has_text else list(BY_DATE),
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
            # The unified highlighter keeps its best-scored passage (`order` sorts only what it
            # returns), as `make_snippet` keeps the window showing the most of the query.
            "number_of_fragments": 1,
            "max_analyzed_offset": HIGHLIGHT_MAX_OFFSET,
            "fields": {"body": {}, "body.folded": {}},
        }
    return body


def count_body(query: Query, timezone: str, synonyms: Synonyms | None = None) -> dict[str, Any]:
    """`search` request body counting every match of `query` (as `search_body` matches them)
    without reading a hit."""
    return {"query": query_clause(query, timezone, synonyms), "size": 0, "track_total_hits": True}


def match_count(response: Mapping[str, Any]) -> int:
    """The count a `count_body` search answered."""
    total, _ = _total(response)
    return total


# Exact matches rank first for certain, not by a boost's likelihood: a relevance page of a query
# with a folded tier is read tier by tier, in one or two round trips. (A boost large enough to
# lift every exact score above every folded one would have to be huge, as bm25 has no upper
# bound, and scores are 32-bit floats: the ulp of 1e6 is 0.0625, so the order within the exact
# tier would round into ties. No sort key can say which clause a hit matched.) The first tier is
# the exact matches, or for words to find together the matches where they stand together
# (`first_tier`, also for a query typed with diacritics, whose matches are all exact).
# 1. One `_msearch`: the page's first-tier hits (the query keeping only them, counted up to the
#    page end) and how many match at all (counted as the single query counts them).
# 2. When first-tier hits do not fill the page, its rest: the other matches (`first_tier` in
#    `must_not`), from the page offset less the first tier's size.
# Each tier keeps the scores of the whole query, so the order within a tier is unchanged, and
# every page stays within the first MAX_RESULT_WINDOW hits of its tier.


def tiered(query: Query, parsed: ParsedQuery) -> bool:
    """Whether a search page is read tier by tier: ranked by relevance, with words to find
    together or typed without diacritics (only they find folded-only matches)."""
    wanted = bool(parsed.together) or not parsed.all_accented
    return query.sort == "relevance" and not parsed.empty and wanted


def tiered_bodies(
    query: Query,
    timezone: str,
    synonyms: Synonyms | None = None,
    count_limit: int = COUNT_LIMIT,
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The first round trip's `search` bodies, (the page's first-tier hits, the count of every
    match), or None when the page is one query (`search_body`).

    Raises:
        QueryError: bad paging (as `search_body`).
    """
    body = search_body(query, timezone, synonyms, count_limit)
    if not tiered(query, parse_query(query.text, synonyms)):
        return None
    first = {
        **body,
        "query": query_clause(query, timezone, synonyms, tier="first"),
        # Fewer first-tier matches than the page end are counted exactly: the rest starts there.
        "track_total_hits": query.page * query.page_size,
    }
    total = {"query": body["query"], "size": 0, "track_total_hits": body["track_total_hits"]}
    return first, total


def rest_tier_body(
    query: Query,
    timezone: str,
    first_response: Mapping[str, Any],
    synonyms: Synonyms | None = None,
) -> dict[str, Any] | None:
    """The `search` body of the rest of a tiered page after its first-tier hits (`first_response`,
    for the first body of `tiered_bodies`): the other matches, from where the first tier ends;
    None when first-tier hits fill the page."""
    shown = len(_get(first_response, "hits", "hits"))
    if shown >= query.page_size:
        return None
    first_matches, _ = _total(first_response)
    body = search_body(query, timezone, synonyms)
    body.update(
        {
            "query": query_clause(query, timezone, synonyms, tier="rest"),
            "from": max(0, (query.page - 1) * query.page_size - first_matches),
            "size": query.page_size - shown,
            "track_total_hits": False,
        }
    )
    return body


def tiered_page(
    query: Query,
    first_response: Mapping[str, Any],
    total_response: Mapping[str, Any],
    rest_response: Mapping[str, Any] | None,
    synonyms: Synonyms | None = None,
) -> SearchPage:
    """A tiered page: its first-tier hits, then the rest, and the count of every match."""
    parsed = parse_query(query.text, synonyms)
    hits = _hits(first_response, parsed)
    if rest_response is not None:
        hits += _hits(rest_response, parsed)
    total, total_exact = _total(total_response)
    return SearchPage(
        total=total,
        hits=tuple(hits),
        page=query.page,
        page_size=query.page_size,
        total_exact=total_exact,
        reachable=MAX_RESULT_WINDOW,
    )


def search_page(
    response: Mapping[str, Any], query: Query, synonyms: Synonyms | None = None
) -> SearchPage:
    total, total_exact = _total(response)
    return SearchPage(
        total=total,
        hits=tuple(_hits(response, parse_query(query.text, synonyms))),
        page=query.page,
        page_size=query.page_size,
        total_exact=total_exact,
        reachable=MAX_RESULT_WINDOW,
    )


def _hits(response: Mapping[str, Any], parsed: ParsedQuery) -> list[Hit]:
    hits = []
    for raw in _get(response, "hits", "hits"):
        document = document_from_source(raw["_source"])
        highlight = raw.get("highlight") or {}
        named = raw.get("matched_queries") or ()
        match: MatchKind = "folded" if "folded" in named and "exact" not in named else "exact"
        fragments = highlight.get("body") or highlight.get("body.folded")
        snippet = (
            joined_marks(fragments[0])  # the highlighter marks each word of a phrase
            if fragments
            else make_snippet(document.body, parsed, folded=match == "folded")
        )
        hits.append(
            Hit(
                document=document,
                score=float(raw.get("_score") or 0.0),
                snippet=snippet,
                marked_title=mark_title(document.title, parsed, folded=match == "folded"),
                match=match,
            )
        )
    return hits


def _total(response: Mapping[str, Any]) -> tuple[int, bool]:
    """(total, exact): "gte" means counting stopped at track_total_hits, more documents match."""
    total = _get(response, "hits", "total")
    if isinstance(total, Mapping):
        return int(total["value"]), total.get("relation") != "gte"
    return int(total), True


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
    """Groups the query names explicitly get a row even when they have no articles; provinces
    as stored and filtered (`filters`), or an old spelling gets an empty row of its own."""
    return {
        "province": frozenset(normalize_spelling(p) for p in query.provinces),
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
