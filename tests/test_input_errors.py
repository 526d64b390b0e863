"""Bad input lines, as `ingest`, `classify` and `index import` explain them: in Vietnamese, with
the line and field, never the English of pydantic, json or the codecs (issue #15, item 6).

Table-driven: every kind of bad line for every reader.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from pressmon.cli import main
from pressmon.cli.model_cmds import input_error, parse_classify_line
from pressmon.ingest import parse_lines
from pressmon.outlets import OutletResolver

ENGLISH = ("Input should", "Field required", "Expecting", "codec", "Traceback", "errors.pydantic")
GOOD = {
    "title": "BHXH chi trả lương hưu",
    "text": "Bảo hiểm xã hội chi trả lương hưu đúng hạn.",
    "url": "https://baonghean.vn/a.html",
    "published_at": "2026-03-07T08:00:00+07:00",
}


def _json(**changes: object) -> bytes:
    record = {**GOOD, **changes}
    return json.dumps({k: v for k, v in record.items() if v is not None}).encode()


# (bad line, what `ingest` and `classify` say about it)
LINES = {
    "not-json": (
        b"{not json",
        "không phải JSON hợp lệ (cột 2: tên trường phải đặt trong ngoặc kép)",
    ),
    "not-an-object": (b"[1, 2]", "dòng phải là một đối tượng JSON {...}"),
    # Cut short, as read from the file with its line end: the column of the record, not "dòng 2".
    "cut-short": (b'{"title": "x", "text": \n', "không phải JSON hợp lệ (cột 24: thiếu giá trị"),
    # json.loads raises RecursionError and ValueError for these, not JSONDecodeError.
    "too-deep": (
        b"[" * 100_000 + b"]" * 100_000,
        "không phải JSON hợp lệ (cột 1: '[' hoặc '{' lồng nhau quá nhiều tầng)",
    ),
    "long-number": (
        b'{"text": "BHXH", "title": ' + b"1" * 5_000 + b"}",
        "không phải JSON hợp lệ (cột 1: số có quá nhiều chữ số)",
    ),
    "missing-text": (_json(text=None), "thiếu trường 'text'"),
    "wrong-type": (_json(text=5), "trường 'text': phải là chuỗi văn bản"),
    "bad-date": (_json(published_at="hôm qua"), "trường 'published_at': phải là ngày giờ"),
}
INGEST_ONLY = {
    "bad-url": (_json(url="baonghean.vn/a"), "trường 'url': phải là địa chỉ bắt đầu bằng http"),
    "bad-kind": (_json(kind="local"), "trường 'kind': phải là một trong: 'sector' (Báo ngành)"),
    "empty-title": (_json(title=""), "trường 'title': không được để trống"),
}


TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _ingest(raw: bytes) -> str:
    (rejected,) = parse_lines([raw], TZ).rejected
    return rejected


def _classify(raw: bytes) -> str:
    try:
        parse_classify_line(raw.decode(), OutletResolver(()))
    except (json.JSONDecodeError, ValidationError) as err:
        return input_error(err)
    raise AssertionError("the line was accepted")


READERS: dict[str, Callable[[bytes], str]] = {"ingest": _ingest, "classify": _classify}
CASES = [
    pytest.param(reader, raw, said, id=f"{reader}-{kind}")
    for kind, (raw, said) in LINES.items()
    for reader in READERS
] + [
    pytest.param("ingest", raw, said, id=f"ingest-{kind}")
    for kind, (raw, said) in INGEST_ONLY.items()
]


@pytest.mark.parametrize(("reader", "raw", "said"), CASES)
def test_a_bad_line_is_explained_in_vietnamese(reader: str, raw: bytes, said: str) -> None:
    message = READERS[reader](raw)
    assert said in message, message
    assert not [english for english in ENGLISH if english in message], message


BOM = "\ufeff".encode()  # Notepad's and Excel's "UTF-8": the first line of the file starts with it


def test_a_byte_order_mark_before_a_line_is_not_part_of_it() -> None:
    parsed = parse_lines([BOM + _json(), BOM + _json(url="https://baonghean.vn/b.html")], TZ)
    assert parsed.rejected == () and [line.url for line in parsed.lines] == [
        "https://baonghean.vn/a.html",
        "https://baonghean.vn/b.html",
    ]
    article = parse_classify_line((BOM + _json()).decode(), OutletResolver(())).article
    assert article.text == GOOD["text"]


IMPORTS = {
    "not-json": (b"{not json\n", "dòng 1: không phải JSON hợp lệ (cột 2: tên trường"),
    "no-document": (b'{"a": 1}\n', 'dòng 1: cần một đối tượng JSON có "document"'),
    "missing-fields": (b'{"document": {"id": "x"}}\n', "dòng 1: bài (document) thiếu trường url"),
    "bad-time": (
        b'{"document": {"id": "x", "url": "u", "canonical_url": "u", "outlet": "o", '
        b'"outlet_name": "O", "kind": "national", "title": "t", "body": "b", '
        b'"published_at": "2026-03-07", "crawled_at": "2026-03-07T08:00:00+07:00"}}\n',
        "dòng 1: published_at: '2026-03-07' thiếu độ lệch UTC",
    ),
    "not-utf8": (b'{"a": "\xff\xfe"}\n', "từ dòng 1: có byte không phải UTF-8"),
    "too-deep": (b"[" * 100_000 + b"\n", "dòng 1: không phải JSON hợp lệ (cột 1: '[' hoặc '{'"),
}


@pytest.mark.parametrize(("raw", "said"), IMPORTS.values(), ids=IMPORTS.keys())
def test_index_import_names_the_file_line_and_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raw: bytes, said: str
) -> None:
    for key in [k for k in os.environ if k.startswith("PRESSMON_")]:
        monkeypatch.delenv(key)
    path = tmp_path / "export.jsonl"
    path.write_bytes(raw)
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path / "data"), "index", "import", str(path)]
    )
    assert result.exit_code == 1, result.output
    assert f"Lỗi: {path}: {said}" in result.output, result.output
    assert "gợi ý: tệp nhập phải là JSON lines do `pressmon index export` ghi" in result.output
    assert not [english for english in ENGLISH if english in result.output], result.output
