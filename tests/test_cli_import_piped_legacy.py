"""`zcat export.jsonl.gz | pressmon index import -` of an export saved again in Windows-1258 is
refused naming the encoding, as a file is, from the first lines its pipe shows; it used to stop
at its first line as "có byte không phải UTF-8", never saying which encoding, nor how to convert
it. Runs the command in a process of its own: only a real pipe can be peeked at."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.test_cli_import_legacy_head import _utf8_lines
from tests.test_cli_ingest_legacy_encoding import _cp1258

ROOT = Path(__file__).resolve().parents[1]


def _import_piped(data: Path, export: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "pressmon", "--data-dir", str(data), "index", "import", "-"],
        input=export,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_a_piped_cp1258_export_is_refused_naming_the_encoding(tmp_path: Path) -> None:
    record = {"document": {"id": "a", "title": "Lương hưu tháng Chạp"}, "reviews": []}
    data = tmp_path / "data"
    result = _import_piped(data, _cp1258(json.dumps(record, ensure_ascii=False) + "\n") * 3)
    assert result.returncode == 1
    assert result.stderr.decode().strip().splitlines() == [
        "Lỗi: đầu vào (stdin) không phải UTF-8 (có vẻ là mã Windows-1258, CP1258), cần UTF-8: "
        "3/3 dòng có byte không phải UTF-8 (dòng đầu tiên: 1); chưa nhập dòng nào",
        "  gợi ý: chuyển tệp sang UTF-8 (iconv -f CP1258 -t UTF-8 TỆP > TỆP-utf8.jsonl, hoặc "
        "mở tệp rồi lưu dưới dạng UTF-8) rồi nhập lại",
    ]
    assert not data.exists()


def test_a_piped_utf8_export_is_imported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = _import_piped(data, _utf8_lines(0, 3))
    assert result.returncode == 0, result.stderr.decode()
    assert "Xong: đã nhập 3 bài" in result.stdout.decode()


def test_a_bad_byte_past_the_first_lines_names_its_line(tmp_path: Path) -> None:
    # Too few to refuse the input as a whole; under a C locale the byte reached the archive.
    line = json.loads(_utf8_lines(20, 1))
    line["document"]["title"] = "Lương hưu tháng Chạp"
    bad = _cp1258(json.dumps(line, ensure_ascii=False) + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "pressmon", "--data-dir", str(tmp_path), "index", "import", "-"],
        input=_utf8_lines(0, 20) + bad,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C"},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr.decode()
    assert ": có byte không phải UTF-8 (tệp phải là UTF-8)" in result.stderr.decode()
