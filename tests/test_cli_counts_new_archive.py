"""`pressmon counts` on an archive with nothing to count yet (a new one; forum posts only): the
week (month) under way is its row, with its 0, as README promises for a table without --to;
it used to print a heading over no row at all."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from pressmon.cli import main


@pytest.fixture
def empty_archive(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    made = CliRunner().invoke(main, ["--data-dir", str(data), "index", "import", os.devnull])
    assert made.exit_code == 0, made.output
    return data


def _counts(data: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--data-dir", str(data), "counts", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_new_archive_counts_the_week_under_way_as_0(empty_archive: Path) -> None:
    today = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    monday = today - timedelta(days=today.weekday())
    table = json.loads(_counts(empty_archive, "--json"))
    assert (table["buckets"], table["rows"], table["total"]) == (
        [monday.isoformat()],
        {"": [0]},
        0,
    )
    lines = _counts(empty_archive).splitlines()
    assert lines[2] == f"{monday:%d/%m/%Y}  0", lines
    by_kind = _counts(empty_archive, "--by", "kind").splitlines()
    # Every press kind is a row of zeros, in Vietnamese order of its name.
    assert [row.split() for row in by_kind[2:5]] == [
        ["Báo", "địa", "phương", "0", "0"],
        ["Báo", "ngành", "0", "0"],
        ["Báo", "trung", "ương", "0", "0"],
    ], by_kind


def test_a_new_archive_counts_the_month_under_way_as_counted_to_today(
    empty_archive: Path,
) -> None:
    today = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    table = json.loads(_counts(empty_archive, "--interval", "month", "--json"))
    assert table["buckets"] == [today.replace(day=1).isoformat()]
    assert table["counted_to"] == today.isoformat()
