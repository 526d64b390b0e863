"""`pressmon counts --csv`, read in Excel by the Center: the group's column named after `--by`
(as the output always did; the help said `group`), its ids with the names beside them (issue
#15: `--csv` stays machine-readable with ids and labels both)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main

PUBLISHED = datetime(2026, 3, 4, 3, 0, tzinfo=UTC)  # the week of Monday 02/03/2026
WEEK = ("--from", "2026-03-02", "--to", "2026-03-08")


@pytest.fixture
def archive(one_article_archive: Callable[[datetime], Path]) -> Path:
    return one_article_archive(PUBLISHED)


def _csv(archive: Path, *args: str) -> list[list[str]]:
    result = CliRunner().invoke(main, ["--archive", str(archive), "counts", "--csv", *WEEK, *args])
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.stdout)))


def test_grouped_rows_carry_the_id_under_the_by_column_and_the_name_beside_it(
    archive: Path,
) -> None:
    assert _csv(archive, "--by", "outlet") == [
        ["bucket_start", "outlet", "label", "count", "partial"],
        ["2026-03-02", "baohiemxahoi", "Cổng thông tin điện tử BHXH Việt Nam", "1", "0"],
    ]
    by_kind = _csv(archive, "--by", "kind")
    assert by_kind[0] == ["bucket_start", "kind", "label", "count", "partial"]
    assert ["2026-03-02", "sector", "Báo ngành", "1", "0"] in by_kind


def test_ungrouped_rows_are_the_week_and_its_count(archive: Path) -> None:
    assert _csv(archive) == [["bucket_start", "count", "partial"], ["2026-03-02", "1", "0"]]


def test_the_help_names_the_columns_the_output_has() -> None:
    result = CliRunner().invoke(main, ["counts", "--help"])
    help_text = " ".join(result.output.split())
    assert "cột mang tên của --by" in help_text and "label (tên nhóm)" in help_text
    assert "bucket_start, group, count" not in help_text


def test_stdout_has_no_byte_order_mark_so_pipes_read_the_header_as_written(archive: Path) -> None:
    """Excel wants a BOM, scripts do not: stdout is piped, so it has none and the README and the
    help say how to open it in Excel (/bao-phu.csv, a download, has one)."""
    result = CliRunner().invoke(main, ["--archive", str(archive), "counts", "--csv", *WEEK])
    assert result.stdout_bytes.startswith(b"bucket_start,")
    help_text = " ".join(CliRunner().invoke(main, ["counts", "--help"]).output.split())
    assert "không BOM" in help_text and "From Text/CSV" in help_text
