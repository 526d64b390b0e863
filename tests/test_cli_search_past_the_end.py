"""`pressmon search --page N` past the last match says which page is the last, in either order;
in relevance order it used to fail (exit 1) saying only the first 5,000 results can be ranked,
when the archive held three."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import index.sqlite_backend
from index import open_archive
from pressmon.cli import main
from tests.index.index_factories import make_doc


@pytest.fixture
def three_matches(tmp_path: Path) -> Path:
    with open_archive("sqlite", path=tmp_path / "pressmon.db") as archive:
        archive.upsert([make_doc(f"a{n}", title=f"Lương hưu {n}") for n in range(3)])
    return tmp_path


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_a_page_past_the_last_match_names_the_last_page(three_matches: Path, sort: str) -> None:
    args = ["--data-dir", str(three_matches), "search", "lương hưu", "--sort", sort]
    result = CliRunner().invoke(main, [*args, "--page", "999"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "3 kết quả",
        "Trang 999 không có kết quả: trang cuối là trang 1.",
    ]
    as_json = CliRunner().invoke(main, [*args, "--page", "999", "--json"])
    assert as_json.exit_code == 0, as_json.output
    answer = json.loads(as_json.output)
    assert (answer["total"], answer["hits"], answer["page"]) == (3, [], 999)


def test_a_relevance_page_past_the_ranked_matches_is_still_refused(
    three_matches: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index.sqlite_backend, "RANK_WINDOW", 2)
    result = CliRunner().invoke(
        main,
        ["--data-dir", str(three_matches), "search", "lương hưu", "--limit", "2", "--page", "2"],
    )
    assert result.exit_code == 1
    assert "Chỉ xếp theo mức liên quan được 2 kết quả đầu tiên" in result.output
