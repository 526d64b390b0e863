"""`pressmon ingest` reads `canonical_url` as the crawler reads a page's canonical link: the
article's id comes from it, so two addresses of one page are one article; one on another site is
not trusted (it would fold a syndicated copy into its original) and is said so."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from crawlers.urls import article_id
from index import open_archive
from index.types import Query
from pressmon.cli import main

CANONICAL = "https://baonghean.vn/chi-tra-luong-huu-thang-3-post123.html"
ARTICLE = {
    "title": "BHXH tỉnh Nghệ An chi trả lương hưu tháng 3 đúng hạn",
    "text": "Bảo hiểm xã hội tỉnh Nghệ An cho biết đã chi trả lương hưu, trợ cấp BHXH tháng 3 "
    "cho hơn 100.000 người hưởng qua tài khoản ngân hàng và bưu điện.",
    "outlet": "Báo Nghệ An",
    "published_at": "2026-03-07T08:00:00+07:00",
}


def _ingest(model_file: Path, archive: Path, *lines: dict[str, str]) -> Result:
    path = archive.with_suffix(".jsonl")
    path.write_text(
        "".join(json.dumps({**ARTICLE, **line}, ensure_ascii=False) + "\n" for line in lines),
        encoding="utf-8",
    )
    return CliRunner().invoke(
        main,
        ["--archive", str(archive), "ingest", str(path), "--quiet"],
        env={"PRESSMON_MODEL": str(model_file)},
    )


def _stored(archive: Path) -> dict[str, str]:
    """Article id -> canonical URL of every stored article."""
    with open_archive("sqlite", path=archive, timezone="Asia/Ho_Chi_Minh") as opened:
        page = opened.search(Query(page_size=50))
        return {hit.document.id: hit.document.canonical_url for hit in page.hits}


def test_two_addresses_with_one_canonical_url_are_one_article(
    model_file: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "a.sqlite3"
    result = _ingest(
        model_file,
        archive,
        {
            "url": "https://baonghean.vn/chi-tra-luong-huu.html?utm_source=zalo",
            "canonical_url": CANONICAL,
        },
        {"url": "https://m.baonghean.vn/amp/tin/123", "canonical_url": CANONICAL},
    )
    assert result.exit_code == 0, result.output
    assert _stored(archive) == {article_id(CANONICAL): CANONICAL}
    # The same page ingested again under a third address adds nothing.
    again = _ingest(
        model_file, archive, {"url": "http://baonghean.vn/?p=123", "canonical_url": CANONICAL}
    )
    assert "(0 bài mới)" in again.stdout
    assert len(_stored(archive)) == 1


def test_without_canonical_url_each_address_is_its_own_article(
    model_file: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "a.sqlite3"
    first, second = "https://baonghean.vn/a.html", "https://baonghean.vn/b.html"
    result = _ingest(model_file, archive, {"url": first}, {"url": second})
    assert result.exit_code == 0, result.output
    assert set(_stored(archive).values()) == {first, second}


def test_a_canonical_url_on_another_site_is_not_trusted(model_file: Path, tmp_path: Path) -> None:
    # A provincial paper's copy naming the national original: two placements, not one.
    archive = tmp_path / "a.sqlite3"
    original = "https://vnexpress.net/chi-tra-luong-huu-123.html"
    copy = "https://baonghean.vn/chi-tra-luong-huu.html"
    result = _ingest(
        model_file,
        archive,
        {"url": original, "outlet": "VnExpress"},
        {"url": copy, "canonical_url": original},
    )
    assert result.exit_code == 0, result.output
    assert set(_stored(archive).values()) == {original, copy}
    assert f"dòng 2: canonical_url ở trang khác ({original}), dùng url" in result.stderr


def test_a_canonical_url_that_is_not_a_web_address_rejects_its_line(
    model_file: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "a.sqlite3"
    result = _ingest(
        model_file,
        archive,
        {"url": "https://baonghean.vn/a.html", "canonical_url": "javascript:alert(1)"},
        {"url": "https://baonghean.vn/b.html"},
    )
    assert result.exit_code == 1
    assert "dòng 1:" in result.stderr and "canonical_url" in result.stderr
    assert set(_stored(archive).values()) == {"https://baonghean.vn/b.html"}
