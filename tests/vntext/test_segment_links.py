"""Sentence segmentation keeps links, domains and e-mail addresses whole: underthesea ends a
sentence at every dot, "?" or "!", and scam messages are full of look-alike domains."""

from __future__ import annotations

import pytest

from vntext.segment import split_sentences

CASES = [
    (
        "Truy cập bhxh-vn.top để nhận tiền.",
        ["Truy cập bhxh-vn.top để nhận tiền."],
    ),
    (
        "Truy cập BHXH-VN.TOP để nhận tiền. Hạn chót hôm nay.",
        ["Truy cập BHXH-VN.TOP để nhận tiền.", "Hạn chót hôm nay."],
    ),
    (
        "Tải https://vssid-gov.com/app.apk rồi đăng nhập. Xong.",
        ["Tải https://vssid-gov.com/app.apk rồi đăng nhập.", "Xong."],
    ),
    (
        "Xem www.baohiemxahoi.gov.vn/tin-tuc.html nhé. Cảm ơn.",
        ["Xem www.baohiemxahoi.gov.vn/tin-tuc.html nhé.", "Cảm ơn."],
    ),
    ("Vào ngay bhxh.xyz để nhận quà.", ["Vào ngay bhxh.xyz để nhận quà."]),
    ("Đăng ký tại vssid-bhxh.cc nhé!", ["Đăng ký tại vssid-bhxh.cc nhé!"]),
    (
        "Link: vssid.cc/abc?x=1. Nhanh lên!",
        ["Link: vssid.cc/abc?x=1.", "Nhanh lên!"],
    ),
    (
        "Đọc tại baohiemxahoi.gov.vn. Cảm ơn.",
        ["Đọc tại baohiemxahoi.gov.vn.", "Cảm ơn."],
    ),
    (
        "Gửi hồ sơ về hotro@bhxh.gov.vn trước ngày 5. Xin cảm ơn.",
        ["Gửi hồ sơ về hotro@bhxh.gov.vn trước ngày 5.", "Xin cảm ơn."],
    ),
    (
        "vào web bhxh.gov.vn, rồi chọn mục tra cứu.",
        ["vào web bhxh.gov.vn, rồi chọn mục tra cứu."],
    ),
    # A link's last dot before a new sentence still ends the sentence.
    ("Xem http://bhxh.gov.vn.Sau đó gọi.", ["Xem http://bhxh.gov.vn.", "Sau đó gọi."]),
    # Numbers, dates and abbreviations underthesea already keeps whole.
    ("Nhận 1.500.000 đồng. Tiếp.", ["Nhận 1.500.000 đồng.", "Tiếp."]),
    ("Gọi 1900.9068 để hỏi. Tiếp.", ["Gọi 1900.9068 để hỏi.", "Tiếp."]),
    ("Từ ngày 1.7.2025 áp dụng. Tiếp.", ["Từ ngày 1.7.2025 áp dụng.", "Tiếp."]),
    ("Tại TP.HCM có mưa. Ở Q.1 đông.", ["Tại TP.HCM có mưa.", "Ở Q.1 đông."]),
    # A missing space after a full stop is no domain.
    ("Anh ơi.Em đây.", ["Anh ơi.", "Em đây."]),
    ("Ban da trung thuong.Co the nhan ngay.", ["Ban da trung thuong.", "Co the nhan ngay."]),
    ("Chúc mừng bạn.Nhận quà.", ["Chúc mừng bạn.", "Nhận quà."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_links_domains_and_addresses_stay_in_one_sentence(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text", [text for text, _ in CASES])
def test_sentences_are_the_texts_own_characters(text: str) -> None:
    # Every sentence is a slice of the text, in order, and only whitespace lies between them.
    sentences = split_sentences(text)
    pos = 0
    for sentence in sentences:
        start = text.index(sentence, pos)
        assert not text[pos:start].strip()
        pos = start + len(sentence)
    assert not text[pos:].strip()
    assert "".join("".join(sentences).split()) == "".join(text.split())
