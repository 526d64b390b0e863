"""`pressmon extract` with a --parser no parser has: a usage error (exit 2) naming the parsers as
words, not a crawl error (exit 1) printing a Python list and sending the operator to the sources'
configuration."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main

PAGE = "<html><head><meta charset='utf-8'></head><body><h1>Chi trả lương hưu</h1></body></html>"


def test_an_unknown_parser_is_a_usage_error_naming_the_parsers(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["extract", str(page), "--url", "https://baomau.vn/a.html", "--parser", "nope"]
    )
    assert result.exit_code == 2, result.output
    assert (
        "Lỗi: giá trị không hợp lệ cho '--parser': không có bộ đọc (parser) 'nope'; "
        "chọn một trong: baohiemxahoi, generic"
    ) in result.output
    assert "[" not in result.output.split("Lỗi:")[1]
    assert "cấu hình nguồn" not in result.output
