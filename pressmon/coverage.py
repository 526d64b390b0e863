"""Progress against coverage targets: pure arithmetic over a weekly CountTable.

Conventions (all dates are local days in the archive timezone, bounds inclusive):
* The period is the calendar year, or the target's campaign window in that year.
* `as_of` is the last day counted; days elapsed = as_of - period start + 1, clamped to the period.
* Read on `as_of` itself (today), that day is still running: it is not yet "over" (`days_over`
  leaves it out), so the steady plan is due to the end of yesterday, and the day counts among
  the days left. On 1 January nothing is due yet; on the period's last day it has not ended.
* Weeks elapsed are days elapsed / 7, weeks remaining the days left / 7 (fractions kept: a
  3-day remainder is 0.4 weeks).
* Weekly pace required = articles still missing / weeks remaining, rounded up.
* Projection is linear: count × period days / days elapsed.
* Status (`progress_status`): "dat" once the count reaches the target; a finished period that fell
  short is "khong_dat" (never "cham"); a running one is "dung_tien_do" while the count is at least
  the steady-pace plan to the end of the last day over, else "cham"; before the period starts,
  "chua_bat_dau".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, get_args

from crawlers.sources import OutletKind
from index import CountTable, Query
from index.base import Archive
from index.types import GroupBy, Interval
from index.weeks import bucket_starts, fill_counts
from pressmon.errors import ConfigError
from pressmon.settings import Campaign, Target, Targets

# Coverage counts press only (the web's /bao-phu and `pressmon counts` alike): kind "other"
# (forums, social media, service sites) is monitored for false content, counted only when asked.
PRESS_KINDS: frozenset[str] = frozenset(k for k in get_args(OutletKind) if k != "other")

Status = Literal["dat", "dung_tien_do", "cham", "khong_dat", "chua_bat_dau"]
STATUS_LABELS: dict[Status, str] = {
    "dat": "Đạt",
    "dung_tien_do": "Đúng tiến độ",
    "cham": "Chậm",
    "khong_dat": "Không đạt",
    "chua_bat_dau": "Chưa bắt đầu",
}
# Worst first: the order in which provinces need the Center's attention.
ATTENTION_ORDER: tuple[Status, ...] = ("khong_dat", "cham", "chua_bat_dau", "dung_tien_do", "dat")


def planned_to_date(target: int, days_elapsed: int, days_total: int) -> int:
    """Articles a steady pace from the period start would have reached after `days_elapsed`."""
    return round(target * days_elapsed / days_total)


def progress_status(
    count: int, target: int, *, days_elapsed: int, days_total: int, days_over: int | None = None
) -> Status:
    """The status rule of the module docstring; `days_over` leaves out a day still running
    (None: every elapsed day is over)."""
    over = days_elapsed if days_over is None else days_over
    if count >= target:
        return "dat"
    if over >= days_total:
        return "khong_dat"
    if days_elapsed <= 0:
        return "chua_bat_dau"
    if count >= planned_to_date(target, over, days_total):
        return "dung_tien_do"
    return "cham"


def required_weekly_pace(missing: int, days_left: int) -> int | None:
    """Articles per week still needed to close the gap by the period end; None once nothing is
    missing or the period is over (shown "—" on the page, an empty cell in the workbooks)."""
    return math.ceil(missing * 7 / days_left) if days_left > 0 and missing > 0 else None


@dataclass(frozen=True)
class WeekProgress:
    week_start: date  # Monday; the first week may start before the period
    count: int
    cumulative: int
    planned_cumulative: int  # where a steady pace to the target would be by the week's end


@dataclass(frozen=True)
class CoverageProgress:
    target_id: str
    target_name: str
    period_start: date
    period_end: date
    as_of: date
    count: int
    target: int
    percent: float
    days_elapsed: int
    days_total: int
    days_over: int  # days_elapsed less the day still running when read on it
    weeks_elapsed: float
    weeks_remaining: float
    weekly_pace_so_far: float
    weekly_pace_required: int | None  # None once reached or the period is over
    projected: int
    weeks: tuple[WeekProgress, ...]

    @property
    def remaining(self) -> int:
        return max(self.target - self.count, 0)

    @property
    def status(self) -> Status:
        return progress_status(
            self.count,
            self.target,
            days_elapsed=self.days_elapsed,
            days_total=self.days_total,
            days_over=self.days_over,
        )

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def target_period(target: Target, year: int, campaigns: Sequence[Campaign]) -> tuple[date, date]:
    """First and last day of the target's period in `year`."""
    if target.period == "year":
        return date(year, 1, 1), date(year, 12, 31)
    for campaign in campaigns:
        if campaign.id == target.campaign:
            return campaign.window(year)
    raise ConfigError(
        f"chỉ tiêu {target.id!r} có period 'campaign' nhưng không nêu đợt truyền thông nào "
        f"đã khai báo ({target.campaign!r})",
        hint="ghi `campaign:` cho chỉ tiêu này trong targets.yaml",
    )


def target_query(target: Target, period: tuple[date, date], as_of: date) -> Query:
    """The archive query counting the target's articles from the period start to `as_of`."""
    start, end = period
    return Query(
        date_from=start,
        date_to=min(as_of, end),
        kinds=frozenset(target.kinds),
        provinces=frozenset(target.provinces),
        topics=frozenset(target.topics),
    )


def target_counts(archive: Archive, query: Query, *, group_by: GroupBy | None = None) -> CountTable:
    """Weekly counts of a `target_query`: none when the period starts after `as_of` (its range
    then ends before it begins, which the archive refuses: a May campaign read in March)."""
    if query.date_from and query.date_to and query.date_from > query.date_to:
        return fill_counts({}, first=None, last=None, interval="week", group_by=group_by)
    return archive.counts(query, group_by=group_by)


def coverage_progress(
    target: Target,
    table: CountTable,
    *,
    period: tuple[date, date],
    as_of: date,
    today: date | None = None,
) -> CoverageProgress:
    """Progress of `target` from an ungrouped weekly table of `target_query`'s counts, read on
    `today` (None: after `as_of`, which is then over)."""
    if table.interval != "week" or table.group_by is not None:
        raise ValueError("coverage needs an ungrouped weekly CountTable")
    start, end = period
    days_total = (end - start).days + 1
    days_elapsed = min(max((as_of - start).days + 1, 0), days_total)
    running = today is not None and as_of >= today and start <= as_of <= end
    days_over = days_elapsed - 1 if running else days_elapsed
    days_left = days_total - days_over
    weekly = [sum(counts[i] for counts in table.rows.values()) for i in range(len(table.buckets))]
    count = sum(weekly)
    missing = max(target.count - count, 0)

    weeks = []
    cumulative = 0
    for week_start, in_week in zip(table.buckets, weekly, strict=True):
        cumulative += in_week
        planned_days = (min(week_start + timedelta(days=6), end) - start).days + 1
        weeks.append(
            WeekProgress(
                week_start=week_start,
                count=in_week,
                cumulative=cumulative,
                planned_cumulative=round(target.count * max(planned_days, 0) / days_total),
            )
        )
    return CoverageProgress(
        target_id=target.id,
        target_name=target.name,
        period_start=start,
        period_end=end,
        as_of=as_of,
        count=count,
        target=target.count,
        percent=round(100 * count / target.count, 1),
        days_elapsed=days_elapsed,
        days_total=days_total,
        days_over=days_over,
        weeks_elapsed=round(days_elapsed / 7, 1),
        weeks_remaining=round(days_left / 7, 1),
        weekly_pace_so_far=round(count * 7 / days_elapsed, 1) if days_elapsed else 0.0,
        weekly_pace_required=required_weekly_pace(missing, days_left),
        projected=round(count * days_total / days_elapsed) if days_elapsed else 0,
        weeks=tuple(weeks),
    )


def progress_for_targets(
    archive: Archive, targets: Targets, as_of: date, today: date | None = None
) -> list[CoverageProgress]:
    """Every configured target's progress in the period containing `as_of`, read on `today`."""
    progress = []
    for target in targets.targets:
        period = target_period(target, as_of.year, targets.campaigns)
        table = target_counts(archive, target_query(target, period, as_of))
        progress.append(coverage_progress(target, table, period=period, as_of=as_of, today=today))
    return progress


def counted_end(date_to: date, today: date) -> date:
    """The last day a range ending on `date_to` counts, read on `today`: nothing after today is
    counted yet, so a range asked to the month's or the year's end holds the week (month) under
    way to today and the later ones not at all, not whole weeks of few or no articles."""
    return min(date_to, today)


def counted_until(buckets: Sequence[date], date_to: date | None, today: date) -> date | None:
    """The last day a count table counts, for naming the weeks (months) it holds only in part:
    `counted_end`, or without `date_to` today, as on /bao-phu, whose range ends today unless
    asked; None, an open end, when the table then runs past today (an article dated ahead)."""
    if date_to is not None:
        return counted_end(date_to, today)
    if buckets and buckets[-1] > today:
        return None
    return today


def open_end(
    buckets: Sequence[date],
    interval: Interval,
    date_from: date | None,
    date_to: date | None,
    today: date,
) -> date | None:
    """The day a count table asked without `date_to` must still reach, as /bao-phu's range ends
    today: today (`date_from` when it lies ahead), when no article is dated in the week (month)
    under way or later, so that week shows with its 0 as counted to today instead of being left
    out, and a range begun today or ahead gets its week instead of no table at all. None when
    `date_to` is given or the articles already reach the week under way (no article is then
    dated after the day returned, so counting to it leaves none out)."""
    if date_to is not None:
        return None
    (under_way,) = bucket_starts(today, today, interval)
    if buckets and buckets[-1] >= under_way:
        return None
    return max(today, date_from or today)


def default_window(today: date, targets: Targets) -> tuple[date, date, str | None]:
    """What the coverage page shows unasked: the running campaign target's window so far when
    one is under way today, else the current year so far; with the target id to chart (None:
    the first year target)."""
    for target in targets.targets:
        if target.period != "campaign":
            continue
        start, end = target_period(target, today.year, targets.campaigns)
        if start <= today <= end:
            return start, today, target.id
    return date(today.year, 1, 1), today, None


def archived_outlets(archive: Archive, configured: Mapping[str, str]) -> dict[str, str]:
    """The outlets the archive holds that `configured` (sources.yaml) lacks → their stored
    names: lines `ingest` read from outlets it did not know, or an archive imported from
    another deployment."""
    table = archive.counts(Query(), group_by="outlet", interval="month")
    return stored_outlet_names(archive, table.rows, configured)


def stored_outlet_names(
    archive: Archive, outlet_ids: Iterable[str], configured: Mapping[str, str]
) -> dict[str, str]:
    """Each of `outlet_ids` not in `configured` (sources.yaml) → the name its articles were
    stored with: an archive imported into another data folder, or fed outlets sources.yaml
    lacks, showed bare ids ("bao_tinh_02") where search showed the names."""
    names: dict[str, str] = {}
    for outlet in outlet_ids:
        if outlet in configured:
            continue
        page = archive.search(Query(outlets=frozenset({outlet}), sort="date", page_size=1))
        if page.hits:
            names[outlet] = page.hits[0].document.outlet_name
    return names
