"""`pressmon sources` with no source to show (none needs attention, or none is listed) prints
its count line alone; it used to print a table of headers with no row above it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from index import open_archive
from pressmon.cli import main


def test_no_row_no_table(tmp_path: Path) -> None:
    with open_archive("sqlite", path=tmp_path / "pressmon.db"):
        pass
    sources = tmp_path / "sources.yaml"
    sources.write_text("[]\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path), "sources"], env={"PRESSMON_SOURCES": str(sources)}
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["0/0 nguồn cần chú ý (--all để xem mọi nguồn)"]
