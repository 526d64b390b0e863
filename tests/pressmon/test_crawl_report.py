"""Whether a crawl failed, from its per-source counters (pure)."""

from __future__ import annotations

import pytest

from crawlers.sources import Source
from pressmon.crawl_report import crawl_report, failed_text, problems_text

SOURCES = [
    Source(id="mot", name="Báo Một", kind="national", domain="mot.vn"),
    Source(id="hai", name="Báo Hai", kind="national", domain="hai.vn"),
]
UP = {"fetched": 3, "extracted": 2, "stored": 1, "timeout": 1}
DOWN = {"dns": 2}


@pytest.mark.parametrize(
    ("counters", "named", "succeeded"),
    [
        ({"mot": UP, "hai": UP}, False, True),
        ({"mot": UP, "hai": DOWN}, False, True),  # partial: a warning, not a failure
        ({"mot": DOWN, "hai": DOWN}, False, False),
        ({"mot": DOWN}, False, False),  # a source never counted fetched nothing
        ({}, False, False),
        ({"mot": UP, "hai": DOWN}, True, False),  # a source named on the command line failed
        ({"mot": UP, "hai": UP}, True, True),
    ],
)
def test_succeeded(counters: dict, named: bool, succeeded: bool) -> None:
    assert crawl_report(SOURCES, counters, named=named).succeeded is succeeded


def test_texts_name_sources_and_problems_in_vietnamese() -> None:
    report = crawl_report(SOURCES, {"mot": UP, "hai": {"dns": 2, "bad_thing": 1}}, named=False)
    one, two = report.outcomes
    assert problems_text(one) == "quá thời gian chờ: 1"
    assert problems_text(two) == "bad_thing: 1, không tìm thấy tên miền: 2"
    assert failed_text(report) == "Báo Hai (bad_thing: 1, không tìm thấy tên miền: 2)"
    silent = crawl_report(SOURCES[:1], {}, named=False).outcomes[0]
    assert problems_text(silent) == "không có trang nào để tải"
