"""`pressmon index import FILE` tells a Windows-1258 export from its first lines only: it used to
read the whole file once more before the import read it (for a large export, a full extra pass
over gigabytes). Legacy lines at the start are still refused before any line is imported; a bad
byte further on is refused where the import meets it."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner

from index.records import document_to_record
from index.transfer import BATCH
from pressmon.cli import main
from pressmon.cli.legacy_encoding import HEAD_BYTES, HEAD_LINES, head_check
from tests.index.index_factories import make_doc
from tests.test_cli_ingest_legacy_encoding import _cp1258


def _utf8_lines(start: int, count: int) -> bytes:
    return "".join(
        json.dumps({"document": document_to_record(make_doc(f"d{i}")), "reviews": []}) + "\n"
        for i in range(start, start + count)
    ).encode()


def _legacy_lines(count: int) -> bytes:
    record = {"document": {"id": "x", "title": "Quỹ hưu trí chi đúng hạn"}, "reviews": []}
    return _cp1258(json.dumps(record, ensure_ascii=False) + "\n") * count


def _import(data: Path, export: Path):
    return CliRunner().invoke(
        main, ["--data-dir", str(data), "index", "import", "--quiet", str(export)]
    )


def test_legacy_lines_at_the_start_are_refused_before_any_line_is_imported(
    tmp_path: Path,
) -> None:
    # 60 of 1,060 lines: too few in the whole file, but more than 1 in 10 of the first 500.
    export = tmp_path / "export.jsonl"
    export.write_bytes(_legacy_lines(60) + _utf8_lines(0, 1000))
    data = tmp_path / "data"
    result = _import(data, export)
    assert result.exit_code == 1, result.output
    assert (
        f"Lỗi: {export} không phải UTF-8 (có vẻ là mã Windows-1258, CP1258), cần UTF-8: "
        f"60/{HEAD_LINES} dòng có byte không phải UTF-8 (dòng đầu tiên: 1); chưa nhập dòng nào"
    ) in result.output
    assert not data.exists()


def test_legacy_lines_past_the_first_ones_are_refused_as_the_import_meets_them(
    tmp_path: Path,
) -> None:
    # Read through, the file would be refused as a whole (100 of 700 lines); its first lines
    # are UTF-8, so the import goes on and stops at the first bad line's batch.
    export = tmp_path / "export.jsonl"
    export.write_bytes(_utf8_lines(0, 600) + _legacy_lines(100))
    data = tmp_path / "data"
    result = _import(data, export)
    assert result.exit_code == 1, result.output
    assert "không phải UTF-8 (có vẻ là mã Windows-1258" not in result.output
    assert "có byte không phải UTF-8 (tệp phải là UTF-8)" in result.output
    info = CliRunner().invoke(main, ["--data-dir", str(data), "info", "--json"])
    places = json.loads(info.stdout)["locations"]
    assert next(p["articles"] for p in places if p["key"] == "archive") == BATCH


def test_the_check_reads_only_the_start_of_a_large_input() -> None:
    stream = io.BytesIO(_legacy_lines(1) + _utf8_lines(0, 8000))
    assert len(stream.getvalue()) > 3 * HEAD_BYTES
    check = head_check(stream)
    assert stream.tell() <= HEAD_BYTES
    assert check.invalid == 1
    assert check.lines <= HEAD_LINES


def test_a_character_cut_by_the_limit_is_not_taken_for_a_bad_byte() -> None:
    line = json.dumps({"title": "ữ" * HEAD_BYTES}, ensure_ascii=False).encode() + b"\n"
    for cut in range(1, 4):  # the cut falls before, inside and after a character's bytes
        check = head_check(io.BytesIO(b"x" * cut + line))
        assert (check.lines, check.invalid) == (1, 0)
