"""`pressmon search --json` answers a query that finds nothing with the rewrites the plain
output offers (an abbreviation slip corrected from config/synonyms.yaml among them), each with
its count, in the same order, so a script can offer them; with results, none are looked for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from index import open_archive
from pressmon.cli import archive_cmds, main
from tests.index.index_factories import make_doc


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    with open_archive("sqlite", path=tmp_path / "pressmon.db") as archive:
        archive.upsert(
            [
                make_doc("vssid", title="Cài VssID để xem quá trình đóng", body="Hướng dẫn."),
                make_doc("otp", title="Cảnh giác tin nhắn xin mã OTP", body="Mạo danh BHXH."),
            ]
        )
    return tmp_path


def _search(data_dir: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), "search", *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("query", ["VSSDI", "vssdi hướng"])
def test_a_query_that_finds_nothing_answers_the_plain_output_s_suggestions(
    data_dir: Path, query: str
) -> None:
    answer = json.loads(_search(data_dir, query, "--json"))
    assert answer["total"] == 0 and answer["hits"] == [] and answer["suggestions"]
    offered = " · ".join(f"{s['text']} ({s['total']} bài)" for s in answer["suggestions"])
    assert _search(data_dir, query) == f"Không có kết quả. Thử: {offered}\n"


def test_a_slip_is_offered_corrected_with_its_count(data_dir: Path) -> None:
    answer = json.loads(_search(data_dir, "VSSDI", "--json"))
    assert answer["suggestions"] == [{"text": "VSSID", "total": 1, "total_exact": True}]


def test_a_query_that_finds_articles_looks_for_no_suggestion(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_args: object) -> None:
        raise AssertionError("suggestions counted for a query that finds articles")

    monkeypatch.setattr(archive_cmds, "suggestions", refused)
    answer = json.loads(_search(data_dir, "OTP", "--json"))
    assert answer["total"] == 1 and answer["suggestions"] == []


def test_nothing_to_suggest_is_an_empty_list(data_dir: Path) -> None:
    answer = json.loads(_search(data_dir, "xyzzyq", "--json"))
    assert answer["total"] == 0 and answer["suggestions"] == []
