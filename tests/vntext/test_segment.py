"""Sentence segmentation."""

from __future__ import annotations

from vntext.segment import split_sentences


def test_split_sentences_keeps_order() -> None:
    text = "BHXH chi trả lương hưu từ ngày 10. Người hưởng nhận tại bưu điện."
    assert split_sentences(text) == [
        "BHXH chi trả lương hưu từ ngày 10.",
        "Người hưởng nhận tại bưu điện.",
    ]
