from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from classifier.text import (
    SEGMENT_WORD_CAP,
    cap_words,
    normalize_text,
    syllables_vi,
    tokenize_vi,
    vietnamese_share,
)


def test_tokenize_vi_joins_compounds_lowercases_and_drops_punctuation() -> None:
    tokens = tokenize_vi("Bảo hiểm xã hội Việt Nam CẢNH BÁO: lừa đảo!!!")
    assert "bảo_hiểm_xã_hội" in tokens
    assert "lừa_đảo" in tokens
    assert all(t == t.lower() for t in tokens)
    assert not any(t in {":", "!", "!!!"} for t in tokens)


def test_tokenize_vi_normalises_nfd_and_old_tone_placement() -> None:
    nfd = "Thanh Hoá".encode().decode()  # composed below
    import unicodedata

    assert tokenize_vi(unicodedata.normalize("NFD", nfd)) == tokenize_vi("Thanh Hóa")


def test_tokenize_vi_segments_only_the_opening() -> None:
    long_text = " ".join(["lương hưu"] * (SEGMENT_WORD_CAP * 2))
    assert len(tokenize_vi(long_text)) <= SEGMENT_WORD_CAP


def test_empty_text_gives_no_tokens() -> None:
    assert tokenize_vi("") == []
    assert syllables_vi("   ") == []


def test_syllables_keep_numbers_whole() -> None:
    assert syllables_vi("Gọi 0987.654.321, mức 2,34 triệu!") == [
        "gọi",
        "0987.654.321",
        "mức",
        "2,34",
        "triệu",
    ]


def test_cap_words() -> None:
    assert cap_words("a b c d", 2) == "a b"
    assert cap_words("a  b", 5) == "a b"


def test_vietnamese_share_accepts_unaccented_scam_sms_and_rejects_english() -> None:
    assert vietnamese_share("Bảo hiểm xã hội Việt Nam cảnh báo người dân") > 0.8
    assert vietnamese_share("Ban chua nhan duoc tro cap, vui long dang nhap") > 0.5
    assert vietnamese_share("The pension fund paid benefits on time") < 0.3


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạềếểễệ .,!?0123456789\n", max_size=120))
def test_tokens_are_never_empty_or_whitespace(text: str) -> None:
    for token in tokenize_vi(text):
        assert token.strip() == token and token
    assert normalize_text(normalize_text(text)) == normalize_text(text)
