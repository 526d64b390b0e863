"""`pressmon counts` over a range that cuts its first or last week or month: the cut period
holds only the range's days, and the output says so (a half month read as a whole one would
understate the press that month)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import archive_cmds, main
from pressmon.coverage import counted_until
from pressmon.progress_text import cut_buckets_note

PUBLISHED = datetime(2026, 3, 20, 3, 0, tzinfo=UTC)  # Friday 20/03/2026, in the week of 16/03


@pytest.fixture
def archive(one_article_archive: Callable[[datetime], Path]) -> Path:
    return one_article_archive(PUBLISHED)


def _counts(archive: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--archive", str(archive), "counts", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_months_cut_by_the_range_are_named_under_the_table(archive: Path) -> None:
    shown = _counts(archive, "--interval", "month", "--from", "2026-03-15", "--to", "2026-05-10")
    assert (
        "Mỗi tháng chỉ tính các ngày trong khoảng đã chọn: tháng 03/2026 chỉ tính từ "
        "15/03/2026; tháng 05/2026 chỉ tính đến 10/05/2026."
    ) in shown


def test_whole_months_get_no_note(archive: Path) -> None:
    shown = _counts(archive, "--interval", "month", "--from", "2026-03-01", "--to", "2026-04-30")
    assert "chỉ tính các ngày trong khoảng" not in shown


def test_month_ends_follow_the_calendar() -> None:
    february = date(2028, 2, 1)  # a leap year: 29 days
    assert cut_buckets_note((february,), "month", february, date(2028, 2, 29)) is None
    assert cut_buckets_note((february,), "month", february, date(2028, 2, 28)) == (
        "Mỗi tháng chỉ tính các ngày trong khoảng đã chọn: tháng 02/2028 chỉ tính đến 28/02/2028."
    )
    december = date(2026, 12, 1)
    assert cut_buckets_note((december,), "month", date(2026, 12, 2), date(2026, 12, 30)) == (
        "Mỗi tháng chỉ tính các ngày trong khoảng đã chọn: tháng 12/2026 chỉ tính từ "
        "02/12/2026 đến 30/12/2026."
    )


def test_the_csv_marks_the_rows_of_cut_periods(archive: Path) -> None:
    """Monday 16/03 to Wednesday 25/03: the second week holds three days."""
    rows = list(
        csv.reader(
            io.StringIO(_counts(archive, "--csv", "--from", "2026-03-16", "--to", "2026-03-25"))
        )
    )
    assert rows == [
        ["bucket_start", "count", "partial"],
        ["2026-03-16", "1", "0"],
        ["2026-03-23", "0", "1"],
    ]
    grouped = list(
        csv.reader(
            io.StringIO(
                _counts(
                    archive,
                    "--csv",
                    "--by",
                    "kind",
                    "--interval",
                    "month",
                    "--from",
                    "2026-03-15",
                    "--to",
                    "2026-04-30",
                )
            )
        )
    )
    assert grouped[0] == ["bucket_start", "kind", "label", "count", "partial"]
    assert ["2026-03-01", "sector", "Báo ngành", "1", "1"] in grouped
    assert ["2026-04-01", "sector", "Báo ngành", "0", "0"] in grouped


def test_the_json_lists_the_cut_periods(archive: Path) -> None:
    shown = json.loads(
        _counts(
            archive, "--json", "--interval", "month", "--from", "2026-03-15", "--to", "2026-05-10"
        )
    )
    assert shown["partial_buckets"] == ["2026-03-01", "2026-05-01"]
    whole = json.loads(_counts(archive, "--json", "--from", "2026-03-16", "--to", "2026-03-22"))
    assert whole["partial_buckets"] == []


class _Saturday(datetime):
    """`pressmon counts` read on Saturday 21/03/2026, 10:00 in Vietnam."""

    @classmethod
    def now(cls, tz=None):
        return datetime(2026, 3, 21, 3, 0, tzinfo=UTC).astimezone(tz)


def test_without_to_the_week_under_way_is_cut_at_today(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive_cmds, "datetime", _Saturday)
    shown = _counts(archive, "--from", "2026-03-16")
    assert "tuần từ 16/03/2026 chỉ tính đến 21/03/2026" in shown
    rows = list(csv.reader(io.StringIO(_counts(archive, "--csv", "--from", "2026-03-16"))))
    assert rows[1] == ["2026-03-16", "1", "1"]


def test_an_open_end_past_today_cuts_nothing() -> None:
    week = (date(2026, 3, 16),)
    assert counted_until(week, None, date(2026, 3, 21)) == date(2026, 3, 21)
    assert counted_until(week, None, date(2026, 3, 15)) is None  # an article dated ahead
    assert counted_until(week, date(2026, 3, 18), date(2026, 3, 21)) == date(2026, 3, 18)
    assert counted_until((), None, date(2026, 3, 21)) == date(2026, 3, 21)
