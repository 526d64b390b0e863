"""`pressmon extract`: the outlet named from sources.yaml (domain or alias), else from the page."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main

P = "Bảo hiểm xã hội tỉnh đã chi trả lương hưu tháng này cho hơn mười nghìn người hưởng. " * 3


def _page(head: str) -> str:
    return (
        f"<html><head><meta charset='utf-8'>{head}"
        "<meta property='article:published_time' content='2026-03-05T08:00:00+07:00'>"
        "</head><body><h1>Chi trả lương hưu tháng 3 cho người hưởng</h1>"
        f"<div itemprop='articleBody'><p>{P}</p><p>{P}</p></div></body></html>"
    )


def _extract(tmp_path: Path, url: str, head: str = "", *args: str) -> dict:
    page = tmp_path / "page.html"
    page.write_text(_page(head), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(page), "--url", url, "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_outlet_from_sources_yaml_by_alias_domain(tmp_path: Path) -> None:
    # zingnews.vn is an alias of the configured source znews; the page's own name is ignored.
    found = _extract(
        tmp_path,
        "https://zingnews.vn/chi-tra-luong-huu-post123.html",
        "<meta property='og:site_name' content='ZINGNEWS.VN'>",
    )
    assert (found["outlet"], found["source_id"], found["methods"]["outlet"]) == (
        "Znews",
        "znews",
        "config",
    )


def test_unknown_outlet_from_publisher_never_a_bare_url(tmp_path: Path) -> None:
    head = (
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Chi trả",'
        '"publisher":{"@type":"Organization","name":"https://baomau.vn"}}</script>'
        "<meta property='og:site_name' content='Báo Mẫu - Tin tức mới nhất, nhanh nhất'>"
    )
    found = _extract(tmp_path, "https://baomau.vn/chi-tra-1.html", head)
    assert (found["outlet"], found["source_id"]) == ("Báo Mẫu", None)


def test_unknown_outlet_without_any_name_is_its_domain(tmp_path: Path) -> None:
    found = _extract(tmp_path, "https://www.baomau.com.vn/chi-tra-1.html")
    assert (found["outlet"], found["methods"]["outlet"]) == ("baomau.com.vn", "domain")


def test_source_option_names_the_outlet_and_the_date_reasoning_is_shown(tmp_path: Path) -> None:
    found = _extract(tmp_path, "https://example.org/a.html", "", "--source", "Tuổi Trẻ")
    assert (found["outlet"], found["source_id"]) == ("Tuổi Trẻ Online", "tuoitre")
    assert found["date_source"] == "meta"
    assert found["date_reason"] and found["date_disagreements"] == []
    assert found["seo_title"] == ""


def test_a_source_option_that_names_no_outlet_is_refused_with_the_closest(tmp_path: Path) -> None:
    """Not silently ignored (the page then read as another outlet's, or as none)."""
    page = tmp_path / "page.html"
    page.write_text(_page(""), encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["extract", str(page), "--url", "https://example.org/a.html", "--source", "Tuoi Tre Onlin"],
    )
    assert result.exit_code == 1
    assert "Lỗi: cơ quan báo chí «Tuoi Tre Onlin» không có trong danh sách" in result.output
    assert "Tuổi Trẻ Online (tuoitre)" in result.output and "Traceback" not in result.output


def test_a_url_that_is_not_a_full_address_is_a_usage_error(tmp_path: Path) -> None:
    """A mistake on the command line names --url and shows the usage, not the crawl's hint to
    check the sources' configuration."""
    page = tmp_path / "page.html"
    page.write_text(_page(""), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(page), "--url", "baomau.vn/a.html"])
    assert result.exit_code == 2
    assert "Lỗi: giá trị không hợp lệ cho '--url'" in result.output
    assert "https://" in result.output and "cấu hình nguồn" not in result.output


def test_the_date_reason_reads_in_vietnamese_without_json_and_as_a_label_beside_it_with(
    tmp_path: Path,
) -> None:
    """The plain output showed the extractor's English ("meta:article:published_time: the
    best-ranked date found"); `--json` keeps that contract field and adds the API's label."""
    found = _extract(tmp_path, "https://example.org/a.html", "", "--source", "Tuổi Trẻ")
    reason = "meta:article:published_time: the best-ranked machine-readable date"
    label = "Thẻ meta (article:published_time): ngày máy đọc được đáng tin nhất"
    assert (found["date_reason"], found["date_reason_label"]) == (reason, label)
    assert (found["date_source"], found["date_source_label"]) == ("meta", "Thẻ meta")
    assert found["date_disagreement_labels"] == []
    page = tmp_path / "page.html"
    result = CliRunner().invoke(
        main, ["extract", str(page), "--url", "https://example.org/a.html", "--source", "tuoitre"]
    )
    assert result.exit_code == 0, result.output
    assert f"date_reason: {label}\n" in result.output and "best-ranked" not in result.output
    assert "date_source: Thẻ meta\n" in result.output
