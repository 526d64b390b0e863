"""The outlet drop-downs of the queue and the search list outlets in Vietnamese alphabetical
order: "Báo Hà Tĩnh" before "Báo Huế", "Tạp chí" before "Tuổi Trẻ", "VietNamNet" before "VOV"."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from pressmon.web.formatting import by_name
from tests.web.conftest import sign_in

OUTLETS = {  # as config/sources.yaml names them, in code-point order
    "vov": "VOV",
    "hue": "Báo Huế Ngày nay",
    "hatinh": "Báo Hà Tĩnh",
    "haiphong": "Báo Hải Phòng",
    "tuoitre": "Tuổi Trẻ Online",
    "tapchi": "Tạp chí Bảo hiểm xã hội",
    "vietnamnet": "VietNamNet",
    "dienbien": "Báo Điện Biên Phủ",
    "daklak": "Báo Đắk Lắk",
}
IN_ORDER = [
    "Báo Đắk Lắk",
    "Báo Điện Biên Phủ",
    "Báo Hà Tĩnh",
    "Báo Hải Phòng",
    "Báo Huế Ngày nay",
    "Tạp chí Bảo hiểm xã hội",
    "Tuổi Trẻ Online",
    "VietNamNet",
    "VOV",
]


@pytest.fixture
def settings(settings):
    Path(settings.sources_file).write_text(
        "".join(
            f"- {{id: {id}, name: {name}, kind: national, domain: {id}.vn}}\n"
            for id, name in OUTLETS.items()
        ),
        encoding="utf-8",
    )
    return settings


def _outlet_options(page: str) -> list[str]:
    select = re.search(r'<select name="bao">(.*?)</select>', page, re.S)
    assert select is not None, page
    return [
        html.unescape(n)
        for n in re.findall(r'<option value="[^"]+"[^>]*>([^<]+)</option>', select.group(1))
    ]


def test_by_name_orders_as_a_vietnamese_dictionary() -> None:
    assert [name for _, name in by_name(OUTLETS)] == IN_ORDER
    assert by_name({"b": "Báo A", "a": "Báo A"}) == [("a", "Báo A"), ("b", "Báo A")]


@pytest.mark.parametrize("path", ["/hang-doi", "/tim-kiem?q=BHXH"])
def test_the_outlet_drop_down_is_in_alphabetical_order(client, path) -> None:
    """The seeded archive's outlets, which this sources.yaml lacks, are listed among them."""
    sign_in(client, "binh")
    shown = _outlet_options(client.get(path).text)
    assert shown == [*IN_ORDER[:5], "Báo Khác", "Báo Mẫu", *IN_ORDER[5:]]
