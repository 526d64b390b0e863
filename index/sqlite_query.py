"""Pure SQL builders for the SQLite archive: each returns (sql, named parameters).

The user's words reach FTS5 only through `fts_expression`, which double-quotes every term and
phrase, so FTS5 operators typed by a user (NOT, NEAR, *, :, parentheses) are plain text; the OR
groups and exclusions `index.query_parser` understood become FTS5 OR and NOT IN subqueries.
Candidates for a text query are the exact-index matches when every word was typed with
diacritics, else the folded-index matches that contain every word typed with diacritics as
typed; candidates matching the query as typed (exact index) rank first, reported as "exact",
and among them those where loose words stand together (`rank_window_sql`'s `together`), then
those where they stand side by side in another order; loose words typed bare rank by where they
stand together alone (in the folded index).
The tags column only ever receives the filter tags of `index.sqlite_tags`, which no user word
can equal, so user words match title, body and SEO title only, without a column filter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from math import isqrt
from typing import Any

from index.errors import QueryError
from index.query_parser import ParsedQuery
from index.types import REVIEW_TIERS, UNKNOWN_GROUP, CountUnit, GroupBy, Interval, Query

Sql = tuple[str, dict[str, Any]]

GROUP_COLUMNS = (None, "province", "outlet", "kind", "topic")

# Relevance ranks the newest matches only (rowid order is ingestion order); pages past it are
# served by sorting by date. bm25 first reads the whole doclist of every word, a fixed cost, then
# scores each ranked row: 5,000 rows keep a common word within 100 ms at 1M articles.
RANK_WINDOW = 5_000
# Probing one article against the folded index costs about this many times as much as visiting
# one match when sorting matches by date (measured on 1M articles; see `walk_dates`).
PROBE_COST = 8
# bm25 column weights (title, body, tags, seo_title): a word in the title counts four times as
# much as one in the body, one only in the SEO title twice; the tags column never scores.
_BM25_WEIGHTS = "4.0, 1.0, 0.0, 2.0"
_DAY_US = 86_400_000_000
_EPOCH_DAY = date(1970, 1, 1)


@dataclass(frozen=True)
class Window:
    """What the backend resolved before building SQL: the query's date range as UTC epoch
    microseconds, [start_us, end_us), and the filter tag groups chosen to narrow text matches
    inside FTS5 (`index.sqlite_tags.selective_groups`)."""

    start_us: int | None = None
    end_us: int | None = None
    tag_groups: tuple[tuple[str, ...], ...] = ()


def fts_expression(parsed: ParsedQuery) -> str:
    """An FTS5 MATCH string requiring every term, phrase and OR group, all safely quoted.

    >>> fts_expression(ParsedQuery(terms=("or",), phrases=(("bảo", "hiểm"),)))
    '"or" "bảo hiểm"'
    >>> fts_expression(ParsedQuery(terms=("chi",), any_of=((("bhxh",), ("bảo", "hiểm")),)))
    '"chi" AND ("bhxh" OR "bảo hiểm")'
    """
    parts = [*parsed.terms, *(" ".join(phrase) for phrase in parsed.phrases)]
    plain = " ".join(_quoted(part) for part in parts)
    groups = [_any_of(group) for group in parsed.any_of]
    return " AND ".join([plain, *groups] if plain else groups)


def _any_of(phrases: Sequence[Sequence[str]]) -> str:
    """One parenthesised FTS5 OR of quoted phrases (FTS5 wants an explicit AND beside it)."""
    return "(" + " OR ".join(_quoted(" ".join(phrase)) for phrase in phrases) + ")"


def text_match(parsed: ParsedQuery, tag_groups: Sequence[Sequence[str]] = ()) -> str:
    """The MATCH string: the user's words, and one tag of every filter group.

    No column filter: no user word can equal a tag (`index.sqlite_tags.TAG_MARK`), and a
    column filter would make FTS5 decode every position list of every word.

    >>> text_match(ParsedQuery(terms=("bhyt",)), [("phanoi", "phue"), ("y2024",)])
    '"bhyt" AND ("phanoi" OR "phue") AND ("y2024")'
    """
    parts = [fts_expression(parsed)]
    parts += [f"({' OR '.join(_quoted(t) for t in group)})" for group in tag_groups]
    return " AND ".join(parts)


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def match_params(parsed: ParsedQuery, window: Window) -> dict[str, str]:
    """The MATCH strings: :exact (the words as typed, diacritics-exact index) and :folded (folded
    index), each leaving out the exclusions of its own index (FTS5 NOT: cheap, inside the index
    walk); when some words must keep their diacritics :accented (those words); and for the
    exclusions of the other index :excluded_exact (typed with diacritics) and :excluded_folded
    (typed bare)."""
    tags = window.tag_groups
    params = {
        "exact": _without(text_match(parsed, tags), parsed.excluded_exact()),
        "folded": _without(text_match(parsed.folded(), tags), parsed.excluded_folded()),
    }
    accented = parsed.accented_part()
    if not accented.empty:
        params["accented"] = text_match(accented)
    if excluded := parsed.excluded_exact():
        params["excluded_exact"] = _any_of(excluded)
    if excluded := parsed.excluded_folded():
        params["excluded_folded"] = _any_of(excluded)
    return params


def _without(match: str, excluded: Sequence[Sequence[str]]) -> str:
    return f"({match}) NOT {_any_of(excluded)}" if excluded else match


def candidate_table(parsed: ParsedQuery) -> str:
    """The FTS index whose matches are the candidates: the exact index when every word was
    typed with diacritics, else the folded one (a word typed bare may match accented text)."""
    return "articles_fts" if parsed.all_accented else "articles_folded"


def candidate_sql(parsed: ParsedQuery, window: Window, table: str | None = None) -> Sql:
    """The condition selecting the candidates from `table` (default `candidate_table`).

    On the folded index, words typed with diacritics must also be in the exact index; on either,
    no exclusion may match (in the exact index if typed with diacritics, else the folded one).
    """
    table = table or candidate_table(parsed)
    params = match_params(parsed, window)
    if table == "articles_fts":
        condition, used = "articles_fts MATCH :exact", {"exact": params["exact"]}
    else:
        condition, used = "articles_folded MATCH :folded", {"folded": params["folded"]}
    # The unary + keeps the planner from handing each listed rowid to FTS5 as a constraint:
    # FTS5 would then run the main MATCH once per listed match (188 ms instead of 2 ms for
    # "bảo hiểm y tế" on 5,000 articles, and growing with the archive). The exclusions of the
    # candidate index itself are already in its MATCH; those of the other index are listed.
    other = {"articles_fts": "articles_folded", "articles_folded": "articles_fts"}[table]
    for name, operator, index in (
        ("accented", "IN", "articles_fts"),
        ("excluded_exact", "NOT IN", "articles_fts"),
        ("excluded_folded", "NOT IN", "articles_folded"),
    ):
        if name in params and index == other:
            condition += (
                f" AND +{table}.rowid {operator} "
                f"(SELECT rowid FROM {index} WHERE {index} MATCH :{name})"
            )
            used[name] = params[name]
    return condition, used


def _in_list(name: str, values: Iterable[str] | Iterable[int], params: dict[str, Any]) -> str:
    names = []
    for i, value in enumerate(sorted(values)):
        params[f"{name}{i}"] = value
        names.append(f":{name}{i}")
    return ", ".join(names)


def story_sql(stories: Iterable[str], params: dict[str, Any]) -> str:
    """The articles of `stories`: each story's founding article by its id, its copies through
    the index of copies (schema v11), so the lookup reads no other article."""
    names = _in_list("story", stories, params)
    return (
        f"((a.id IN ({names}) AND a.story_id = a.id) "
        f"OR (a.story_id IN ({names}) AND a.story_id != a.id))"
    )


def source_sql(parsed: ParsedQuery) -> str:
    """The FROM clause matching `filter_sql(..., text=True)`.

    A text query walks an FTS index (already narrowed by the filter tags) and checks each
    match's filters in the narrow rowid index (articles_meta), so its cost follows the number
    of filtered matches, never the size of the archive.
    """
    if parsed.empty:
        return "articles a"
    table = candidate_table(parsed)
    return f"{table} JOIN articles a INDEXED BY articles_meta ON a.rowid = {table}.rowid"


def filter_sql(query: Query, parsed: ParsedQuery, window: Window, *, text: bool = True) -> Sql:
    """The WHERE conditions on `source_sql` (\"1\" when there are none).

    Province and topic filters probe their tables per candidate (EXISTS): a candidate list is
    short, while the set of all articles of a province is not.
    """
    conditions: list[str] = []
    params: dict[str, Any] = {}
    if text and not parsed.empty:
        condition, text_params = candidate_sql(parsed, window)
        conditions.append(condition)
        params.update(text_params)
    if window.start_us is not None:
        conditions.append("a.published_us >= :start_us")
        params["start_us"] = window.start_us
    if window.end_us is not None:
        conditions.append("a.published_us < :end_us")
        params["end_us"] = window.end_us
    for column, values in (
        ("outlet", query.outlets),
        ("kind", query.kinds),
        ("tier", query.tiers),
        ("review_status", query.review_statuses),
    ):
        if values:
            conditions.append(f"a.{column} IN ({_in_list(column, values, params)})")
    if query.stories:
        conditions.append(story_sql(query.stories, params))
    for table, column, values in (
        ("article_provinces", "province", query.provinces),
        ("article_topics", "topic", query.topics),
    ):
        if values:
            conditions.append(
                f"EXISTS (SELECT 1 FROM {table} WHERE {column} IN "
                f"({_in_list(column, values, params)}) AND doc = a.rowid)"
            )
    if query.flagged_only:
        conditions.append(
            f"a.risk IS NOT NULL AND a.tier IN ({_in_list('flag_tier', REVIEW_TIERS, params)})"
        )
    return (" AND ".join(conditions) or "1"), params


def search_sql(
    query: Query,
    parsed: ParsedQuery,
    window: Window,
    limit: int,
    offset: int,
    *,
    dense: bool = False,
) -> Sql:
    """One date-ordered page of document rowids (`doc`): newest first.

    `dense` (many matches, see `walk_dates`): a text search walks the date index from the
    newest article and probes the candidate index per article, stopping at the page end, instead
    of visiting and sorting every match.
    """
    page = {"limit": limit, "offset": offset}
    text = not parsed.empty and not dense
    where, params = filter_sql(query, parsed, window, text=text)
    source = source_sql(parsed) if text else "articles a"
    if dense and not parsed.empty:
        table = candidate_table(parsed)
        condition, text_params = candidate_sql(parsed, window)
        probe = f"EXISTS (SELECT 1 FROM {table} WHERE {condition} AND {table}.rowid = a.rowid)"
        where = f"{probe} AND {where}"
        params.update(text_params)
        source = "articles a INDEXED BY articles_published"
    sql = (
        f"SELECT a.rowid AS doc FROM {source} WHERE {where} "
        "ORDER BY a.published_us DESC, a.rowid DESC LIMIT :limit OFFSET :offset"
    )
    return sql, {**params, **page}


@dataclass(frozen=True)
class MatchSet:
    """Where a count or a gathering of a search's matches reads them: the candidate FTS index
    alone when no filter needs the articles (its rows are `rowid`), else the search's own
    source and conditions (`source_sql`: the articles as `a`, published_us at hand)."""

    source: str
    condition: str
    params: dict[str, Any]
    joined: bool


def match_set(query: Query, parsed: ParsedQuery, window: Window) -> MatchSet:
    where, params = filter_sql(query, parsed, window, text=False)
    if where == "1" and not parsed.empty:
        condition, params = candidate_sql(parsed, window)
        return MatchSet(candidate_table(parsed), condition, params, joined=False)
    where, params = filter_sql(query, parsed, window)
    return MatchSet(source_sql(parsed), where, params, joined=True)


def sorted_matches_sql(
    query: Query, parsed: ParsedQuery, window: Window, cap: int, limit: int, offset: int
) -> Sql:
    """One date-ordered page of a text search's matches and how many match (at most `cap`),
    from a single evaluation of the text: rows (part, doc), the page's rowids in order as part
    0, then the count as part 1.

    The matches are gathered once (up to `cap`) and both sorted and counted from there: a
    count followed by a sorted search would evaluate a phrase twice. A search reaching `cap`
    gets no page (it walks the date index instead, `walk_dates`), so its matches are neither
    dated nor sorted; without filters they are gathered from the FTS index alone, as a count is.
    """
    matches = match_set(query, parsed, window)
    selected = "a.rowid AS doc, a.published_us AS at" if matches.joined else "rowid AS doc"
    dated = (
        "SELECT doc, at FROM matches"
        if matches.joined
        else "SELECT m.doc AS doc, a.published_us AS at FROM matches m "
        "JOIN articles a INDEXED BY articles_meta ON a.rowid = m.doc"
    )
    sql = (
        f"WITH matches AS MATERIALIZED (SELECT {selected} FROM {matches.source} "
        f"WHERE {matches.condition} LIMIT :cap) "
        f"SELECT 0 AS part, doc, at FROM ({dated} ORDER BY at DESC, doc DESC "
        "LIMIT CASE WHEN (SELECT count(*) FROM matches) < :cap THEN :limit ELSE 0 END "
        "OFFSET :offset) "
        "UNION ALL SELECT 1, count(*), NULL FROM matches "
        "ORDER BY part, at DESC, doc DESC"
    )
    return sql, {**matches.params, "cap": cap, "limit": limit, "offset": offset}


def walk_dates(total: int, archive_size: int, page_end: int, *, exact: bool = True) -> bool:
    """Whether a date-sorted text page is found sooner by walking the date index.

    Walking probes about page_end * archive_size / total articles at ~PROBE_COST each;
    sorting visits all `total` matches at 1 each (costs measured on 1M articles). A count that
    stopped early (not `exact`) must have reached `walk_threshold`: matches that common are
    what walking is for.
    """
    return not exact or (total > 0 and page_end * archive_size * PROBE_COST < total * total)


def walk_threshold(archive_size: int, page_end: int) -> int:
    """The fewest matches for which walking the date index beats sorting them (`walk_dates`):
    a date-sorted search counts at least this far before choosing.

    >>> walk_threshold(1_000_000, 20)
    12650
    """
    return isqrt(page_end * archive_size * PROBE_COST) + 1


def rank_window_sql(
    table: str,
    query: Query,
    parsed: ParsedQuery,
    window: Window,
    limit: int = RANK_WINDOW,
    together: bool = False,
) -> Sql:
    """(doc, score) of the newest RANK_WINDOW matches of one FTS index, filters applied: the
    best `limit` of them by (score, doc); with `together`, those where a phrase of
    `ParsedQuery.together` stands (in the same index) first, then those where its words stand
    side by side in another order (`near_match`), the tier (2, 1, 0) in a third column.

    FTS5 walks its doclists in rowid order and computes bm25 only for rows it returns, so
    the cost is bounded by the window, not by how common the words are. SQLite sorts the
    window itself: only the rows of the page travel to Python. The phrases are sought only as
    far back as the window reaches (a rowid range FTS5 seeks to), with the filters' tags, and
    never scored: bm25 of a phrase would first count its every match in the archive.
    """
    where, params = filter_sql(query, parsed, window, text=False)
    join = (
        ""
        if where == "1"
        else (f"JOIN articles a INDEXED BY articles_meta ON a.rowid = {table}.rowid ")
    )
    condition = "" if where == "1" else f" AND {where}"
    match, text_params = candidate_sql(parsed, window, table)
    params = {**params, **text_params, "rank_window": RANK_WINDOW, "rank_limit": limit}
    ranked = (
        f"SELECT {table}.rowid AS doc, bm25({table}, {_BM25_WEIGHTS}) AS score FROM {table} "
        f"{join}WHERE {match}{condition} ORDER BY {table}.rowid DESC LIMIT :rank_window"
    )
    if not together:
        return f"SELECT doc, score FROM ({ranked}) ORDER BY score, doc LIMIT :rank_limit", params
    # The filters' tags narrow the phrases inside FTS5 too: a filtered window may reach back
    # through the whole archive.
    wanted = ParsedQuery(any_of=(parsed.together,))
    if table == "articles_fts":
        params["together"] = match_params(wanted, window)["exact"]
    else:
        params["together"] = match_params(wanted, window)["folded"]
        wanted = wanted.folded()
    params["near"] = near_match(wanted.any_of[0], window.tag_groups)

    def in_window(match: str) -> str:
        return (
            f"SELECT rowid FROM {table} WHERE {table} MATCH {match} "
            "AND rowid >= (SELECT min(doc) FROM ranked)"
        )

    # The words side by side in another order are sought only when the phrases leave the page
    # short (SQLite evaluates `AND` lazily, and an IN subquery once, when first reached).
    sql = (
        f"WITH ranked AS MATERIALIZED ({ranked}), phrased AS MATERIALIZED "
        f"(SELECT doc FROM ranked WHERE doc IN ({in_window(':together')})) "
        "SELECT doc, score, CASE WHEN doc IN phrased THEN 2 "
        "WHEN (SELECT count(*) FROM phrased) < :rank_limit "
        f"AND doc IN ({in_window(':near')}) THEN 1 ELSE 0 END AS together "
        "FROM ranked ORDER BY together DESC, score, doc LIMIT :rank_limit"
    )
    return sql, params


def near_match(phrases: Sequence[Sequence[str]], tag_groups: Sequence[Sequence[str]] = ()) -> str:
    """The MATCH string of `phrases`' words side by side in any order ("BHXH tự nguyện" for
    `tự nguyện BHXH`), and one tag of every filter group. FTS5's NEAR distance counts the
    tokens between the first word and the last, so n words side by side are n - 2 apart.

    >>> near_match([("tu", "nguyen", "bhxh")], [("y2024",)])
    '(NEAR("tu" "nguyen" "bhxh", 1)) AND ("y2024")'
    """
    near = " OR ".join(
        f"NEAR({' '.join(_quoted(w) for w in phrase)}, {len(phrase) - 2})" for phrase in phrases
    )
    return " AND ".join([f"({near})", *(f"({' OR '.join(map(_quoted, g))})" for g in tag_groups)])


def exact_docs_sql(parsed: ParsedQuery, window: Window, docs: Sequence[int]) -> Sql:
    """Which of `docs` match the query with its diacritics (the others matched folded only)."""
    params: dict[str, Any] = {"exact": match_params(parsed, window)["exact"]}
    sql = (
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :exact "
        f"AND rowid IN ({_in_list('doc', docs, params)})"
    )
    return sql, params


def total_sql(query: Query, parsed: ParsedQuery, window: Window, cap: int | None = None) -> Sql:
    """How many documents match (the same set the search pages through), counting at most
    `cap` of them when given: the count stops at the cap instead of visiting every match."""
    matches = match_set(query, parsed, window)
    if cap is None:
        return f"SELECT count(*) FROM {matches.source} WHERE {matches.condition}", matches.params
    sql = (
        f"SELECT count(*) FROM (SELECT 1 FROM {matches.source} WHERE {matches.condition} "
        "LIMIT :count_cap)"
    )
    return sql, {**matches.params, "count_cap": cap}


def bucket_expression() -> str:
    """SQL for an integer bucket key of a.published_us; needs `bucket_params`.

    Integer arithmetic instead of SQLite's date(): counting a year of articles calls it
    hundreds of thousands of times. Floor division keeps dates before 1970 right.
    """
    return _floor_div("(a.published_us + :shift_us)", ":width_us")


def _floor_div(dividend: str, divisor: str) -> str:
    """SQL integer division rounding down (SQLite's `/` truncates toward zero)."""
    return f"(({dividend} - (({dividend} % {divisor}) + {divisor}) % {divisor}) / {divisor})"


def bucket_params(interval: Interval, offset_seconds: int) -> dict[str, int]:
    """Weeks: whole weeks since Monday 1969-12-29 local. Months: days since 1970-01-01 local
    (grouped into months by `bucket_date`)."""
    offset_us = offset_seconds * 1_000_000
    if interval == "week":
        # 1970-01-01 was a Thursday: three days later, local weeks start on a multiple of 7.
        return {"shift_us": offset_us + 3 * _DAY_US, "width_us": 7 * _DAY_US}
    return {"shift_us": offset_us, "width_us": _DAY_US}


def bucket_date(key: int, interval: Interval) -> date:
    """The local start date of the bucket `bucket_expression` computed."""
    if interval == "week":
        return _EPOCH_DAY + timedelta(days=7 * key - 3)
    return (_EPOCH_DAY + timedelta(days=key)).replace(day=1)


def counts_sql(
    query: Query,
    parsed: ParsedQuery,
    window: Window,
    *,
    group_by: GroupBy | None,
    interval: Interval,
    offset_seconds: int,
    unit: CountUnit = "articles",
) -> Sql:
    """Sparse (grp, bucket, n) rows; topic grouping counts an article once per topic.

    For `unit="stories"` the rows are (grp, bucket, story) instead, one per distinct story
    (an article without a story_id is its own story): month buckets are days here, so
    distinctness per month can only be decided after `bucket_date` (see the backend).
    """
    if (
        group_by not in GROUP_COLUMNS
        or interval not in ("week", "month")
        or unit not in ("articles", "stories")
    ):
        raise QueryError(
            f"Không đếm được theo {group_by!r} mỗi {interval!r}; nhóm theo một trong "
            f"{sorted(g for g in GROUP_COLUMNS if g)}, mỗi 'week' hoặc 'month'"
        )
    where, params = filter_sql(query, parsed, window)
    params.update(bucket_params(interval, offset_seconds))
    join = ""
    if group_by is None:
        group = "''"
    elif group_by == "topic":
        join = "LEFT JOIN article_topics t ON t.doc = a.rowid "
        group = "coalesce(t.topic, :unknown)"
    else:
        group = f"coalesce(a.{group_by}, :unknown)"
    if group_by is not None:
        params["unknown"] = UNKNOWN_GROUP
    sql = (
        (
            f"SELECT {group} AS grp, {bucket_expression()} AS bucket, count(*) AS n "
            f"FROM {source_sql(parsed)} {join}WHERE {where} GROUP BY grp, bucket"
        )
        if unit == "articles"
        else (
            f"SELECT {group} AS grp, {bucket_expression()} AS bucket, "
            f"coalesce(a.story_id, a.id) AS story "
            f"FROM {source_sql(parsed)} {join}WHERE {where} GROUP BY grp, bucket, story"
        )
    )
    return sql, params


def summary_applies(
    query: Query, parsed: ParsedQuery, group_by: GroupBy | None, unit: CountUnit
) -> bool:
    """Whether `daily_counts` can answer these counts (only date, outlet and kind filters)."""
    return (
        parsed.empty
        and unit == "articles"
        and group_by in (None, "province", "outlet", "kind")
        and not (
            query.provinces
            or query.topics
            or query.tiers
            or query.review_statuses
            or query.stories
            or query.flagged_only
        )
    )


def summary_counts_sql(
    query: Query,
    window: Window,
    *,
    group_by: GroupBy | None,
    interval: Interval,
    offset_seconds: int,
) -> Sql:
    """Sparse (grp, bucket, n) rows like `counts_sql`, summed from daily_counts.

    daily_counts' days are local days at `offset_seconds`; the caller checks that offset is the
    archive's. Month buckets are days here, as in `counts_sql`.
    """
    params: dict[str, Any] = {"unknown": UNKNOWN_GROUP}
    conditions = []
    shift_us = offset_seconds * 1_000_000
    if window.start_us is not None:
        conditions.append("day >= :first_day")
        params["first_day"] = (window.start_us + shift_us) // _DAY_US
    if window.end_us is not None:
        conditions.append("day < :end_day")
        params["end_day"] = (window.end_us + shift_us) // _DAY_US
    for column, values in (("outlet", query.outlets), ("kind", query.kinds)):
        if values:
            conditions.append(f"{column} IN ({_in_list(column, values, params)})")
    group = {
        None: "''",
        "province": "CASE province WHEN '' THEN :unknown ELSE province END",
        "outlet": "outlet",
        "kind": "kind",
    }[group_by]
    # Weeks: whole weeks since Monday 1969-12-29, as in bucket_expression.
    bucket = _floor_div("(day + 3)", "7") if interval == "week" else "day"
    sql = (
        f"SELECT {group} AS grp, {bucket} AS bucket, sum(n) AS n FROM daily_counts "
        f"WHERE {' AND '.join(conditions) or '1'} GROUP BY grp, bucket"
    )
    return sql, params


def triage_sql(query: Query, window: Window, limit: int) -> Sql:
    """(id, published_us, tier, risk, category, review_status, uncertainty) of the newest
    `limit` flagged articles matching the filters (not text): the partial index articles_triage
    gives them in date order and holds every column named, the uncertainty's expression too."""
    where, params = filter_sql(query, ParsedQuery(), window, text=False)
    sql = (
        "SELECT a.id, a.published_us, a.tier, a.risk, a.category, a.review_status, "
        "json_extract(a.flag_details, '$.uncertainty') AS uncertainty "
        f"FROM articles a WHERE {where} AND a.risk IS NOT NULL "
        "ORDER BY a.published_us DESC, a.rowid DESC LIMIT :limit"
    )
    return sql, {**params, "limit": limit}


def activity_sql(
    start_us: int, end_us: int, actions: Iterable[str], statuses: Iterable[str]
) -> Sql | None:
    """(document_id, latest at_us) of each document with an audit event in [start_us, end_us)
    of one of `actions` or changing its status to one of `statuses`: one pass over the log,
    grouped, instead of a history read per document. None when nothing is asked."""
    params: dict[str, Any] = {"start": start_us, "end": end_us}
    wanted = []
    if actions := set(actions):
        wanted.append(f"action IN ({_in_list('action', actions, params)})")
    if statuses := set(statuses):
        wanted.append(
            f"(action = 'status' AND status_after IN ({_in_list('status', statuses, params)}))"
        )
    if not wanted:
        return None
    sql = (
        "SELECT document_id, max(at_us) AS at_us FROM reviews "
        f"WHERE at_us >= :start AND at_us < :end AND ({' OR '.join(wanted)}) "
        "GROUP BY document_id"
    )
    return sql, params
