"""Monday weeks and months in the archive timezone, and zero-filled count tables."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from index.errors import QueryError, TimezoneError
from index.types import UNKNOWN_GROUP
from index.weeks import (
    bucket_start,
    bucket_starts,
    check_day_range,
    day_bounds_utc,
    fill_counts,
    fixed_utc_offset,
    zone,
)

VN = zone("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("moment", "week", "month"),
    [
        (datetime(2024, 1, 7, 16, 59, 59, tzinfo=UTC), date(2024, 1, 1), date(2024, 1, 1)),
        (datetime(2024, 1, 7, 17, 0, 0, tzinfo=UTC), date(2024, 1, 8), date(2024, 1, 1)),
        (datetime(2024, 2, 29, 17, 0, tzinfo=UTC), date(2024, 2, 26), date(2024, 3, 1)),
        (
            datetime(2024, 3, 1, 0, 30, tzinfo=timezone(timedelta(hours=7))),
            date(2024, 2, 26),
            date(2024, 3, 1),
        ),
    ],
)
def test_bucket_start(moment: datetime, week: date, month: date) -> None:
    assert bucket_start(moment, VN, "week") == week
    assert bucket_start(moment, VN, "month") == month


def test_bucket_starts_cover_partial_ends() -> None:
    assert bucket_starts(date(2024, 1, 3), date(2024, 1, 15), "week") == (
        date(2024, 1, 1),
        date(2024, 1, 8),
        date(2024, 1, 15),
    )
    assert bucket_starts(date(2023, 11, 30), date(2024, 2, 1), "month") == (
        date(2023, 11, 1),
        date(2023, 12, 1),
        date(2024, 1, 1),
        date(2024, 2, 1),
    )
    assert len(bucket_starts(date(2024, 1, 1), date(2024, 12, 31), "week")) == 53


def test_day_bounds_are_local_midnights() -> None:
    start, end = day_bounds_utc(date(2024, 1, 8), date(2024, 1, 8), VN)
    assert start == datetime(2024, 1, 7, 17, tzinfo=UTC)
    assert end == datetime(2024, 1, 8, 17, tzinfo=UTC)
    assert day_bounds_utc(None, None, VN) == (None, None)


def test_fixed_offset() -> None:
    assert fixed_utc_offset(VN) == timedelta(hours=7)
    with pytest.raises(TimezoneError, match="daylight saving"):
        fixed_utc_offset(zone("Australia/Sydney"))


def test_fill_counts_zero_fills_groups_and_buckets() -> None:
    raw = {("Huế", date(2024, 1, 8)): 3, (UNKNOWN_GROUP, date(2024, 1, 1)): 1}
    table = fill_counts(
        raw,
        first=date(2024, 1, 1),
        last=date(2024, 1, 20),
        interval="week",
        group_by="province",
        groups=["Cần Thơ"],
    )
    assert table.buckets == (date(2024, 1, 1), date(2024, 1, 8), date(2024, 1, 15))
    assert dict(table.rows) == {
        "Cần Thơ": (0, 0, 0),
        "Huế": (0, 3, 0),
        UNKNOWN_GROUP: (1, 0, 0),
    }
    assert table.total == 4


def test_fill_counts_open_range_uses_the_data() -> None:
    raw = {("", date(2024, 3, 1)): 2, ("", date(2024, 1, 1)): 1}
    table = fill_counts(raw, first=None, last=None, interval="month", group_by=None)
    assert table.buckets == (date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1))
    assert dict(table.rows) == {"": (1, 0, 2)}
    empty = fill_counts({}, first=None, last=None, interval="week", group_by=None)
    assert (empty.buckets, dict(empty.rows)) == ((), {})


def test_a_reversed_range_names_its_days_as_the_form_takes_them() -> None:
    # The search page and /api/search showed "2026-01-01 sau 2025-01-01" to someone who had
    # typed 01/01/2026 and 01/01/2025 in "Từ ngày" and "Đến ngày".
    with pytest.raises(QueryError) as refused:
        check_day_range(date(2026, 1, 1), date(2025, 1, 1))
    assert str(refused.value) == (
        "Khoảng ngày không hợp lệ: từ ngày 01/01/2026 sau đến ngày 01/01/2025."
    )
    check_day_range(date(2025, 1, 1), date(2025, 1, 1))  # one day is a range
