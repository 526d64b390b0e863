"""`pressmon classify --json` on input that is not UTF-8: UTF-16 (Windows editors' "Unicode")
is refused as a whole naming the encoding, as `ingest` refuses it; a line of invalid UTF-8 is
scored with U+FFFD for its bad bytes and noted on stderr. Both used to read as broken lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main

LINE = json.dumps(
    {"text": "Bảo hiểm xã hội tỉnh Nghệ An chi trả lương hưu đúng hạn."}, ensure_ascii=False
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_input_is_refused_naming_its_encoding(tmp_path: Path, encoding: str) -> None:
    # No model is needed: the input is refused before one is loaded.
    result = CliRunner().invoke(
        main,
        ["--data-dir", str(tmp_path), "classify", "--json"],
        input=f"{LINE}\n{LINE}\n".encode(encoding),
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Lỗi: đầu vào (stdin) là UTF-16, cần UTF-8: chưa chấm điểm dòng nào" in result.output
    assert "gợi ý: lưu lại tệp dưới dạng UTF-8" in result.output


def test_invalid_utf8_is_replaced_scored_and_noted(model_file: Path) -> None:
    broken = b'{"text": "BHXH chi tr\xe1 ' + "lương hưu đúng hạn".encode() + b'"}'  # Latin-1 á
    stdin = broken + b"\n" + LINE.encode() + b"\n"
    result = CliRunner().invoke(
        main, ["classify", "--json"], input=stdin, env={"PRESSMON_MODEL": str(model_file)}
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(row) for row in result.stdout.splitlines()]
    assert [row["line"] for row in rows] == [1, 2]
    assert all("error" not in row and "risk" in row for row in rows)
    assert "Lưu ý: dòng 1: byte không phải UTF-8 đã thay bằng U+FFFD" in result.stderr
    assert "dòng 2" not in result.stderr
