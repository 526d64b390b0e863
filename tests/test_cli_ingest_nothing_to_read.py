"""`pressmon ingest` of input with no article in it (an empty file, or every line refused) into a
new data folder trained the model first, a minute of CPU for nothing to score; it now says what
it read without loading the model."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main


def _ingest(data: Path, lines: Path):
    return CliRunner().invoke(main, ["--data-dir", str(data), "ingest", "--quiet", str(lines)])


def test_an_empty_file_trains_no_model(tmp_path: Path) -> None:
    empty = tmp_path / "bai.jsonl"
    empty.write_bytes(b"\n\n")
    data = tmp_path / "data"
    result = _ingest(data, empty)
    assert result.exit_code == 0, result.output
    assert "Xong: đọc 0 bài, lưu 0 (0 bài mới)" in result.stdout
    assert not (data / "model").exists()


def test_a_file_of_refused_lines_trains_no_model(tmp_path: Path) -> None:
    bad = tmp_path / "bai.jsonl"
    bad.write_text('không phải JSON\n{"title": "thiếu nội dung"}\n', encoding="utf-8")
    data = tmp_path / "data"
    result = _ingest(data, bad)
    assert result.exit_code == 1, result.output
    assert "Xong: đọc 0 bài (2 dòng bị bỏ qua)" in result.stdout
    assert "dòng 1: " in result.stderr
    assert "Không giữ kho lưu trữ mới tạo vì chưa nhập bài nào" in result.stderr
    assert not (data / "model").exists()
