"""`pressmon counts --freeze` records only weeks it counted whole: every day of them (a week cut
by `--from` or `--to` holds some of its days, and freezing that part reported the rest of the
week as late articles, "bài đến muộn", once the whole week was frozen) and every press article
(a filtered count is refused)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from click.testing import CliRunner

from index.sqlite_backend import SQLiteArchive
from pressmon.cli import main
from pressmon.snapshots import complete_weeks
from tests.web.conftest import make_doc

MONDAY = date(2025, 3, 10)


def _archive(tmp_path: Path) -> Path:
    """One provincial article on Sunday 16/03/2025 at 23:30 in Vietnam (16:30 UTC)."""
    path = tmp_path / "archive.sqlite3"
    with SQLiteArchive(path) as archive:
        archive.upsert([make_doc(1, published_at=datetime(2025, 3, 16, 16, 30, tzinfo=UTC))])
    return path


def _counts(archive: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--archive", str(archive), "counts", "--freeze", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_week_cut_by_the_range_is_not_frozen(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    ranges = [
        ("2025-03-10", "2025-03-15"),  # Monday to Saturday: the Sunday article left out
        ("2025-03-10", "2025-03-16"),  # the whole week
        ("2025-03-12", "2025-03-16"),  # Wednesday to Sunday
        ("2025-03-03", "2025-03-23"),
    ]
    for start, end in ranges:
        assert "Điều chỉnh" not in _counts(archive, "--from", start, "--to", end), (start, end)


def test_complete_weeks_are_over_and_inside_the_range() -> None:
    weeks = (date(2025, 3, 3), MONDAY, date(2025, 3, 17))

    def complete(start: date | None, end: date | None, today: date = date(2025, 3, 24)):
        return complete_weeks(weeks, date_from=start, date_to=end, today=today)

    assert complete(None, None) == weeks
    assert complete(None, None, today=date(2025, 3, 23)) == weeks[:2]
    assert complete(date(2025, 3, 4), date(2025, 3, 22)) == (MONDAY,)
    assert complete(MONDAY, date(2025, 3, 23)) == weeks[1:]


def test_a_filtered_count_is_not_frozen(tmp_path: Path) -> None:
    """A week is frozen under its grouping alone: frozen with `--kind provincial`, the press
    count of that week later showed the national articles as late arrivals."""
    archive = _archive(tmp_path)
    result = CliRunner().invoke(
        main,
        [
            "--archive",
            str(archive),
            "counts",
            "--freeze",
            "--kind",
            "national",
            "--to",
            "2025-03-23",
        ],
    )
    assert result.exit_code == 2
    assert "--freeze chốt số báo chí không lọc; bỏ --kind" in result.output
    assert "Điều chỉnh" not in _counts(archive, "--to", "2025-03-23")
