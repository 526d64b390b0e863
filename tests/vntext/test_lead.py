"""The lead (sapo): the first paragraph for the gazetteer, a positional opening for relevance."""

from __future__ import annotations

import unicodedata

from vntext.lead import lead_end
from vntext.normalize import normalize_text


def test_short_first_paragraph_is_the_lead_in_normalised_offsets() -> None:
    lead = unicodedata.normalize("NFD", "BHXH tỉnh  Thanh Hoá chi trả lương hưu.")
    body = f"{lead}\n\nThân bài."
    end = lead_end(body, 400, paragraph_within=800)
    assert normalize_text(body)[:end] == normalize_text(lead)


def test_paragraph_past_the_limit_falls_back_to_the_opening() -> None:
    body = "chữ " * 300 + "\n\nthân bài"
    assert lead_end(body, 400, paragraph_within=800) == lead_end(body, 400)


def test_opening_is_cut_back_to_a_word_boundary() -> None:
    assert lead_end("một hai ba bốn", 8) == 7  # "một hai", not "một hai "/"một hai b"
    assert lead_end("một hai", 300) == 7


def test_without_paragraph_within_paragraphs_are_ignored() -> None:
    body = "Sapo.\n\n" + "thân bài " * 50
    assert lead_end(body, 20) == normalize_text(body).rfind(" ", 0, 20)
