"""`pressmon extract` with a --parser no parser has: a usage error (exit 2) naming the parsers as
words, not a crawl error (exit 1) printing a Python list and sending the operator to the sources'
configuration."""

from __future__ import annotations

from pathlib import Path

import pytest
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


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "tài liệu trống"),
        (bytes(range(256)) * 600, "không giải mã được 153.600 byte"),
    ],
    ids=["empty", "binary"],
)
def test_a_file_that_is_no_page_is_named_with_a_hint_about_the_file(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    """An empty or binary file given by mistake: the file named, the size written the
    Vietnamese way, and a hint about the file, not the crawl's hint to check the sources'
    configuration."""
    page = tmp_path / "page.bin"
    page.write_bytes(content)
    result = CliRunner().invoke(main, ["extract", str(page), "--url", "https://baomau.vn/a.html"])
    assert result.exit_code == 1, result.output
    error, hint = result.output.strip().splitlines()
    assert error.startswith(f"Lỗi: {page}: không trích xuất được bài: {problem}"), error
    assert hint.startswith("  gợi ý: TỆP phải là trang bài báo lưu nguyên dạng HTML"), hint
    assert "cấu hình nguồn" not in result.output
