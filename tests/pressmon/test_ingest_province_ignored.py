"""`pressmon ingest`: a known `province` on a line whose outlet is a configured source is not the
article's province (the source's own and the text decide); it was dropped without a word, so a
national paper's article given a province showed as "(không rõ)" in `counts --by province`. The
line is now named with what was done. A provincial paper's line naming its own province, old
name or new, needs no note."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main


def _line(n: int, url: str, province: str) -> str:
    record = {
        "title": f"Người lao động tra cứu quá trình đóng bảo hiểm xã hội, lượt {n}",
        "text": "Người lao động có thể tra cứu quá trình đóng bảo hiểm xã hội trên ứng dụng.",
        "url": url,
        "published_at": "2026-04-14T09:00:00+07:00",
        "province": province,
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def test_a_province_the_configured_outlet_overrides_is_named(tmp_path: Path) -> None:
    lines = tmp_path / "bai.jsonl"
    lines.write_text(
        _line(1, "https://vnexpress.net/tra-cuu-1.html", "Sóc Trăng")
        + _line(2, "https://baocantho.com.vn/tra-cuu-2.html", "Cần Thơ")
        + _line(3, "https://baocantho.com.vn/tra-cuu-3.html", "Hậu Giang"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path / "data"), "ingest", "--quiet", str(lines)]
    )
    assert result.exit_code == 0, result.output
    assert (
        "  dòng 1: province: không dùng «Sóc Trăng» vì VnExpress là nguồn đã cấu hình; "
        "tỉnh lấy theo nguồn và nội dung bài" in result.output
    )
    # Hậu Giang is part of Cần Thơ since 2025: the paper's own province.
    assert "dòng 2:" not in result.output and "dòng 3:" not in result.output
