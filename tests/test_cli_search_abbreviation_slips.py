"""`pressmon search` offers the abbreviation of config/synonyms.yaml a query with one slip meant,
with how many articles it finds, as its other suggestions."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from index import open_archive
from pressmon.cli import main
from tests.index.index_factories import make_doc


def test_a_slip_in_an_abbreviation_is_offered_corrected(tmp_path: Path) -> None:
    with open_archive("sqlite", path=tmp_path / "pressmon.db") as archive:
        archive.upsert(
            [make_doc("vssid", title="Cài VssID để xem quá trình đóng", body="Hướng dẫn.")]
        )
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "search", "VSSDI"])
    assert result.exit_code == 0, result.output
    assert result.output == "Không có kết quả. Thử: VSSID (1 bài)\n"
