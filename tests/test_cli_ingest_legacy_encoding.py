"""`pressmon ingest` of a file in Windows-1258 (or Latin-1) is refused as a whole, naming the
encoding and how to convert it, before the archive is touched; it used to exit 0 with every
Vietnamese letter turned to U+FFFD, or the articles dropped as not about BHXH. A UTF-8 file with
a stray byte on one line still keeps that line, the byte replaced and noted."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main


def _line(n: int) -> str:
    return json.dumps(
        {
            "title": f"BHXH Thanh Hoá chi trả lương hưu đợt {n}",
            "text": "Bảo hiểm xã hội tỉnh Thanh Hoá chi trả lương hưu đúng hạn cho người dân.",
            "url": f"https://baothanhhoa.vn/a{n}.html",
            "published_at": "2026-03-10",
        },
        ensure_ascii=False,
    )


TEXT = "".join(f"{_line(n)}\n" for n in range(12))
TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """`text` as Windows-1258 writes it: a letter it lacks as one character (ả) as its base
    letter (a, ô, ư…) and a combining tone mark, as a legacy Vietnamese editor saves it."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return out


@pytest.mark.parametrize("from_stdin", [False, True])
def test_a_cp1258_file_is_refused_naming_the_encoding(tmp_path: Path, from_stdin: bool) -> None:
    lines = tmp_path / "bai.jsonl"
    lines.write_bytes(_cp1258(TEXT))
    data = tmp_path / "data"
    args = ["--data-dir", str(data), "ingest", "-" if from_stdin else str(lines)]
    result = CliRunner().invoke(main, args, input=lines.read_bytes() if from_stdin else None)
    assert result.exit_code == 1, result.output
    name = "đầu vào (stdin)" if from_stdin else str(lines)
    assert result.output.strip().splitlines() == [
        f"Lỗi: {name} không phải UTF-8 (có vẻ là mã Windows-1258, CP1258), cần UTF-8: 12/12 "
        "dòng có byte không phải UTF-8 (dòng đầu tiên: 1); chưa nhập dòng nào",
        "  gợi ý: chuyển tệp sang UTF-8 (iconv -f CP1258 -t UTF-8 TỆP > TỆP-utf8.jsonl, hoặc "
        "mở tệp rồi lưu dưới dạng UTF-8) rồi nhập lại",
    ]
    assert not (data / "pressmon.db").exists()


def test_a_latin1_file_is_refused_too(tmp_path: Path) -> None:
    lines = tmp_path / "bai.jsonl"
    lines.write_bytes(TEXT.encode("latin-1", errors="replace"))
    data = tmp_path / "data"
    result = CliRunner().invoke(main, ["--data-dir", str(data), "ingest", str(lines)])
    assert result.exit_code == 1, result.output
    assert f"Lỗi: {lines} không phải UTF-8" in result.output
    assert not (data / "pressmon.db").exists()


def test_a_stray_byte_in_a_utf8_file_is_still_replaced_on_its_line(tmp_path: Path) -> None:
    lines = tmp_path / "bai.jsonl"
    raw = TEXT.encode()
    lines.write_bytes(raw.replace("đợt 3".encode(), b"\xff 3"))
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path / "data"), "ingest", "--quiet", str(lines)]
    )
    assert result.exit_code == 0, result.output
    assert "dòng 4: byte không phải UTF-8 đã thay bằng U+FFFD" in result.output
    assert "lưu 12 (12 bài mới)" in result.output


def test_an_export_in_cp1258_is_refused_before_the_archive_is_opened(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    record = {"document": {"id": "a", "title": "Bảo hiểm xã hội Thanh Hoá"}, "reviews": []}
    export.write_bytes(_cp1258(json.dumps(record, ensure_ascii=False) + "\n"))
    data = tmp_path / "data"
    result = CliRunner().invoke(main, ["--data-dir", str(data), "index", "import", str(export)])
    assert result.exit_code == 1, result.output
    assert f"Lỗi: {export} không phải UTF-8 (có vẻ là mã Windows-1258, CP1258)" in result.output
    assert not data.exists()
