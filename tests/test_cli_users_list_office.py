"""`pressmon users list` names each account's office as every other page and command does:
"BHXH Lai Châu" for a province's account (not the bare "Lai Châu"), "Trung tâm" for the Center's."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main

PASSWORD = "một mật khẩu đủ dài 2026"


def _users(tmp_path: Path, *args: str) -> str:
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path), "users", *args], input=PASSWORD + "\n"
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_the_office_column_reads_as_the_offices_label(tmp_path: Path) -> None:
    _users(tmp_path, "add", "laichau", "--province", "Lai Châu", "--password-stdin")
    _users(tmp_path, "add", "tw", "--password-stdin")
    rows = {line.split()[0]: line for line in _users(tmp_path, "list").splitlines() if line}
    assert "BHXH Lai Châu" in rows["laichau"]
    assert "Trung tâm" in rows["tw"] and "BHXH" not in rows["tw"]
