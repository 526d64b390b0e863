"""Vietnamese alphabetical order, as the Center's lists of provinces and outlets are read."""

from __future__ import annotations

import unicodedata

import pytest

from vntext.collation import vietnamese_sort_key

ORDERED = [
    # letters with a shape of their own come after their base letter
    ["Hà Nội", "Hải Phòng", "Huế", "Hưng Yên"],
    ["An Giang", "Ăn", "Âm", "Bắc Ninh"],
    ["Dương", "Đà Nẵng", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai"],
    ["Cà Mau", "Cao Bằng", "Cần Thơ"],
    ["Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng"],
    ["Thái Nguyên", "Thanh Hóa", "Tuyên Quang"],
    ["Quảng Ngãi", "Quảng Ninh", "Quảng Trị"],
    ["Ô tô", "Ơn", "Phú Thọ"],
    # tones only break ties: ngang, huyền, hỏi, ngã, sắc, nặng
    ["ma", "mà", "mả", "mã", "má", "mạ"],
    # a shorter word first; case does not matter
    ["Nam", "nam Định", "Nghệ An"],
]


@pytest.mark.parametrize("names", ORDERED, ids=[names[0] for names in ORDERED])
def test_sorted_as_a_vietnamese_dictionary(names: list[str]) -> None:
    assert sorted(reversed(names), key=vietnamese_sort_key) == names


def test_decomposed_text_sorts_as_composed() -> None:
    for name in ("Hưng Yên", "Đắk Lắk", "Quảng Trị"):
        assert vietnamese_sort_key(unicodedata.normalize("NFD", name)) == vietnamese_sort_key(name)


def test_other_text_keeps_an_order() -> None:
    names = ["(không rõ)", "12 tỉnh", "Zalo", "Yên Bái", "Wikipedia"]
    assert sorted(names, key=vietnamese_sort_key) == [
        "(không rõ)",
        "12 tỉnh",
        "Yên Bái",
        "Wikipedia",
        "Zalo",
    ]
