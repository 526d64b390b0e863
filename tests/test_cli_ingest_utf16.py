"""`pressmon ingest` of a UTF-16 file (Windows editors' "Unicode") is refused as a whole,
naming the encoding, before the archive is touched; it used to refuse every line as broken
JSON, never saying why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main

LINE = json.dumps(
    {
        "title": "BHXH Nghệ An chi trả lương hưu",
        "text": "Bảo hiểm xã hội tỉnh Nghệ An chi trả lương hưu đúng hạn.",
        "url": "https://baonghean.vn/a1.html",
        "published_at": "2026-03-10",
    },
    ensure_ascii=False,
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_is_refused_naming_its_encoding(tmp_path: Path, encoding: str) -> None:
    lines = tmp_path / "bai.jsonl"
    lines.write_bytes(f"{LINE}\n".encode(encoding))
    data = tmp_path / "data"
    result = CliRunner().invoke(main, ["--data-dir", str(data), "ingest", str(lines)])
    assert result.exit_code == 1
    assert f"Lỗi: {lines} là UTF-16, cần UTF-8: chưa nhập dòng nào" in result.output
    assert "gợi ý: lưu lại tệp dưới dạng UTF-8" in result.output
    assert not (data / "pressmon.db").exists()


def test_utf16_on_stdin_is_refused_naming_stdin(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = CliRunner().invoke(
        main, ["--data-dir", str(data), "ingest", "-"], input=f"{LINE}\n".encode("utf-16")
    )
    assert result.exit_code == 1
    assert "Lỗi: đầu vào (stdin) là UTF-16, cần UTF-8: chưa nhập dòng nào" in result.output
    assert not (data / "pressmon.db").exists()
