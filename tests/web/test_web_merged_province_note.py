"""A pre-merger province used as a filter on a page is read as the province it merged into, and
the page says so above it ("Vĩnh Phúc → Phú Thọ"), as `pressmon search --province` notes it."""

from __future__ import annotations

import pytest

NOTE = "Lưu ý: Vĩnh Phúc → Phú Thọ (sáp nhập 2025)."


@pytest.mark.parametrize(
    "path",
    ["/tim-kiem?q=BHXH&tinh=Vĩnh Phúc", "/tim-kiem?tinh=vinh phuc", "/hang-doi?tinh=Vinh Phuc"],
)
def test_a_page_filtered_by_a_pre_merger_province_notes_the_merger(as_reviewer, path) -> None:
    client, _ = as_reviewer
    page = client.get(path)
    assert page.status_code == 200, page.text
    assert NOTE in page.text


@pytest.mark.parametrize("path", ["/tim-kiem?tinh=Phú Thọ", "/hang-doi?tinh=Hà Nội", "/tim-kiem"])
def test_a_current_province_or_none_has_no_note(as_reviewer, path) -> None:
    client, _ = as_reviewer
    assert "sáp nhập" not in client.get(path).text


def test_the_api_reads_the_merged_province_without_a_note(as_reviewer) -> None:
    client, _ = as_reviewer
    old = client.get("/api/search", params={"tinh": "Vĩnh Phúc"})
    assert old.status_code == 200
    assert old.json() == client.get("/api/search", params={"tinh": "Phú Thọ"}).json()
