"""Human output of the CLI is Vietnamese with names (issue #15, item 6); --json stays ids."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from index.sqlite_backend import SQLiteArchive
from pressmon.cli import main
from pressmon.settings import DEFAULT_CONFIG_DIR, load_sources


def _archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite3"
    SQLiteArchive(path).close()
    return path


def test_sources_lists_names_with_vietnamese_headers_and_summary(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    result = CliRunner().invoke(main, ["--archive", str(archive), "sources", "--all"])
    assert result.exit_code == 0, result.output
    enabled = load_sources(DEFAULT_CONFIG_DIR / "sources.yaml").enabled()
    first = enabled[0]
    header = result.output.splitlines()[0]
    assert header.startswith("nguồn") and "tình trạng" in header and "status" not in header
    assert first.name in result.output
    assert "chưa thu thập lần nào" in result.output
    total = len(enabled)
    assert result.output.strip().splitlines()[-1] == f"{total}/{total} nguồn cần chú ý"
    rows = CliRunner().invoke(main, ["--archive", str(archive), "sources", "--all", "--json"])
    assert json.loads(rows.output.splitlines()[0])["source_id"] == first.id


def test_usage_mistakes_are_explained_in_vietnamese(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    both = CliRunner().invoke(main, ["--archive", str(archive), "counts", "--json", "--csv"])
    assert both.exit_code == 2 and "chỉ chọn một trong --json và --csv" in both.output
    freeze = CliRunner().invoke(
        main, ["--archive", str(archive), "counts", "--freeze", "--interval", "month"]
    )
    assert freeze.exit_code == 2 and "--freeze chỉ dùng với số bài theo tuần" in freeze.output
    every = CliRunner().invoke(main, ["--archive", str(archive), "run", "--every", "soon"])
    assert every.exit_code != 0 and "ví dụ 2h" in every.output
