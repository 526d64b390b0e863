"""The pure SQL builders: user text only ever reaches SQLite as a bound, quoted parameter."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from index.errors import QueryError
from index.query_parser import ParsedQuery, parse_query
from index.sqlite_query import (
    Window,
    bucket_date,
    bucket_expression,
    bucket_params,
    candidate_sql,
    counts_sql,
    filter_sql,
    fts_expression,
    rank_window_sql,
    search_sql,
    sorted_matches_sql,
    text_match,
    total_sql,
    walk_dates,
    walk_threshold,
)
from index.types import Query

EMPTY = ParsedQuery()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("giả", '"giả"'),
        ('"bảo hiểm xã hội" lương', '"lương" "bảo hiểm xã hội"'),
        ("not giả or (x)", '"not" "giả" "or" "x"'),
        ("not giả OR (x)", '"not" AND ("giả" OR "x")'),
        ("NOT giả OR (x) AND y", '"x" "y"'),  # giả excluded: an OR beside it is dropped
        ('BHXH OR "bảo hiểm" OR', '("bhxh" OR "bảo hiểm")'),
        ('title:"giả', '"title" "giả"'),
        ("NEAR(a*b)", '"near" "a" "b"'),
    ],
)
def test_fts_expression_quotes_every_part(text: str, expected: str) -> None:
    assert fts_expression(parse_query(text)) == expected


def test_embedded_quotes_are_doubled() -> None:
    assert fts_expression(ParsedQuery(terms=('a"b',))) == '"a""b"'


def test_no_filters() -> None:
    assert filter_sql(Query(), EMPTY, Window()) == ("1", {})


def test_filters_bind_sorted_values() -> None:
    query = Query(outlets=frozenset({"b", "a"}), provinces=frozenset({"Huế"}), flagged_only=True)
    sql, params = filter_sql(query, EMPTY, Window(start_us=1, end_us=2))
    assert sql == (
        "a.published_us >= :start_us AND a.published_us < :end_us AND a.outlet IN (:outlet0, "
        ":outlet1) AND EXISTS (SELECT 1 FROM article_provinces WHERE province IN (:province0) "
        "AND doc = a.rowid) AND a.risk IS NOT NULL AND a.tier IN (:flag_tier0, :flag_tier1)"
    )
    assert params == {
        "start_us": 1,
        "end_us": 2,
        "outlet0": "a",
        "outlet1": "b",
        "province0": "Huế",
        "flag_tier0": "review",
        "flag_tier1": "urgent",
    }


def test_text_goes_into_parameters_never_into_sql() -> None:
    hostile = "x'); DROP TABLE articles; --"
    parsed = parse_query(hostile)
    for sql, params in (
        search_sql(Query(text=hostile), parsed, Window(), 20, 0),
        search_sql(Query(text=hostile, sort="date"), parsed, Window(), 20, 0),
        sorted_matches_sql(Query(text=hostile, sort="date"), parsed, Window(), 10_001, 20, 0),
        total_sql(Query(text=hostile), parsed, Window()),
        counts_sql(
            Query(text=hostile),
            parsed,
            Window(),
            group_by="topic",
            interval="week",
            offset_seconds=25200,
        ),
    ):
        assert "DROP" not in sql and "drop" in params["folded"]


def test_total_without_filters_counts_one_index_alone() -> None:
    sql, params = total_sql(Query(text="gia"), parse_query("gia"), Window())
    assert sql == "SELECT count(*) FROM articles_folded WHERE articles_folded MATCH :folded"
    assert params == {"folded": '"gia"'}
    sql, params = total_sql(Query(text="giả"), parse_query("giả"), Window())
    assert sql == "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :exact"
    assert params == {"exact": '"giả"'}


def test_a_capped_total_stops_counting_at_the_cap() -> None:
    sql, params = total_sql(Query(text="gia"), parse_query("gia"), Window(), cap=10_001)
    assert sql == (
        "SELECT count(*) FROM (SELECT 1 FROM articles_folded "
        "WHERE articles_folded MATCH :folded LIMIT :count_cap)"
    )
    assert params == {"folded": '"gia"', "count_cap": 10_001}
    sql, params = total_sql(Query(kinds=frozenset({"national"})), parse_query(""), Window(), 4)
    assert sql.endswith("WHERE a.kind IN (:kind0) LIMIT :count_cap)")
    assert params == {"kind0": "national", "count_cap": 4}


def test_words_typed_with_diacritics_are_required_as_typed_in_mixed_queries() -> None:
    sql, params = total_sql(Query(text="gia mạo"), parse_query("gia mạo"), Window())
    assert "articles_folded MATCH :folded" in sql and "articles_fts MATCH :accented" in sql
    assert params == {"folded": '"gia" "mao"', "accented": '"mạo"'}


def test_dense_date_search_walks_the_date_index() -> None:
    parsed = parse_query("luong huu")
    sql, params = search_sql(
        Query(text="luong huu", sort="date"), parsed, Window(), 20, 0, dense=True
    )
    assert "INDEXED BY articles_published" in sql and "articles_folded MATCH :folded" in sql
    assert params["folded"] == '"luong" "huu"'
    sparse, _ = search_sql(Query(text="luong huu", sort="date"), parsed, Window(), 20, 0)
    assert "JOIN articles a INDEXED BY articles_meta" in sparse


@pytest.mark.parametrize(
    ("total", "size", "page_end", "walk"),
    [
        (0, 1000, 20, False),
        (400_000, 1_000_000, 20, True),
        (1_000, 1_000_000, 20, False),
        (20_000, 1_000_000, 20, True),
        (20_000, 1_000_000, 2_000, False),
    ],
)
def test_walking_the_dates_pays_only_for_dense_matches(
    total: int, size: int, page_end: int, walk: bool
) -> None:
    assert walk_dates(total, size, page_end) is walk


def test_relevance_window_joins_articles_only_with_filters() -> None:
    parsed = parse_query("giả")
    plain, params = rank_window_sql("articles_fts", Query(text="giả"), parsed, Window())
    filtered, _ = rank_window_sql(
        "articles_folded", Query(text="giả", kinds=frozenset({"national"})), parsed, Window()
    )
    assert "JOIN articles a" not in plain and "JOIN articles a" in filtered
    assert params["exact"] == '"giả"'


def test_filters_narrow_the_text_match_with_tags() -> None:
    query = Query(
        text="BHYT",
        provinces=frozenset({"Hà Nội"}),
        kinds=frozenset({"provincial"}),
        date_from=date(2024, 1, 1),
        date_to=date(2024, 12, 31),
    )
    window = Window(tag_groups=(("phanoi",), ("y2024",)))
    sql, params = rank_window_sql("articles_folded", query, parse_query(query.text), window)
    assert params["folded"] == '"bhyt" AND ("phanoi") AND ("y2024")'
    assert "a.kind IN (:kind0)" in sql  # tags narrow; SQL still decides


def test_user_text_stays_quoted_words_beside_the_tags() -> None:
    match = text_match(parse_query("tags : phanoi OR y2024)"), [("\ue000phanoi",)])
    assert match == '"tags" AND ("phanoi" OR "y2024") AND ("\ue000phanoi")'


def test_counts_reject_unknown_groupings() -> None:
    with pytest.raises(QueryError):
        counts_sql(
            Query(),
            EMPTY,
            Window(),
            group_by="body; --",  # type: ignore[arg-type]  # deliberately not a GroupBy
            interval="week",
            offset_seconds=0,
        )
    with pytest.raises(QueryError):
        counts_sql(
            Query(),
            EMPTY,
            Window(),
            group_by=None,
            interval="year",  # type: ignore[arg-type]
            offset_seconds=0,
        )


@pytest.mark.parametrize(
    ("iso_utc", "interval", "expected"),
    [
        ("2024-01-07 16:59:59", "week", date(2024, 1, 1)),
        ("2024-01-07 17:00:00", "week", date(2024, 1, 8)),
        ("2024-01-14 16:59:59", "week", date(2024, 1, 8)),
        ("2024-01-31 16:59:59", "month", date(2024, 1, 1)),
        ("2024-01-31 17:00:00", "month", date(2024, 2, 1)),
    ],
)
def test_bucket_expression_in_utc_plus_7(iso_utc: str, interval: str, expected: date) -> None:
    conn = sqlite3.connect(":memory:")
    (key,) = conn.execute(
        f"SELECT {bucket_expression()} FROM "
        "(SELECT CAST(unixepoch(:t) AS INTEGER) * 1000000 AS published_us) a",
        {"t": iso_utc, **bucket_params(interval, 7 * 3600)},  # type: ignore[arg-type]
    ).fetchone()
    assert bucket_date(key, interval) == expected  # type: ignore[arg-type]


def test_bucket_keys_before_1970_floor() -> None:
    conn = sqlite3.connect(":memory:")
    (key,) = conn.execute(
        f"SELECT {bucket_expression()} FROM (SELECT -1 AS published_us) a",
        bucket_params("week", 0),
    ).fetchone()
    assert bucket_date(key, "week") == date(1969, 12, 29)


def test_unused_window_has_no_date_conditions() -> None:
    sql, _ = filter_sql(Query(date_from=date(2024, 1, 1)), EMPTY, Window(start_us=5))
    assert sql == "a.published_us >= :start_us"


def test_exclusions_of_the_candidate_index_go_into_its_match_the_others_are_listed() -> None:
    condition, params = candidate_sql(parse_query("luong -cham -giả"), Window())
    assert params["folded"] == '("luong") NOT ("cham")'
    assert condition == (
        "articles_folded MATCH :folded AND +articles_folded.rowid NOT IN "
        "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH :excluded_exact)"
    )
    assert params["excluded_exact"] == '("giả")'


def test_a_capped_total_walks_the_dates() -> None:
    # 10,000 matches or more: the date walk, which the lower bound alone would not choose.
    assert walk_dates(10_000, 1_000_000, 20, exact=False)
    assert not walk_dates(10_000, 1_000_000, 20)


@pytest.mark.parametrize(
    ("archive_size", "page_end"), [(5, 2), (100_000, 20), (1_000_000, 20), (10**7, 60)]
)
def test_walk_threshold_is_where_walking_starts_to_pay(archive_size: int, page_end: int) -> None:
    # A date-sorted search counts up to the threshold: below it the count is exact and decides,
    # at it walking is the choice whatever the true number of matches.
    threshold = walk_threshold(archive_size, page_end)
    assert walk_dates(threshold, archive_size, page_end)
    assert not walk_dates(threshold - 1, archive_size, page_end)
