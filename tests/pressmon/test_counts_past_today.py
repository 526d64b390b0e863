"""`pressmon counts --to` a day after today (the month's or the year's end, asked before it
ends): the week (month) under way is marked as counted to today and the later ones as not yet
begun, not read as whole weeks of few or no articles."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import archive_cmds, main
from pressmon.coverage import counted_until
from pressmon.progress_text import cut_buckets_note

PUBLISHED = datetime(2026, 3, 20, 3, 0, tzinfo=UTC)  # Friday 20/03/2026, in the week of 16/03


class _Wednesday(datetime):
    """`pressmon counts` read on Wednesday 25/03/2026, 10:00 in Vietnam."""

    @classmethod
    def now(cls, tz=None):
        return datetime(2026, 3, 25, 3, 0, tzinfo=UTC).astimezone(tz)


@pytest.fixture
def archive(
    one_article_archive: Callable[[datetime], Path], monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.setattr(archive_cmds, "datetime", _Wednesday)
    return one_article_archive(PUBLISHED)


def _counts(archive: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--archive", str(archive), "counts", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


WEEKS = ("--from", "2026-03-16", "--to", "2026-04-05")  # to the Sunday after next


def test_the_week_under_way_and_the_next_are_named_under_the_table(archive: Path) -> None:
    assert (
        "Mỗi tuần chỉ tính các ngày trong khoảng đã chọn: tuần từ 23/03/2026 chỉ tính đến "
        "25/03/2026; tuần từ 30/03/2026 chưa tới, chưa có số liệu."
    ) in _counts(archive, *WEEKS)


def test_the_year_asked_in_march_names_the_months_ahead(archive: Path) -> None:
    shown = _counts(archive, "--interval", "month", "--from", "2026-01-01", "--to", "2026-12-31")
    assert (
        "Mỗi tháng chỉ tính các ngày trong khoảng đã chọn: tháng 03/2026 chỉ tính đến "
        "25/03/2026; các tháng từ 01/04/2026 đến 31/12/2026 chưa tới, chưa có số liệu."
    ) in shown


def test_the_weeks_ahead_are_named_up_to_the_day_asked(archive: Path) -> None:
    """--to a Wednesday: the span ends on it, not on the last week's Sunday (12/04/2026), a day
    the user never asked for."""
    assert (
        "tuần từ 23/03/2026 chỉ tính đến 25/03/2026; các tuần từ 30/03/2026 đến 08/04/2026 "
        "chưa tới, chưa có số liệu."
    ) in _counts(archive, "--from", "2026-03-16", "--to", "2026-04-08")


def test_the_months_ahead_are_named_up_to_the_day_asked(archive: Path) -> None:
    shown = _counts(archive, "--interval", "month", "--from", "2026-01-01", "--to", "2026-12-15")
    assert "các tháng từ 01/04/2026 đến 15/12/2026 chưa tới, chưa có số liệu." in shown


def test_the_span_ahead_lies_within_the_range() -> None:
    """The year asked on Saturday 05/12/2026: its last week runs to Sunday 03/01/2027; and the
    next year asked then, whose first week starts on Monday 28/12/2026."""
    weeks = tuple(date(2026, 11, 30) + timedelta(weeks=n) for n in range(5))
    assert cut_buckets_note(
        weeks, "week", date(2026, 1, 1), date(2026, 12, 5), range_end=date(2026, 12, 31)
    ) == (
        "Mỗi tuần chỉ tính các ngày trong khoảng đã chọn: tuần từ 30/11/2026 chỉ tính đến "
        "05/12/2026; các tuần từ 07/12/2026 đến 31/12/2026 chưa tới, chưa có số liệu."
    )
    next_year = (date(2026, 12, 28), date(2027, 1, 4))
    assert cut_buckets_note(
        next_year, "week", date(2027, 1, 1), date(2026, 12, 5), range_end=date(2027, 1, 6)
    ) == (
        "Mỗi tuần chỉ tính các ngày trong khoảng đã chọn: các tuần từ 01/01/2027 đến "
        "06/01/2027 chưa tới, chưa có số liệu."
    )


def test_the_csv_and_the_json_mark_them(archive: Path) -> None:
    rows = list(csv.reader(io.StringIO(_counts(archive, "--csv", *WEEKS))))
    assert rows == [
        ["bucket_start", "count", "partial"],
        ["2026-03-16", "1", "0"],
        ["2026-03-23", "0", "1"],
        ["2026-03-30", "0", "1"],
    ]
    shown = json.loads(_counts(archive, "--json", *WEEKS))
    assert shown["partial_buckets"] == ["2026-03-23", "2026-03-30"]


def test_a_range_ending_today_or_earlier_is_unchanged() -> None:
    weeks = (date(2026, 3, 16), date(2026, 3, 23))
    today = date(2026, 3, 25)
    assert counted_until(weeks, date(2026, 4, 5), today) == today
    assert counted_until(weeks, today, today) == today
    assert counted_until(weeks, date(2026, 3, 22), today) == date(2026, 3, 22)
    assert cut_buckets_note(weeks, "week", weeks[0], date(2026, 3, 29)) is None


def test_the_json_says_up_to_which_day_it_counts(archive: Path) -> None:
    """A script tells the weeks after today (no data yet) from weeks with no articles."""
    assert json.loads(_counts(archive, "--json", *WEEKS))["counted_to"] == "2026-03-25"
    earlier = _counts(archive, "--json", "--from", "2026-03-16", "--to", "2026-03-22")
    assert json.loads(earlier)["counted_to"] == "2026-03-22"
