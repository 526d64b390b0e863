"""`pressmon index import` stores text as an ingest does and says which lines it cleaned."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from index.records import document_to_record
from pressmon.cli import main
from tests.index.index_factories import make_doc


def test_import_names_the_lines_it_cleaned_and_keeps_its_summary(tmp_path: Path) -> None:
    docs = [
        make_doc("hidden", title="Rút bả\u200bo hiểm", body="Nhận tiền bả\u200bo hiể\u00adm."),
        make_doc("plain", title="Lương hưu tháng 7", body="Chi trả đúng hạn."),
    ]
    export = tmp_path / "old.jsonl"
    export.write_text(
        "".join(
            json.dumps({"document": document_to_record(d), "reviews": []}, ensure_ascii=False)
            + "\n"
            for d in docs
        ),
        encoding="utf-8",
    )
    data = ["--data-dir", str(tmp_path / "d")]
    result = CliRunner().invoke(main, [*data, "index", "import", "--quiet", str(export)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "Xong: đã nhập 2 bài\n"
    assert "1 dòng đã làm sạch:\n" in result.stderr
    assert "  dòng 1: title: bỏ 1 ký tự vô hình; body: bỏ 2 ký tự vô hình\n" in result.stderr

    found = CliRunner().invoke(main, [*data, "search", "bao hiem", "--json"])
    assert found.exit_code == 0, found.output
    assert "Rút bảo hiểm" in found.stdout
