"""`pressmon index import` of an export saved again as UTF-16 (Windows editors' "Unicode"): the
encoding is named as `ingest` names it, before any archive is created, rather than "có byte
không phải UTF-8" after creating one."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main

LINE = '{"document": {"id": "a"}, "reviews": []}\n'


def test_a_utf16_export_is_refused_naming_the_encoding(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    export.write_text(LINE, encoding="utf-16")
    data = tmp_path / "data"
    result = CliRunner().invoke(main, ["--data-dir", str(data), "index", "import", str(export)])
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines() == [
        f"Lỗi: {export} là UTF-16, cần UTF-8: chưa nhập dòng nào",
        "  gợi ý: lưu lại tệp dưới dạng UTF-8 (Notepad: Lưu thành › Mã hóa: UTF-8) rồi nhập lại",
    ]
    assert not data.exists()
