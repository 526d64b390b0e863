"""`pressmon ingest` and `evaluate` as people read them (issue #15, items 5 and 6): progress
on stderr, Vietnamese summaries and tables, bad lines named in Vietnamese, the evaluation's JSON
in a file."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main

ARTICLE = {
    "title": "BHXH tỉnh Nghệ An chi trả lương hưu tháng 3 đúng hạn",
    "text": "Bảo hiểm xã hội tỉnh Nghệ An cho biết đã chi trả lương hưu, trợ cấp BHXH tháng 3 "
    "cho hơn 100.000 người hưởng qua tài khoản ngân hàng và bưu điện.",
    "url": "https://baonghean.vn/chi-tra-luong-huu.html",
    "outlet": "Báo Nghệ An",
    "published_at": "2026-03-07T08:00:00+07:00",
}


def test_ingest_reports_progress_on_stderr_and_a_vietnamese_summary(
    model_file: Path, tmp_path: Path
) -> None:
    lines = tmp_path / "articles.jsonl"
    # One article among three lines: the summary counts it alone, the two others as lines.
    lines.write_text(
        json.dumps(ARTICLE, ensure_ascii=False) + '\n{not json\n{"title": ""}\n', encoding="utf-8"
    )
    result = CliRunner().invoke(
        main,
        ["--archive", str(tmp_path / "a.sqlite3"), "ingest", str(lines)],
        env={"PRESSMON_MODEL": str(model_file)},
    )
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("Xong: đọc 1 bài (2 dòng bị bỏ qua), lưu 1 (1 bài mới)")
    assert "Đọc và phân loại bài: 1/1 (100%)" in result.stderr
    assert "Chấm điểm rủi ro: 1/1 (100%)" in result.stderr
    assert "2 dòng bị bỏ qua:" in result.stderr
    assert "2 dòng không được lưu (liệt kê ở trên); các dòng khác đã được lưu" in result.stderr
    assert "line(s)" not in result.output and "Đọc và phân loại" not in result.stdout
    quiet = CliRunner().invoke(
        main,
        ["--archive", str(tmp_path / "a.sqlite3"), "ingest", str(lines), "--quiet"],
        env={"PRESSMON_MODEL": str(model_file)},
    )
    assert "Chấm điểm rủi ro" not in quiet.stderr


def test_evaluate_prints_vietnamese_and_writes_the_json_file(
    model_file: Path, tmp_path: Path
) -> None:
    (tmp_path / "shared").mkdir()
    metrics = tmp_path / "out" / "evaluation.json"
    result = CliRunner().invoke(
        main,
        ["evaluate", "--shared", str(tmp_path / "shared"), "--metrics", str(metrics)],
        env={"PRESSMON_MODEL": str(model_file)},
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Không có dữ liệu thật")
    assert f"Xong: toàn bộ kết quả (JSON) ghi ở {metrics}" in result.stdout
    assert json.loads(metrics.read_text(encoding="utf-8"))["appendix_own_examples"]


def test_evaluate_names_a_metrics_file_it_cannot_write(model_file: Path, tmp_path: Path) -> None:
    """A --metrics folder that cannot be made ended the evaluation with an OSError traceback."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "out").write_text("a file where the folder goes", encoding="utf-8")
    metrics = tmp_path / "out" / "evaluation.json"
    result = CliRunner().invoke(
        main,
        ["evaluate", "--shared", str(tmp_path / "shared"), "--metrics", str(metrics), "--quiet"],
        env={"PRESSMON_MODEL": str(model_file)},
    )
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert result.stderr.splitlines()[-2:] == [
        f"Lỗi: không ghi được {metrics}: đã có một tệp trùng tên ở chỗ cần tạo thư mục",
        "  gợi ý: chọn --metrics hoặc --card-dir ở một thư mục tạo và ghi được",
    ], result.output
