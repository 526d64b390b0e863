"""The model's wording, named in one reason, is still marked where it stands in the article."""

from __future__ import annotations

from pressmon.web.routes.item import highlight_needles


def test_the_phrases_of_the_wording_reason_are_marked_not_its_sentence() -> None:
    wording = {
        "kind": "term",
        "text": (
            "Cách viết giống các tin lừa đảo, tin giả mà mô hình đã học: “không cần”, “hỗ trợ”"
            " (mô hình …)."
        ),
        "detail": {"phrases": ["khong can", "ho tro"], "shown": ["không cần", "hỗ trợ"]},
    }
    phrase = {"kind": "term", "text": "rút sổ", "detail": {"folded": "rut so"}}
    assert highlight_needles([wording, phrase]) == ["không cần", "hỗ trợ", "rút sổ"]


def test_the_words_a_scam_cue_found_are_marked() -> None:
    link = {
        "kind": "scam-cue",
        "text": "Đường dẫn không thuộc kênh chính thức đã biết: “bhxh-hotro.top”",
        "detail": {"family": "channel", "excerpt": "bhxh-hotro.top", "start": 30, "end": 44},
    }
    brand = {
        "kind": "scam-cue",
        "text": "Nhân danh ngân hàng, BHXH hoặc cơ quan nhà nước (Bảo hiểm xã hội Việt Nam)",
        "detail": {"family": "impersonation", "excerpt": "BHXH", "start": 0, "end": 4},
    }
    assert highlight_needles([link, brand]) == ["bhxh-hotro.top", "BHXH"]
