"""The split-rule note reads the steady plan "đến hôm nay" only while the period runs to today;
a finished period names its end, a range that stopped earlier the day it was read at."""

from __future__ import annotations

from datetime import UTC, date, datetime

from index.types import CountTable
from pressmon.coverage import coverage_progress
from pressmon.progress_text import plan_until
from pressmon.settings import Target
from tests.web.conftest import Clock, sign_in

EMPTY = CountTable(buckets=(), rows={}, interval="week", group_by=None)
YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def _read(as_of: date):
    return coverage_progress(Target(id="t", name="T", count=10), EMPTY, period=YEAR, as_of=as_of)


def test_plan_until_names_the_day_unless_it_is_today() -> None:
    assert plan_until(_read(date(2025, 12, 31)), today=date(2026, 3, 2)) == "ngày 31/12/2025"
    assert plan_until(_read(date(2025, 6, 30)), today=date(2025, 9, 1)) == "ngày 30/06/2025"
    assert plan_until(_read(date(2025, 9, 1)), today=date(2025, 9, 1)) == "hôm nay"


def test_the_page_names_a_finished_period_end(client, clock: Clock) -> None:
    clock.now = datetime(2027, 1, 5, 3, 0, tzinfo=UTC)
    sign_in(client, "binh")
    past = "tu=01/01/2026&den=31/12/2026&chi_tieu=local_press_year"
    for page in ("/bao-phu", "/bao-cao"):
        html = client.get(f"{page}?{past}").text
        assert "kế hoạch đều đến ngày 31/12/2026;" in html and "đến hôm nay" not in html, page
    html = client.get("/bao-phu?tu=01/01/2027&den=05/01/2027&chi_tieu=local_press_year").text
    assert "kế hoạch đều đến hôm nay;" in html
