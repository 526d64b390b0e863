"""`pressmon counts --freeze` says which weeks it froze, or that it froze none; the table looked
the same either way, so an operator could not tell a range that froze nothing (every week cut
by --from/--to, or not over yet) from one that froze them all."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from index.sqlite_backend import SQLiteArchive
from pressmon.cli import main
from tests.web.conftest import make_doc


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite3"
    with SQLiteArchive(path) as opened:
        opened.upsert([make_doc(1, published_at=datetime(2025, 3, 12, 3, 0, tzinfo=UTC))])
    return path


def _freeze(archive: Path, *args: str) -> Result:
    result = CliRunner().invoke(main, ["--archive", str(archive), "counts", "--freeze", *args])
    assert result.exit_code == 0, result.output
    return result


def test_the_weeks_frozen_are_named(archive: Path) -> None:
    result = _freeze(archive, "--from", "2025-03-03", "--to", "2025-03-23")
    assert result.stdout.splitlines()[-1] == (
        "Đã chốt 3 tuần (tuần 03/03/2025 đến tuần 17/03/2025) làm số đã báo cáo; "
        "bài đến muộn về sau hiện thành số điều chỉnh."
    )
    as_json = _freeze(archive, "--from", "2025-03-03", "--to", "2025-03-23", "--json")
    assert json.loads(as_json.stdout)["frozen_weeks"] == ["2025-03-03", "2025-03-10", "2025-03-17"]
    # Beside a CSV, not in it.
    as_csv = _freeze(archive, "--from", "2025-03-10", "--to", "2025-03-16", "--csv")
    assert as_csv.stdout.splitlines()[0] == "bucket_start,count,partial"
    assert "Đã chốt" not in as_csv.stdout
    assert "Đã chốt 1 tuần (tuần 10/03/2025)" in as_csv.stderr


def test_a_range_that_freezes_nothing_says_so(archive: Path) -> None:
    result = _freeze(archive, "--from", "2025-03-11", "--to", "2025-03-15")
    assert result.stdout.splitlines()[-1] == (
        "Không chốt tuần nào: chỉ chốt tuần đã qua và nằm trọn trong khoảng --from/--to."
    )
