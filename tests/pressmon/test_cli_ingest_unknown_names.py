"""`pressmon ingest`: a `province` it does not know ("Atlantis") was ignored and an `outlet` not
in sources.yaml became a new outlet, both without a word; each is now noted on its line, the
article kept. Old (pre-merger) and current province names are known."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main


def _line(n: int, **fields: str) -> str:
    record = {
        "title": f"BHXH chi trả lương hưu đợt {n}",
        "text": "Bảo hiểm xã hội tỉnh Nghệ An chi trả lương hưu đúng hạn cho người dân.",
        "url": f"https://baomoi-atlantis.vn/a{n}.html",
        "published_at": "2026-03-10T08:00:00+07:00",
        **fields,
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def test_unknown_province_and_outlet_are_noted_per_line(tmp_path: Path) -> None:
    lines = tmp_path / "bai.jsonl"
    lines.write_text(
        _line(1, province="Atlantis")
        + _line(2, province="Quảng Bình")  # merged into Quảng Trị in 2025: known
        + _line(3, province="Tuyên Quang")
        + _line(4, outlet="Báo Atlantis"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path / "data"), "ingest", "--quiet", str(lines)]
    )
    assert result.exit_code == 0, result.output
    assert "lưu 4 (4 bài mới)" in result.output
    assert "2 dòng có tỉnh hoặc cơ quan báo không nhận ra:" in result.output
    assert (
        "  dòng 1: province: không nhận ra «Atlantis»; tỉnh lấy theo nội dung bài" in result.output
    )
    assert (
        "  dòng 4: outlet: «Báo Atlantis» không có trong danh sách nguồn; ghi nhận là cơ quan "
        "báo mới (mã b_o_atlantis)" in result.output
    )
    assert "dòng 2:" not in result.output and "dòng 3:" not in result.output
