"""Progress read during its last day counted (today) leaves that day out of the days over: on
1 January nothing is due yet, so no province reads "Chậm" before the day is out, and on
31 December the year has not ended, so it is not "Không đạt" with no pace while it runs."""

from __future__ import annotations

from datetime import date

from index import CountTable
from pressmon.coverage import coverage_progress
from pressmon.progress_text import pace_sentence
from pressmon.province_targets import province_progress
from pressmon.settings import Target

YEAR = (date(2026, 1, 1), date(2026, 12, 31))
LOCAL = Target(id="local", name="Báo địa phương", count=15_000, kinds=("provincial",))


def _table(first: date, counts: list[int]) -> CountTable:
    buckets = tuple(date.fromordinal(first.toordinal() + 7 * i) for i in range(len(counts)))
    return CountTable(buckets=buckets, rows={"": tuple(counts)}, interval="week", group_by=None)


def test_the_first_day_read_during_it_is_on_pace() -> None:
    progress = coverage_progress(
        LOCAL, _table(date(2025, 12, 29), [0]), period=YEAR, as_of=YEAR[0], today=YEAR[0]
    )
    assert progress.status == "dung_tien_do"
    assert progress.weekly_pace_required == 288  # ceil(15,000 × 7 / 365): the whole year left
    rows = province_progress(
        {"Nghệ An": 441},
        {},
        {},
        days_elapsed=progress.days_elapsed,
        days_total=progress.days_total,
        days_over=progress.days_over,
    )
    assert rows[0].status == "dung_tien_do"
    # The day over, the plan for it is due.
    over = coverage_progress(LOCAL, _table(date(2025, 12, 29), [0]), period=YEAR, as_of=YEAR[0])
    assert over.status == "cham"


def test_the_last_day_read_during_it_is_not_yet_over() -> None:
    table = _table(date(2025, 12, 29), [280] * 53)  # 14,840
    running = coverage_progress(LOCAL, table, period=YEAR, as_of=YEAR[1], today=YEAR[1])
    assert running.status == "cham" and running.weekly_pace_required == 1_120  # 160 × 7
    assert pace_sentence(running, YEAR[1]).startswith("Cần 1.120 bài/tuần trong 0,1 tuần")
    ended = coverage_progress(LOCAL, table, period=YEAR, as_of=YEAR[1], today=date(2027, 1, 1))
    assert ended.status == "khong_dat" and ended.weekly_pace_required is None
