"""`pressmon classify --json < bai.jsonl` with the file in Windows-1258 is refused as a whole
with the words `ingest` uses, before the model loads; it used to score every line with its
Vietnamese letters turned to U+FFFD, its scores meaning nothing."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main
from tests.test_cli_ingest_legacy_encoding import _cp1258

LINE = json.dumps(
    {"title": "Phường Tân Định", "text": "Người lao động được hưởng trợ cấp một lần đúng hạn."},
    ensure_ascii=False,
)


def test_a_cp1258_input_is_refused_as_ingest_refuses_it(tmp_path: Path) -> None:
    # No model is needed: the input is refused before one is loaded.
    result = CliRunner().invoke(
        main,
        ["--data-dir", str(tmp_path), "classify", "--json"],
        input=_cp1258(f"{LINE}\n" * 4),
    )
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "Lỗi: đầu vào (stdin) không phải UTF-8 (có vẻ là mã Windows-1258, CP1258), cần UTF-8: "
        "4/4 dòng có byte không phải UTF-8 (dòng đầu tiên: 1); chưa chấm điểm dòng nào",
        "  gợi ý: chuyển tệp sang UTF-8 (iconv -f CP1258 -t UTF-8 TỆP > TỆP-utf8.jsonl, hoặc "
        "mở tệp rồi lưu dưới dạng UTF-8) rồi chạy lại",
    ]
    assert not (tmp_path / "model").exists()
