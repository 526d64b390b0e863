"""`pressmon train --extra FILE` of a file that is not UTF-8 names the file and line with a hint
about training data; it used to end in a UnicodeDecodeError traceback."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main


def test_extra_data_that_is_not_utf8_is_named_with_its_line(tmp_path: Path) -> None:
    extra = tmp_path / "them.jsonl"
    extra.write_bytes(b'{"text": "BHXH", "label": 1}\n{"text": "B\xe1o", "label": 0}\n')
    result = CliRunner().invoke(main, ["train", "--extra", str(extra), "--quiet"])
    assert result.exit_code == 1
    assert f"Lỗi: {str(extra)!r} dòng 2: có byte không phải UTF-8 (tệp phải là UTF-8)" in (
        result.output
    )
    assert "gợi ý: dữ liệu huấn luyện là JSON lines UTF-8" in result.output
    assert "Traceback" not in result.output
