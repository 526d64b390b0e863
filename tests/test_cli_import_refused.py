"""`pressmon index import` whose input is refused before anything is stored leaves no archive it
created (an empty one made `counts` and `info` read as an archive of 0 articles), while what an
import stored before its bad line stays, and an archive that was there stays."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from index.records import document_to_record
from index.transfer import BATCH
from pressmon.cli import main
from tests.index.index_factories import make_doc


def _lines(count: int) -> str:
    return "".join(
        json.dumps({"document": document_to_record(make_doc(f"d{i}")), "reviews": []}) + "\n"
        for i in range(count)
    )


def _import(data_dir: Path, export: Path) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["--data-dir", str(data_dir), "index", "import", "--quiet", str(export)]
    )
    return result.exit_code, result.stderr


def _articles(data_dir: Path) -> int:
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), "info", "--json"])
    assert result.exit_code == 0, result.output
    locations = json.loads(result.stdout)["locations"]
    return next(place["articles"] for place in locations if place["key"] == "archive")


def test_a_refused_import_creates_no_archive(tmp_path: Path) -> None:
    export = tmp_path / "bad.jsonl"
    export.write_text(_lines(2) + "x\n", encoding="utf-8")
    data = tmp_path / "new"
    code, stderr = _import(data, export)
    assert code == 1
    assert "Không giữ kho lưu trữ mới tạo vì chưa nhập bài nào" in stderr
    assert "dòng 3: không phải JSON hợp lệ" in stderr
    assert not list(data.glob("pressmon.db*"))
    info = CliRunner().invoke(main, ["--data-dir", str(data), "info", "--json"])
    archive = next(p for p in json.loads(info.stdout)["locations"] if p["key"] == "archive")
    assert archive["exists"] is False
    counts = CliRunner().invoke(main, ["--data-dir", str(data), "counts"])
    assert counts.exit_code == 1
    assert "không có kho lưu trữ" in counts.stderr


def test_batches_stored_before_a_bad_line_stay(tmp_path: Path) -> None:
    export = tmp_path / "bad.jsonl"
    export.write_text(_lines(BATCH + 2) + "x\n", encoding="utf-8")
    data = tmp_path / "new"
    code, stderr = _import(data, export)
    assert code == 1
    assert "Không giữ" not in stderr
    assert _articles(data) == BATCH


def test_an_archive_that_was_there_stays(tmp_path: Path) -> None:
    data = tmp_path / "d"
    good = tmp_path / "good.jsonl"
    good.write_text(_lines(1), encoding="utf-8")
    assert _import(data, good)[0] == 0
    bad = tmp_path / "bad.jsonl"
    bad.write_text("x\n", encoding="utf-8")
    code, stderr = _import(data, bad)
    assert code == 1
    assert "Không giữ" not in stderr
    assert _articles(data) == 1
