"""Normalisation shared by every entry point."""

from __future__ import annotations

import unicodedata

import pytest

from vntext.normalize import fold, nfc, normalize_spelling, normalize_text


def test_normalize_text_composes_and_moves_old_tone_marks() -> None:
    assert normalize_text(unicodedata.normalize("NFD", "Thanh Hoá  uỷ ban")) == "Thanh Hóa ủy ban"
    assert normalize_text("quý khách") == "quý khách"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (unicodedata.normalize("NFD", "bảo hiểm"), "bảo hiểm"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("uỷ ban", "ủy ban"),
        ("HOÁ ĐƠN", "HÓA ĐƠN"),
        ("quý khách", "quý khách"),  # the u of "qu" is part of the consonant
        ("hoàng hôn, khuya", "hoàng hôn, khuya"),  # mark not at the syllable end
    ],
)
def test_normalize_spelling_normalises_form_and_tone_placement(raw: str, expected: str) -> None:
    assert normalize_spelling(raw) == expected
    assert normalize_spelling(normalize_spelling(raw)) == normalize_spelling(raw)


def test_fold_drops_diacritics_and_keeps_lengths() -> None:
    text = nfc("Bảo hiểm xã hội Đà Nẵng")
    assert fold(text) == "Bao hiem xa hoi Da Nang"
    assert len(fold(text)) == len(text)
