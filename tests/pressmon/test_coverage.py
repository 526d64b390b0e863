"""Coverage progress and frozen weekly snapshots, against hand-computed tables."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from index import CountTable, Query
from pressmon.coverage import coverage_progress, target_period, target_query
from pressmon.errors import ConfigError, PressmonError
from pressmon.settings import Campaign, Target
from pressmon.snapshots import Revision, SnapshotStore

LOCAL = Target(id="local", name="Báo địa phương", count=15_000, kinds=("provincial",))
MAY = Campaign(id="thang5", name="Tháng vận động", start="05-01", end="05-31")
CAMPAIGN = Target(
    id="may",
    name="Chiến dịch tháng 5",
    count=3_000,
    period="campaign",
    campaign="thang5",
    topics=("bhxh_tu_nguyen",),
    provinces=("Cần Thơ",),
)


def _weekly(first: date, counts: list[int], group: str = "") -> CountTable:
    buckets = tuple(first + timedelta(weeks=i) for i in range(len(counts)))
    return CountTable(buckets=buckets, rows={group: tuple(counts)}, interval="week", group_by=None)


def test_periods_for_year_and_campaign_targets() -> None:
    assert target_period(LOCAL, 2025, [MAY]) == (date(2025, 1, 1), date(2025, 12, 31))
    assert target_period(CAMPAIGN, 2025, [MAY]) == (date(2025, 5, 1), date(2025, 5, 31))
    with pytest.raises(ConfigError):
        target_period(CAMPAIGN, 2025, [])


def test_target_query_carries_filters_and_stops_at_as_of() -> None:
    query = target_query(CAMPAIGN, (date(2025, 5, 1), date(2025, 5, 31)), date(2025, 5, 14))
    assert query == Query(
        date_from=date(2025, 5, 1),
        date_to=date(2025, 5, 14),
        provinces=frozenset({"Cần Thơ"}),
        topics=frozenset({"bhxh_tu_nguyen"}),
    )
    late = target_query(LOCAL, (date(2025, 1, 1), date(2025, 12, 31)), date(2026, 2, 1))
    assert late.date_to == date(2025, 12, 31) and late.kinds == frozenset({"provincial"})


def test_year_progress_hand_computed() -> None:
    # 2025-01-01 is a Wednesday: weeks start 2024-12-30; as of Sunday 2025-03-02 = day 61.
    counts = [100, 200, 250, 250, 200, 200, 200, 200, 400]  # 9 weeks, 2,000 articles
    table = _weekly(date(2024, 12, 30), counts)
    progress = coverage_progress(
        LOCAL, table, period=(date(2025, 1, 1), date(2025, 12, 31)), as_of=date(2025, 3, 2)
    )
    assert progress.count == 2_000
    assert progress.percent == 13.3  # 2000 / 15000
    assert (progress.days_elapsed, progress.days_total) == (61, 365)
    assert progress.weeks_elapsed == 8.7  # 61 / 7
    assert progress.weeks_remaining == 43.4  # 304 / 7
    assert progress.weekly_pace_so_far == 229.5  # 2000 * 7 / 61
    assert progress.weekly_pace_required == 300  # ceil(13000 * 7 / 304) = ceil(299.3)
    assert progress.projected == 11_967  # round(2000 * 365 / 61)
    assert progress.remaining == 13_000 and progress.status == "cham"
    first, second = progress.weeks[:2]
    # First week holds 5 days of the period (Wed 1 .. Sun 5 Jan): 15000 * 5 / 365 = 205.5
    assert (first.week_start, first.count, first.cumulative, first.planned_cumulative) == (
        date(2024, 12, 30),
        100,
        100,
        205,
    )
    assert (second.cumulative, second.planned_cumulative) == (300, 493)  # 15000 * 12 / 365
    assert progress.weeks[-1].cumulative == 2_000


def test_campaign_over_and_exceeded() -> None:
    table = _weekly(date(2025, 4, 28), [600, 900, 800, 700, 300])
    progress = coverage_progress(
        CAMPAIGN, table, period=(date(2025, 5, 1), date(2025, 5, 31)), as_of=date(2025, 6, 15)
    )
    assert progress.count == 3_300 and progress.percent == 110.0
    assert (progress.days_elapsed, progress.weeks_remaining) == (31, 0.0)
    assert progress.weekly_pace_required is None
    assert progress.projected == 3_300 and progress.status == "dat" and progress.remaining == 0
    assert progress.weeks[-1].planned_cumulative == 3_000


def test_before_the_period_starts() -> None:
    table = CountTable(buckets=(), rows={}, interval="week", group_by=None)
    progress = coverage_progress(
        CAMPAIGN, table, period=(date(2025, 5, 1), date(2025, 5, 31)), as_of=date(2025, 4, 20)
    )
    assert (progress.count, progress.days_elapsed, progress.projected) == (0, 0, 0)
    assert progress.weekly_pace_required == 678  # ceil(3000 * 7 / 31)
    assert progress.weekly_pace_so_far == 0.0 and progress.weeks == ()


def test_grouped_or_monthly_tables_are_refused() -> None:
    grouped = CountTable(
        buckets=(date(2025, 1, 6),), rows={"bhyt": (1,)}, interval="week", group_by="topic"
    )
    with pytest.raises(ValueError):
        coverage_progress(
            LOCAL, grouped, period=(date(2025, 1, 1), date(2025, 12, 31)), as_of=date(2025, 1, 7)
        )


# --- snapshots -----------------------------------------------------------------------------

WEEK = date(2025, 1, 6)


def _provinces(counts: dict[str, int], week: date = WEEK) -> CountTable:
    return CountTable(
        buckets=(week, week + timedelta(weeks=1)),
        rows={k: (v, 99) for k, v in counts.items()},
        interval="week",
        group_by="province",
    )


class _Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 1, 13, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(hours=1)
        return self.now


@pytest.fixture
def store(tmp_path: Path):
    snapshots = SnapshotStore(tmp_path / "state.db", clock=_Clock())
    yield snapshots
    snapshots.close()


def test_first_freeze_records_and_reports_nothing(store: SnapshotStore) -> None:
    assert store.freeze(WEEK, _provinces({"Cần Thơ": 12, "Hà Nội": 30})) == []
    assert store.frozen(WEEK, "province") == {"Cần Thơ": 12, "Hà Nội": 30}


def test_refreezing_equal_counts_is_a_no_op(store: SnapshotStore) -> None:
    store.freeze(WEEK, _provinces({"Cần Thơ": 12}))
    assert store.freeze(WEEK, _provinces({"Cần Thơ": 12})) == []
    assert store.revisions() == []


def test_changed_counts_become_revisions_never_overwrites(store: SnapshotStore) -> None:
    store.freeze(WEEK, _provinces({"Cần Thơ": 12, "Hà Nội": 30}))
    first = store.freeze(WEEK, _provinces({"Cần Thơ": 15, "Hà Nội": 30}))
    assert [(r.group, r.original, r.revised, r.delta, r.revision) for r in first] == [
        ("Cần Thơ", 12, 15, 3, 1)
    ]
    # A vanished group (articles deleted) is revised to 0; a new group appears as 0 -> n.
    second = store.freeze(WEEK, _provinces({"Cần Thơ": 14, "Đắk Lắk": 2}))
    assert sorted((r.group, r.original, r.revised, r.delta, r.revision) for r in second) == [
        ("Cần Thơ", 12, 14, 2, 2),
        ("Hà Nội", 30, 0, -30, 1),
        ("Đắk Lắk", 0, 2, 2, 1),
    ]
    assert store.frozen(WEEK, "province") == {"Cần Thơ": 14, "Hà Nội": 0, "Đắk Lắk": 2}
    everything = store.revisions()
    assert len(everything) == 4 and all(isinstance(r, Revision) for r in everything)
    assert all(r.revised_at > r.frozen_at for r in everything)


def test_ungrouped_and_grouped_snapshots_are_separate(store: SnapshotStore) -> None:
    total = CountTable(buckets=(WEEK,), rows={"": (42,)}, interval="week", group_by=None)
    store.freeze(WEEK, total)
    store.freeze(WEEK, _provinces({"Cần Thơ": 12}))
    assert store.frozen(WEEK, None) == {"": 42}
    assert store.frozen(WEEK, "province") == {"Cần Thơ": 12}


def test_freeze_refuses_weeks_not_in_the_table_or_monthly_tables(store: SnapshotStore) -> None:
    with pytest.raises(PressmonError):
        store.freeze(date(2025, 3, 3), _provinces({"Cần Thơ": 1}))
    monthly = CountTable(
        buckets=(date(2025, 1, 1),), rows={"": (3,)}, interval="month", group_by=None
    )
    with pytest.raises(PressmonError):
        store.freeze(date(2025, 1, 1), monthly)


def test_snapshots_persist_across_reopen(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    first = SnapshotStore(path)
    first.freeze(WEEK, _provinces({"Cần Thơ": 12}))
    first.close()
    again = SnapshotStore(path)
    assert [r.delta for r in again.freeze(WEEK, _provinces({"Cần Thơ": 10}))] == [-2]
    again.close()
