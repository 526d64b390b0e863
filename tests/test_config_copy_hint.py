"""A copy of config/ in a folder of another name (`--config /etc/pressmon`) still names its files
config/…, read from the folder above it; the missing file's hint says so, rather than only
"check the path" beside a path the operator never wrote."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_a_config_copy_under_another_name_says_where_relative_paths_are_read(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "etc"
    shutil.copytree(ROOT / "config", copy)
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Chi trả lương hưu</h1></body></html>", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["--config", str(copy), "extract", str(page), "--url", "https://baomau.vn/a.html"],
    )
    assert result.exit_code == 1, result.output
    error, hint = result.output.strip().splitlines()
    assert error == f"Lỗi: {tmp_path / 'config/sources.yaml'}: không tìm thấy tệp"
    assert "tính từ thư mục chứa thư mục cấu hình" in hint
    assert "ghi đường dẫn tuyệt đối hoặc giữ tên thư mục config" in hint
