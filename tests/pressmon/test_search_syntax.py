"""Search that knows the field (issue #15, item 4), through the CLI on the demo articles:
abbreviations and expansions find each other (config/synonyms.yaml), `OR`, `-word` and quoted
phrases work, and a search with no match suggests what to try."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from demo.site import build_site
from index.sqlite_backend import SQLiteArchive
from index.types import Document
from pressmon.cli import main


@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site's relevant articles, stored as a crawl would store their text."""
    path = tmp_path_factory.mktemp("demo") / "archive.sqlite3"
    articles = [a for a in build_site().articles if a.relevant]
    with SQLiteArchive(path) as archive:
        archive.upsert(
            Document(
                id=f"demo-{i}",
                url=f"https://demo.invalid{a.path}",
                canonical_url=f"https://demo.invalid{a.path}",
                outlet=a.outlet,
                outlet_name=a.outlet,
                kind="provincial",
                title=a.title,
                body=f"{a.lead}\n\n{a.body}",
                published_at=a.published_at,
                crawled_at=datetime(2026, 5, 1, tzinfo=UTC),
            )
            for i, a in enumerate(articles)
        )
    return path


def _search(archive: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--archive", str(archive), "search", *args])


def _ids(archive: Path, text: str) -> set[str]:
    result = _search(archive, text, "--json", "--limit", "200")
    assert result.exit_code == 0, result.output
    return {hit["document"]["id"] for hit in json.loads(result.output)["hits"]}


def test_an_abbreviation_and_its_expansion_find_the_same_articles(demo_archive: Path) -> None:
    bhxh = _ids(demo_archive, "BHXH")
    assert len(bhxh) > 60  # nearly every demo article writes "BHXH", one "bảo hiểm xã hội"
    assert _ids(demo_archive, "bảo hiểm xã hội") == bhxh
    assert _ids(demo_archive, "bao hiem xa hoi") == bhxh
    assert _ids(demo_archive, "BHYT") == _ids(demo_archive, '"bảo hiểm y tế"')


def test_or_finds_either(demo_archive: Path) -> None:
    bhxh, bhyt = _ids(demo_archive, "BHXH"), _ids(demo_archive, "BHYT")
    assert _ids(demo_archive, "BHXH OR BHYT") == bhxh | bhyt
    assert _ids(demo_archive, "BHXH BHYT") == bhxh & bhyt


def test_minus_leaves_out_a_word(demo_archive: Path) -> None:
    bhxh, bhyt = _ids(demo_archive, "BHXH"), _ids(demo_archive, "BHYT")
    assert _ids(demo_archive, "BHXH -BHYT") == bhxh - bhyt
    assert bhxh - bhyt


def test_a_phrase_keeps_its_word_order(demo_archive: Path) -> None:
    assert _ids(demo_archive, '"tham gia BHXH"')
    assert _ids(demo_archive, '"BHXH gia tham"') == set()


def test_no_match_suggests_the_folded_or_looser_form(demo_archive: Path) -> None:
    result = _search(demo_archive, '"BHXH lương hưu tháng" -xyz')
    assert result.exit_code == 0
    assert result.output.startswith("Không có kết quả. Thử: ")
    assert "bài)" in result.output and "0 kết quả" not in result.output
    bare = _search(demo_archive, "qwertyuiop")
    assert bare.output.strip() == "Không có kết quả. Thử bớt từ, bỏ dấu hoặc nới bộ lọc."


def test_a_query_of_exclusions_alone_fails_with_one_vietnamese_line(demo_archive: Path) -> None:
    result = _search(demo_archive, "--", "-BHXH")  # "--": a query may start with a dash
    assert result.exit_code != 0
    assert result.output.startswith("Lỗi: ") and "loại trừ" in result.output
    assert "gợi ý: sửa câu tìm kiếm" in result.output and "--archive" not in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("text", ["!!!", "—", '""', "()", "*"])
def test_a_query_without_a_word_fails_with_one_vietnamese_line(
    demo_archive: Path, text: str
) -> None:
    result = _search(demo_archive, "--", text)
    assert result.exit_code != 0
    assert result.output.startswith("Lỗi: ") and "không có từ nào để tìm" in result.output
    assert "Traceback" not in result.output
