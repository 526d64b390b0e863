"""A folder where the archive file should be is named as one: reading commands called the
archive missing, writing commands could not open it '(thư mục không có hay không có quyền)',
and `pressmon info` showed it as present, '0 B', with no problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    (tmp_path / "pressmon.db").mkdir()
    (tmp_path / "model" / "flagger.skops").mkdir(parents=True)
    return tmp_path


@pytest.mark.parametrize("command", [["search", "BHXH"], ["counts"], ["ingest", "-"]])
def test_commands_name_the_folder(data_dir: Path, command: list[str]) -> None:
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), *command], input="")
    assert result.exit_code == 1, result.output
    assert f"Lỗi: kho lưu trữ {data_dir / 'pressmon.db'} là một thư mục, không phải tệp" in (
        result.output
    )


def test_info_shows_a_folder_where_a_file_belongs_as_a_problem(data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), "info", "--json"])
    assert result.exit_code == 0, result.output
    problems = {row["key"]: row["problem"] for row in json.loads(result.output)["locations"]}
    assert problems["archive"] == problems["model"] == "là một thư mục, cần một tệp"
    assert problems["data_dir"] is None
