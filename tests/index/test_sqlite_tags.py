"""Filter tags only ever narrow: every article a SQL filter keeps also carries a matching tag."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from index.errors import QueryError
from index.query_parser import parse_query
from index.sqlite_rows import to_us
from index.sqlite_tags import (
    MAX_DATE_TAGS,
    TAG_MARK,
    date_tags,
    document_tags,
    query_tags,
    selective_groups,
    tag,
)
from index.types import Query

_INSTANTS = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
)
_OFFSETS = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: timedelta(minutes=m))


def marked(*names: str) -> tuple[str, ...]:
    return tuple(TAG_MARK + name for name in names)


def _tags(published: datetime, **fields: Any) -> set[str]:
    values: dict[str, Any] = {
        "outlet": "baohanoi",
        "kind": "provincial",
        "provinces": (),
        "topics": (),
    }
    values.update(fields)
    return set(document_tags(published_us=to_us(published), **values).split())


def test_tags_are_the_mark_and_ascii_letters_and_digits() -> None:
    assert tag("p", "Hà Nội") == TAG_MARK + "phanoi"
    assert tag("p", "Bà Rịa - Vũng Tàu") == TAG_MARK + "pbariavungtau"
    assert tag("t", "bhxh_tu_nguyen") == TAG_MARK + "tbhxhtunguyen"
    assert tag("o", "Đắk Lắk") == TAG_MARK + "odaklak"


@given(st.text())
def test_no_query_word_can_equal_a_tag(text: str) -> None:
    try:
        parsed = parse_query(text[:500])
    except QueryError:
        return  # too many words, or exclusions alone: nothing reaches FTS5
    excluded = tuple(word for phrase in parsed.excluded for word in phrase)
    assert not any(TAG_MARK in word for word in parsed.all_words() + excluded)


def test_document_tags_cover_every_filterable_field() -> None:
    tags = _tags(
        datetime(2024, 6, 15, 3, tzinfo=UTC), provinces=("Huế", "Đà Nẵng"), topics=("bhyt",)
    )
    assert tags == set(
        marked("obaohanoi", "kprovincial", "phue", "pdanang", "tbhyt", "y2024", "m202406")
    )


@given(_INSTANTS, _OFFSETS)
def test_the_local_month_is_tagged_whatever_the_utc_offset(
    published: datetime, offset: timedelta
) -> None:
    local = (published + offset).date()
    tags = _tags(published)
    assert set(marked(f"y{local.year}", f"m{local.year}{local.month:02d}")) <= tags


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)),
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=400),
)
def test_a_date_window_tags_every_day_inside_it(day: date, before: int, after: int) -> None:
    tags = set(date_tags(day - timedelta(days=before), day + timedelta(days=after)))
    assert tags & set(marked(f"y{day.year}", f"m{day.year}{day.month:02d}"))


def test_date_windows_use_whole_years_where_they_can() -> None:
    assert date_tags(date(2024, 1, 1), date(2024, 12, 31)) == marked("y2024")
    assert date_tags(date(2024, 3, 9), date(2024, 4, 2)) == marked("m202403", "m202404")


def test_query_tags_group_each_filter_and_skip_wide_or_open_date_windows() -> None:
    query = Query(
        provinces=frozenset({"Huế", "Cần Thơ"}),
        kinds=frozenset({"provincial"}),
        date_from=date(2024, 1, 1),
        date_to=date(2024, 2, 10),
    )
    assert query_tags(query) == (
        marked("kprovincial"),
        marked("pcantho", "phue"),
        marked("m202401", "m202402"),
    )
    assert query_tags(Query(date_from=date(2024, 1, 1))) == ()
    months = Query(date_from=date(2020, 2, 1), date_to=date(2024, 11, 30))
    assert len(date_tags(months.date_from, months.date_to)) > MAX_DATE_TAGS  # type: ignore[arg-type]
    assert query_tags(months) == ()
    assert query_tags(Query(review_statuses=frozenset({"Đã xử lý"}), tiers=frozenset({"x"}))) == ()


def test_only_rare_tags_narrow_inside_fts() -> None:
    groups = (("kprovincial", "knational"), ("phue",), ("y2024",))
    counts = {"kprovincial": 50, "knational": 40, "phue": 3, "y2024": 15}
    assert selective_groups(groups, counts, 100) == (("phue",), ("y2024",))
    assert selective_groups(groups, counts, 10) == ()
