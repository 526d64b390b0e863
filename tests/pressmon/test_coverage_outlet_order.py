"""/bao-phu, the leadership report and their workbooks list outlets (and kinds) with equal counts
in Vietnamese alphabetical order of the names they show; they followed the ids (codes), so an
outlet whose id sorts first came first whatever its name."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from index.sqlite_backend import SQLiteArchive
from index.types import Document
from pressmon.reports import CoverageFigures, coverage_figures
from pressmon.settings import Targets
from tests.index.index_factories import make_doc

AT = datetime(2026, 4, 7, 2, tzinfo=UTC)


def _article(n: int, outlet: str, kind: str = "national") -> Document:
    url = f"https://{outlet}.vn/bai-{n}.html"
    return make_doc(
        f"o{n}",
        url=url,
        canonical_url=url,
        outlet=outlet,
        outlet_name=outlet,
        kind=kind,
        published_at=AT,
        crawled_at=AT,
    )


def _week_figures(archive: SQLiteArchive, names: dict[str, str] | None = None) -> CoverageFigures:
    week = date(2026, 4, 6), date(2026, 4, 12)
    return coverage_figures(
        archive, Targets(), date_from=week[0], date_to=week[1], today=week[1], outlet_names=names
    )


def test_outlets_with_equal_counts_follow_their_names(tmp_path: Path) -> None:
    names = {"aaa": "Tin Chiều", "bbb": "Đời Sống Mới", "ccc": "Ánh Dương"}
    with SQLiteArchive(tmp_path / "pressmon.db") as archive:
        archive.upsert([_article(n, outlet) for n, outlet in enumerate(names)])
        figures = _week_figures(archive, names)
    assert figures.by_outlet == (("Ánh Dương", 1), ("Đời Sống Mới", 1), ("Tin Chiều", 1))


def test_kinds_with_equal_counts_follow_their_labels(tmp_path: Path) -> None:
    kinds = {"aaa": "national", "bbb": "provincial"}
    with SQLiteArchive(tmp_path / "pressmon.db") as archive:
        archive.upsert([_article(n, o, kind) for n, (o, kind) in enumerate(kinds.items())])
        figures = _week_figures(archive)
    # Báo địa phương before Báo trung ương, though "national" sorts before "provincial".
    assert figures.by_kind == (("provincial", 1), ("national", 1))
