"""`pressmon ingest` whose lines are all refused leaves no archive it created (an empty one
made `counts` and `info` read as an archive of 0 articles), as `index import` does; what an
ingest stored beside its bad lines stays, and an archive that was there stays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main

ARTICLE = json.dumps(
    {
        "title": "BHXH tỉnh Nghệ An chi trả lương hưu tháng 3 đúng hạn",
        "text": "Bảo hiểm xã hội tỉnh Nghệ An cho biết đã chi trả lương hưu, trợ cấp BHXH "
        "tháng 3 cho hơn 100.000 người hưởng qua tài khoản ngân hàng và bưu điện.",
        "url": "https://baonghean.vn/chi-tra-luong-huu.html",
        "published_at": "2026-03-07T08:00:00+07:00",
    },
    ensure_ascii=False,
)


@pytest.fixture(autouse=True)
def _model(model_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSMON_MODEL", str(model_file))


def _ingest(data_dir: Path, lines: str, tmp_path: Path) -> tuple[int, str]:
    file = tmp_path / "bai.jsonl"
    file.write_text(lines, encoding="utf-8")
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), "ingest", "--quiet", str(file)])
    return result.exit_code, result.stderr


def _articles(data_dir: Path) -> int | None:
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), "info", "--json"])
    assert result.exit_code == 0, result.output
    archive = next(p for p in json.loads(result.stdout)["locations"] if p["key"] == "archive")
    return archive["articles"] if archive["exists"] else None


def test_an_ingest_of_refused_lines_creates_no_archive(tmp_path: Path) -> None:
    data = tmp_path / "new"
    code, stderr = _ingest(data, 'x\n{"title": 1}\n', tmp_path)
    assert code == 1
    assert "2 dòng bị bỏ qua:" in stderr
    assert "2 dòng không được lưu (liệt kê ở trên); tệp không có dòng nào đọc được" in stderr
    assert "các dòng khác" not in stderr
    assert "Không giữ kho lưu trữ mới tạo vì chưa nhập bài nào" in stderr
    assert not list(data.glob("pressmon.db*"))
    assert _articles(data) is None
    counts = CliRunner().invoke(main, ["--data-dir", str(data), "counts"])
    assert counts.exit_code == 1
    assert "không có kho lưu trữ" in counts.stderr


def test_articles_stored_beside_bad_lines_stay(tmp_path: Path) -> None:
    data = tmp_path / "new"
    code, stderr = _ingest(data, f"{ARTICLE}\nx\n", tmp_path)
    assert code == 1
    assert "Không giữ" not in stderr
    assert _articles(data) == 1


def test_an_archive_that_was_there_stays(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert _ingest(data, f"{ARTICLE}\n", tmp_path)[0] == 0
    code, stderr = _ingest(data, "x\n", tmp_path)
    assert code == 1
    assert "Không giữ" not in stderr
    assert _articles(data) == 1


def test_refused_lines_beside_articles_not_stored_do_not_say_the_others_were(
    tmp_path: Path,
) -> None:
    """Read but not about BHXH, the other line was not stored: saying 'các dòng khác đã được
    lưu' beside 'lưu 0' and 'Không giữ kho lưu trữ mới tạo vì chưa nhập bài nào' contradicted
    both."""
    football = json.dumps(
        {
            "title": "Đội tuyển bóng đá thắng 2-0 trên sân nhà",
            "text": "Trận đấu diễn ra sôi nổi, hai bàn thắng được ghi trong hiệp hai trước "
            "hàng chục nghìn cổ động viên.",
            "url": "https://baodemo.vn/bong-da.html",
            "published_at": "2026-03-07T08:00:00+07:00",
        },
        ensure_ascii=False,
    )
    data = tmp_path / "new"
    code, stderr = _ingest(data, f"{football}\nx\n", tmp_path)
    assert code == 1
    assert "các dòng khác đã được lưu" not in stderr
    assert (
        "1 dòng không được lưu (liệt kê ở trên); "
        "các bài khác không về BHXH, BHYT, BHTN nên không lưu"
    ) in stderr
    assert _articles(data) is None
