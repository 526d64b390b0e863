"""Sentence segmentation."""

from __future__ import annotations

from vntext.segment import split_sentences


def test_split_sentences_keeps_order() -> None:
    text = "BHXH chi trả lương hưu từ ngày 10. Người hưởng nhận tại bưu điện."
    assert split_sentences(text) == [
        "BHXH chi trả lương hưu từ ngày 10.",
        "Người hưởng nhận tại bưu điện.",
    ]


def test_a_run_longer_than_any_link_is_a_sentence_of_its_own() -> None:
    # underthesea would walk back over the whole run at each of its dots: minutes for 40,000.
    run = "a." * 20_000
    text = f"Tin đầu. Còn đây {run} Tin cuối. Hết."
    assert split_sentences(text) == ["Tin đầu.", "Còn đây", run, "Tin cuối.", "Hết."]
