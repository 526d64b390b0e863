"""The item page and the API say why an article's date was chosen, in Vietnamese, and show the
SEO title when the page worded its headline differently for search engines."""

from __future__ import annotations

from html import unescape

from tests.web.conftest import make_doc

REASONED = make_doc(
    30,
    date_source="visible-text",
    date_reason="the visible byline (metadata: offset-mislabelled)",
    date_disagreements=(
        "json-ld:datePublished=2026-04-20T00:40:00+08:00 (-60 min): offset-mislabelled",
    ),
    seo_title="Lương hưu tháng 5 về tài khoản sớm",
)


def test_the_item_page_explains_the_date_in_vietnamese(as_reviewer, archive) -> None:
    client, _ = as_reviewer
    archive.upsert([REASONED])
    page = unescape(client.get("/bai/doc030").text)
    assert "(nguồn ngày: Ngày giờ hiển thị trên trang)" in page
    assert "Lý do chọn ngày: Ngày giờ hiển thị trên trang (siêu dữ liệu: ghi sai múi giờ)" in page
    assert (
        "Dữ liệu có cấu trúc JSON-LD (datePublished): 00:40 20/04/2026 (UTC+08:00), "
        "lệch -60 phút: ghi sai múi giờ" in page
    )
    assert "Tiêu đề SEO</dt><dd>Lương hưu tháng 5 về tài khoản sớm" in page
    assert "offset-mislabelled" not in page


def test_an_article_without_reasoning_shows_no_empty_lines(as_reviewer) -> None:
    client, _ = as_reviewer
    page = client.get("/bai/doc005").text
    assert "Lý do chọn ngày" not in page and "Nguồn ngày không khớp" not in page
    assert "Tiêu đề SEO" not in page


def test_the_api_carries_the_codes_with_their_labels(as_reviewer, archive) -> None:
    client, _ = as_reviewer
    archive.upsert([REASONED])
    document = client.get("/api/items/doc030").json()["document"]
    assert document["date_source"] == "visible-text"
    assert document["date_source_label"] == "Ngày giờ hiển thị trên trang"
    assert document["date_reason"] == REASONED.date_reason
    assert document["date_reason_label"].startswith("Ngày giờ hiển thị trên trang")
    assert document["date_disagreements"] == list(REASONED.date_disagreements)
    assert document["date_disagreement_labels"][0].endswith("lệch -60 phút: ghi sai múi giờ")
    assert document["seo_title"] == "Lương hưu tháng 5 về tài khoản sớm"
