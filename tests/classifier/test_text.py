"""Normalisation shared by every entry point."""

from __future__ import annotations

import unicodedata

from classifier.text import cap_words, fold, nfc, normalize_text


def test_normalize_text_composes_and_moves_old_tone_marks() -> None:
    assert normalize_text(unicodedata.normalize("NFD", "Thanh Hoá  uỷ ban")) == "Thanh Hóa ủy ban"
    assert normalize_text("quý khách") == "quý khách"


def test_fold_drops_diacritics_and_keeps_lengths() -> None:
    text = nfc("Bảo hiểm xã hội Đà Nẵng")
    assert fold(text) == "Bao hiem xa hoi Da Nang"
    assert len(fold(text)) == len(text)


def test_cap_words() -> None:
    assert cap_words("a b c d", 2) == "a b"
    assert cap_words("a  b", 5) == "a b"
