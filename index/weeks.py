"""Calendar buckets in the archive timezone: Monday-start weeks and months, zero-filled tables.

This is the reference every backend agrees with. The SQLite backend buckets in SQL with a fixed
UTC offset (`fixed_utc_offset`), which is exact only for zones without daylight saving, so such
zones are rejected rather than bucketed wrongly twice a year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from index.errors import QueryError, TimezoneError
from index.types import CountTable, CountUnit, GroupBy, Interval

_OFFSET_CHECK_YEARS = range(1990, 2051)


def zone(name: str) -> ZoneInfo:
    """The IANA zone `name`, or a TimezoneError naming it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as err:
        raise TimezoneError(
            f"không biết múi giờ {name!r}; dùng tên IANA như 'Asia/Ho_Chi_Minh'"
        ) from err


def fixed_utc_offset(tz: ZoneInfo) -> timedelta:
    """The zone's one UTC offset over 1990–2050; zones with DST or offset changes are refused."""
    offsets = {
        datetime(year, month, 15, 12, tzinfo=tz).utcoffset()
        for year in _OFFSET_CHECK_YEARS
        for month in (1, 4, 7, 10)
    }
    if len(offsets) != 1:
        raise TimezoneError(
            f"múi giờ {tz.key!r} đổi độ lệch UTC (giờ mùa hè, daylight saving); kho SQLite chia "
            "tuần theo một độ lệch cố định nên chỉ dùng được múi giờ không đổi giờ, "
            "ví dụ 'Asia/Ho_Chi_Minh'"
        )
    (offset,) = offsets
    assert offset is not None
    return offset


def local_date(moment: datetime, tz: ZoneInfo) -> date:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the index needs timezone-aware datetimes")
    return moment.astimezone(tz).date()


def week_start(day: date) -> date:
    """The Monday on or before `day`."""
    return day - timedelta(days=day.weekday())


def month_start(day: date) -> date:
    return day.replace(day=1)


def bucket_end(start: date, interval: Interval) -> date:
    """The last day of the week or month starting on `start`."""
    if interval == "week":
        return start + timedelta(days=6)
    return (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def counted_days(
    start: date, interval: Interval, date_from: date | None, date_to: date | None
) -> tuple[date, date]:
    """The first and last day of the bucket starting on `start` that the range counts (an
    open end cuts nothing)."""
    end = bucket_end(start, interval)
    return max(start, date_from or start), min(end, date_to or end)


def cut_buckets(
    buckets: Iterable[date], interval: Interval, date_from: date | None, date_to: date | None
) -> frozenset[date]:
    """The buckets (by start) of which the range leaves out some days: at most the first and
    the last, as a table spans the range."""
    return frozenset(
        start
        for start in buckets
        if counted_days(start, interval, date_from, date_to) != (start, bucket_end(start, interval))
    )


def bucket_start(moment: datetime, tz: ZoneInfo, interval: Interval) -> date:
    """The first local day of the week or month holding `moment`."""
    day = local_date(moment, tz)
    return week_start(day) if interval == "week" else month_start(day)


def bucket_starts(first: date, last: date, interval: Interval) -> tuple[date, ...]:
    """Every bucket start from the bucket holding `first` to the one holding `last`."""
    if interval == "week":
        start, stop = week_start(first), week_start(last)
        return tuple(start + timedelta(weeks=i) for i in range((stop - start).days // 7 + 1))
    buckets = []
    current, stop = month_start(first), month_start(last)
    while current <= stop:
        buckets.append(current)
        current = (current + timedelta(days=32)).replace(day=1)
    return tuple(buckets)


def check_day_range(date_from: date | None, date_to: date | None) -> None:
    """Refuse a range of local days that ends before it starts, on every backend alike (a
    search for it would match nothing without saying why).

    Raises:
        QueryError: `date_from` is after `date_to`.
    """
    if date_from and date_to and date_from > date_to:
        # Written as the user types dates (dd/mm/yyyy), naming the two fields of the form.
        raise QueryError(
            f"Khoảng ngày không hợp lệ: từ ngày {date_from:%d/%m/%Y} sau đến ngày "
            f"{date_to:%d/%m/%Y}."
        )


def day_bounds_utc(
    date_from: date | None, date_to: date | None, tz: ZoneInfo
) -> tuple[datetime | None, datetime | None]:
    """Inclusive local dates -> [start, end) instants in UTC (None stays open)."""
    start = datetime.combine(date_from, time(), tz).astimezone(UTC) if date_from else None
    end = (
        datetime.combine(date_to + timedelta(days=1), time(), tz).astimezone(UTC)
        if date_to
        else None
    )
    return start, end


def fill_counts(
    raw: Mapping[tuple[str, date], int],
    *,
    first: date | None,
    last: date | None,
    interval: Interval,
    group_by: GroupBy | None,
    groups: Iterable[str] = (),
    unit: CountUnit = "articles",
    distinct: int | None = None,
) -> CountTable:
    """Zero-filled CountTable from sparse (group, bucket start) -> count.

    `first`/`last` are the local days the table must span (None: the data's own range);
    `groups` are extra rows to show even when they have no articles (e.g. filtered provinces);
    `distinct` is the table's total when it is not the sum of its cells (`CountTable.distinct`).
    """
    if raw:
        seen = [bucket for _, bucket in raw]
        first = first or min(seen)
        # A bucket's start, so it can precede `first` (a range from a Wednesday whose week is
        # the last with articles): the buckets are compared, not the days.
        last = last or max(seen)
    if first is None or last is None or bucket_starts(first, last, interval) == ():
        return CountTable(
            buckets=(), rows={}, interval=interval, group_by=group_by, unit=unit, distinct=distinct
        )
    buckets = bucket_starts(first, last, interval)
    position = {bucket: i for i, bucket in enumerate(buckets)}
    names = sorted({group for group, _ in raw} | set(groups)) if group_by else [""]
    rows = {name: [0] * len(buckets) for name in names}
    for (group, bucket), count in raw.items():
        if bucket in position:
            rows[group if group_by else ""][position[bucket]] += count
    return CountTable(
        buckets=buckets,
        rows={name: tuple(counts) for name, counts in rows.items()},
        interval=interval,
        group_by=group_by,
        unit=unit,
        distinct=distinct,
    )
