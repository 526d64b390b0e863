"""`pressmon counts --by outlet` over an archive imported into another data folder, whose
sources.yaml lacks its outlets: it showed their ids ("bao_tinh_02") where `search` and
`flagged` showed the names the articles were stored with; it now shows those names."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from click.testing import CliRunner

from index.sqlite_backend import SQLiteArchive
from index.types import Document
from pressmon.cli import main
from pressmon.reports import coverage_figures
from pressmon.settings import Targets
from tests.index.index_factories import make_doc

AT = datetime(2026, 3, 10, 3, tzinfo=UTC)


def _article(n: int, outlet: str, name: str) -> Document:
    url = f"https://{outlet.replace('_', '')}.vn/a{n}.html"
    return make_doc(
        f"a{n}",
        url=url,
        canonical_url=url,
        outlet=outlet,
        outlet_name=name,
        published_at=AT,
        crawled_at=AT,
        province="Nghệ An",
        provinces=("Nghệ An",),
    )


def test_counts_by_outlet_names_outlets_missing_from_sources_yaml(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    with SQLiteArchive(first / "pressmon.db") as archive:
        archive.upsert([_article(0, "bao_tinh_02", "Báo Tỉnh Hai")])
    export = tmp_path / "export.jsonl"
    runner = CliRunner()
    for args in (
        ["--data-dir", str(first), "index", "export", str(export)],
        ["--data-dir", str(second), "index", "import", "--quiet", str(export)],
    ):
        assert runner.invoke(main, args).exit_code == 0
    counts = ["counts", "--by", "outlet", "--from", "2026-03-09", "--to", "2026-03-15"]
    result = runner.invoke(main, ["--data-dir", str(second), *counts, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["labels"] == {"bao_tinh_02": "Báo Tỉnh Hai"}
    table = runner.invoke(main, ["--data-dir", str(second), *counts]).output
    assert "Báo Tỉnh Hai" in table and "bao_tinh_02" not in table


def test_the_coverage_page_names_outlets_missing_from_sources_yaml(tmp_path: Path) -> None:
    """/bao-phu and the leadership report read `coverage_figures`, which named outlets from
    sources.yaml alone, as `counts` did."""
    with SQLiteArchive(tmp_path / "pressmon.db") as archive:
        archive.upsert(
            [_article(0, "bao_tinh_02", "Báo Tỉnh Hai"), _article(1, "bao_tinh_03", "Báo Tỉnh Ba")]
        )
        figures = coverage_figures(
            archive,
            Targets(),
            date_from=date(2026, 3, 9),
            date_to=date(2026, 3, 15),
            today=date(2026, 3, 15),
            outlet_names={"bao_tinh_03": "Báo Tỉnh Ba (sources.yaml)"},
        )
    assert sorted(figures.by_outlet) == [("Báo Tỉnh Ba (sources.yaml)", 1), ("Báo Tỉnh Hai", 1)]
