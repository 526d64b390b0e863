"""`pressmon counts --by … --interval month` heads its columns with the month (`03/2026`), not
the month's first day as `01/03`, which staff read as 1 March; week columns keep their Monday.
Without `--by` the rows read so too (`03/2026`, not `01/03/2026`); week rows keep their date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main

PUBLISHED = datetime(2026, 3, 20, 3, 0, tzinfo=UTC)


@pytest.fixture
def archive(one_article_archive: Callable[[datetime], Path]) -> Path:
    return one_article_archive(PUBLISHED)


def _header(archive: Path, *args: str) -> str:
    result = CliRunner().invoke(
        main, ["--archive", str(archive), "counts", "--by", "province", *args]
    )
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()[0]


def test_month_columns_read_as_months(archive: Path) -> None:
    header = _header(archive, "--interval", "month", "--from", "2026-02-01", "--to", "2026-04-30")
    assert header.split()[-4:] == ["02/2026", "03/2026", "04/2026", "Tổng"]


def test_week_columns_keep_their_monday(archive: Path) -> None:
    header = _header(archive, "--from", "2026-03-16", "--to", "2026-03-29")
    assert header.split()[-3:] == ["16/03", "23/03", "Tổng"]


def _rows(archive: Path, *args: str) -> list[str]:
    result = CliRunner().invoke(main, ["--archive", str(archive), "counts", *args])
    assert result.exit_code == 0, result.output
    return [line.split()[0] for line in result.stdout.splitlines()[2:] if line[:1].isdigit()]


def test_month_rows_read_as_months(archive: Path) -> None:
    rows = _rows(archive, "--interval", "month", "--from", "2026-02-01", "--to", "2026-04-30")
    assert rows == ["02/2026", "03/2026", "04/2026"]


def test_week_rows_keep_their_monday(archive: Path) -> None:
    rows = _rows(archive, "--from", "2026-03-16", "--to", "2026-03-29")
    assert rows == ["16/03/2026", "23/03/2026"]
