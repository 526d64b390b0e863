"""The item page's "Cách trích xuất" names each field and how it was found in Vietnamese, as the
date's source beside "Ngày đăng" is, instead of the extractor's codes (`body: density`)."""

from __future__ import annotations

import re

from crawlers.extract import article
from pressmon.review.labels import EXTRACTED_FIELD_LABELS, EXTRACTION_METHOD_LABELS


def _documented() -> dict[str, list[str]]:
    """Field -> methods, as crawlers.extract.article's docstring lists them."""
    listing = (article.__doc__ or "").split("records how each field was found:")[1]
    found = dict(re.findall(r"([a-z_]+) ([a-z|\n-]+?)[;.]", listing))
    assert "body" in found, "the extractor's docstring no longer lists its methods"
    return {field: methods.replace("\n", "").split("|") for field, methods in found.items()}


def test_every_field_and_method_the_extractor_records_has_a_name() -> None:
    documented = _documented()
    assert [f for f in documented if f not in EXTRACTED_FIELD_LABELS] == []
    methods = {m for ms in documented.values() for m in ms} | {"input"}  # pressmon ingest's
    assert sorted(methods - set(EXTRACTION_METHOD_LABELS)) == []


def test_the_item_page_says_how_each_field_was_found(as_reviewer) -> None:
    client, _ = as_reviewer
    page = client.get("/bai/doc005").text  # extraction: title json-ld, body trafilatura
    shown = re.search(r"<dt>Cách trích xuất</dt><dd[^>]*>(.*?)</dd>", page, re.S)
    assert shown is not None
    assert set(shown.group(1).split(" · ")) == {
        "Tiêu đề: Dữ liệu có cấu trúc JSON-LD",
        "Nội dung: Thư viện trafilatura",
    }
