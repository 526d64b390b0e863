"""Pure SQL builders for the SQLite archive: each returns (sql, named parameters).

The user's words reach FTS5 only through `fts_expression`, which double-quotes every term and
phrase, so FTS5 operators typed by a user (NOT, OR, NEAR, *, :, parentheses) are plain text.
Candidates for a text query are the folded-index matches (a superset of the exact matches);
documents that also match the diacritic-exact index rank first and are reported as "exact".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from index.errors import QueryError
from index.text import ParsedQuery
from index.types import REVIEW_TIERS, UNKNOWN_GROUP, CountUnit, GroupBy, Interval, Query

Sql = tuple[str, dict[str, Any]]

GROUP_COLUMNS = (None, "province", "outlet", "kind", "topic")

# Relevance ranks the newest matches only (rowid order is ingestion order): like
# Elasticsearch's max_result_window, pages past it are served by sorting by date.
RANK_WINDOW = 10_000
# From this many matches on, the newest page of a date-sorted text search is found sooner by
# walking the date index than by visiting every match (measured on 1M articles).
DENSE_MATCHES = 500
# bm25 column weights: a word in the title counts four times as much as one in the body.
_BM25_WEIGHTS = "4.0, 1.0"
_DAY_US = 86_400_000_000
_EPOCH_DAY = date(1970, 1, 1)


@dataclass(frozen=True)
class Window:
    """The query's date range as UTC epoch microseconds, [start_us, end_us)."""

    start_us: int | None = None
    end_us: int | None = None


def fts_expression(parsed: ParsedQuery) -> str:
    """An FTS5 MATCH string requiring every term and phrase, all safely quoted.

    >>> fts_expression(ParsedQuery(terms=("or",), phrases=(("bảo", "hiểm"),)))
    '"or" "bảo hiểm"'
    """
    parts = [*parsed.terms, *(" ".join(phrase) for phrase in parsed.phrases)]
    return " ".join('"' + part.replace('"', '""') + '"' for part in parts)


def _in_list(name: str, values: Iterable[str], params: dict[str, Any]) -> str:
    names = []
    for i, value in enumerate(sorted(values)):
        params[f"{name}{i}"] = value
        names.append(f":{name}{i}")
    return ", ".join(names)


def source_sql(parsed: ParsedQuery) -> str:
    """The FROM clause matching `filter_sql(..., text=True)`.

    A text query walks the folded FTS index and checks each match's filters in the narrow
    rowid index (articles_meta), so its cost follows the number of matches, never the size of
    the archive or of a filtered subset.
    """
    if parsed.empty:
        return "articles a"
    return (
        "articles_folded JOIN articles a INDEXED BY articles_meta "
        "ON a.rowid = articles_folded.rowid"
    )


def filter_sql(query: Query, parsed: ParsedQuery, window: Window, *, text: bool = True) -> Sql:
    """The WHERE conditions on `source_sql` (\"1\" when there are none)."""
    conditions: list[str] = []
    params: dict[str, Any] = {}
    if text and not parsed.empty:
        conditions.append("articles_folded MATCH :folded")
        params["folded"] = fts_expression(parsed.folded())
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
    if query.provinces:
        conditions.append(
            "a.rowid IN (SELECT doc FROM article_provinces WHERE province IN "
            f"({_in_list('province', query.provinces, params)}))"
        )
    if query.topics:
        conditions.append(
            "a.rowid IN (SELECT doc FROM article_topics WHERE topic IN "
            f"({_in_list('topic', query.topics, params)}))"
        )
    if query.flagged_only:
        conditions.append(
            f"a.risk IS NOT NULL AND a.tier IN ({_in_list('flag_tier', REVIEW_TIERS, params)})"
        )
    return (" AND ".join(conditions) or "1"), params


def search_sql(
    query: Query, parsed: ParsedQuery, window: Window, limit: int, offset: int,
    *, dense: bool = False,
) -> Sql:
    """One page of (doc rowid, exact 0/1, bm25 score) in display order.

    `dense` (many matches, see DENSE_MATCHES): a date-sorted text search walks the date index
    from the newest article and stops at the page end, instead of visiting every match.
    """
    page = {"limit": limit, "offset": offset}
    if parsed.empty:
        where, params = filter_sql(query, parsed, window)
        sql = (
            "SELECT a.rowid AS doc, 1 AS exact, 0.0 AS score FROM articles a "
            f"WHERE {where} ORDER BY a.published_us DESC, a.rowid DESC "
            "LIMIT :limit OFFSET :offset"
        )
        return sql, {**params, **page}
    exact = {"exact": fts_expression(parsed)}
    if query.sort == "date":
        where, params = filter_sql(query, parsed, window, text=not dense)
        if dense:
            where = f"{_FOLDED_ROWIDS} AND {where}"
            params["folded"] = fts_expression(parsed.folded())
        sql = (
            "SELECT a.rowid AS doc, a.rowid IN (SELECT rowid FROM articles_fts "
            "WHERE articles_fts MATCH :exact) AS exact, 0.0 AS score "
            f"FROM {_date_source(parsed, dense)} WHERE {where} "
            "ORDER BY a.published_us DESC, a.rowid DESC "
            "LIMIT :limit OFFSET :offset"
        )
        return sql, {**params, **exact, **page}
    where, params = filter_sql(query, parsed, window, text=False)
    # A document in both windows keeps its exact row: SQLite takes the bare columns of a
    # max() aggregate from the row holding the maximum.
    sql = (
        f"WITH e AS MATERIALIZED ({_newest_matches('articles_fts', 'exact', where)}), "
        f"f AS MATERIALIZED ({_newest_matches('articles_folded', 'folded', where)}), "
        "u AS (SELECT doc, 1 AS exact, score FROM e UNION ALL SELECT doc, 0, score FROM f) "
        "SELECT doc, max(exact) AS exact, score FROM u GROUP BY doc "
        "ORDER BY exact DESC, score, doc LIMIT :limit OFFSET :offset"
    )
    folded = {"folded": fts_expression(parsed.folded()), "rank_window": RANK_WINDOW}
    return sql, {**params, **exact, **folded, **page}


_FOLDED_ROWIDS = (
    "a.rowid IN (SELECT rowid FROM articles_folded WHERE articles_folded MATCH :folded)"
)


def _date_source(parsed: ParsedQuery, dense: bool) -> str:
    return "articles a INDEXED BY articles_published" if dense else source_sql(parsed)


def _newest_matches(table: str, match: str, where: str) -> str:
    """The newest RANK_WINDOW matches of one FTS index with their bm25 scores.

    FTS5 walks its doclists in rowid order and computes bm25 only for rows it returns, so
    the cost is bounded by the window, not by how common the words are.
    """
    join = "" if where == "1" else (
        f"JOIN articles a INDEXED BY articles_meta ON a.rowid = {table}.rowid "
    )
    condition = "" if where == "1" else f" AND {where}"
    return (
        f"SELECT {table}.rowid AS doc, bm25({table}, {_BM25_WEIGHTS}) AS score FROM {table} "
        f"{join}WHERE {table} MATCH :{match}{condition} "
        f"ORDER BY {table}.rowid DESC LIMIT :rank_window"
    )


def total_sql(query: Query, parsed: ParsedQuery, window: Window) -> Sql:
    """How many documents match (the same set `search_sql` pages through)."""
    where, params = filter_sql(query, parsed, window, text=False)
    if where == "1" and not parsed.empty:
        sql = "SELECT count(*) FROM articles_folded WHERE articles_folded MATCH :folded"
        return sql, {"folded": fts_expression(parsed.folded())}
    where, params = filter_sql(query, parsed, window)
    return f"SELECT count(*) FROM {source_sql(parsed)} WHERE {where}", params


def bucket_expression() -> str:
    """SQL for an integer bucket key of a.published_us; needs `bucket_params`.

    Integer arithmetic instead of SQLite's date(): counting a year of articles calls it
    hundreds of thousands of times. Floor division keeps dates before 1970 right.
    """
    shifted = "(a.published_us + :shift_us)"
    return f"(({shifted} - (({shifted} % :width_us) + :width_us) % :width_us) / :width_us)"


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
    if group_by not in GROUP_COLUMNS or interval not in ("week", "month") or unit not in ("articles", "stories"):
        raise QueryError(f"Cannot count by {group_by!r} per {interval!r}; group by one of "
                         f"{sorted(g for g in GROUP_COLUMNS if g)} per 'week' or 'month'")
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
        f"SELECT {group} AS grp, {bucket_expression()} AS bucket, count(*) AS n "
        f"FROM {source_sql(parsed)} {join}WHERE {where} GROUP BY grp, bucket"
    ) if unit == "articles" else (
        f"SELECT {group} AS grp, {bucket_expression()} AS bucket, "
        f"coalesce(a.story_id, a.id) AS story "
        f"FROM {source_sql(parsed)} {join}WHERE {where} GROUP BY grp, bucket, story"
    )
    return sql, params
