"""`pressmon search --json` said `reachable: 5000` for a search finding three articles, as if a
cap left some out: it says null (every match is paged through), as /api/search does."""

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
        archive.upsert([make_doc(f"r{n}", title=f"Chi trả lương hưu kỳ {n}") for n in range(3)])
    return tmp_path


def _reachable(data_dir: Path) -> object:
    args = ["--data-dir", str(data_dir), "search", "lương hưu", "--limit", "2", "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["reachable"]


def test_a_few_matches_by_relevance_have_no_reach(three_matches: Path) -> None:
    assert _reachable(three_matches) is None


def test_more_matches_than_ranked_name_the_reach(
    three_matches: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index.sqlite_backend, "RANK_WINDOW", 2)
    assert _reachable(three_matches) == 2
