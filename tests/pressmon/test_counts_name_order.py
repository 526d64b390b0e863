"""`pressmon counts --by …` lists groups with equal totals in Vietnamese alphabetical order of
the names it shows: a province starting with Đ sits between D and E (not after Y, where its
code point puts it), and outlets follow their names, not their ids."""

from __future__ import annotations

from datetime import date

from index.types import CountTable
from pressmon.cli.output import counts_text

WEEK = (date(2026, 3, 2),)


def _first_column(text: str) -> list[str]:
    body = text.splitlines()[2:-1]  # past the heading and its rule, before the total line
    return [line.rsplit(maxsplit=2)[0].strip() for line in body]


def test_provinces_tied_sort_with_d_stroke_after_d() -> None:
    rows = {"Đà Nẵng": (2,), "Yên Bái": (2,), "Cà Mau": (2,), "Điện Biên": (5,), "Ê Đê": (2,)}
    table = CountTable(buckets=WEEK, rows=rows, interval="week", group_by="province")
    shown = _first_column(counts_text(table))
    assert shown == ["Điện Biên", "Cà Mau", "Đà Nẵng", "Ê Đê", "Yên Bái"]


def test_outlets_tied_sort_by_their_names_not_ids() -> None:
    rows = {"aa": (1,), "zz": (1,), "mm": (1,)}
    names = {"aa": "Tờ Tin Sớm", "zz": "Báo Ánh Sáng", "mm": "Đài Phát Thanh Mẫu"}
    table = CountTable(buckets=WEEK, rows=rows, interval="week", group_by="outlet")
    assert _first_column(counts_text(table, names)) == [
        "Báo Ánh Sáng",
        "Đài Phát Thanh Mẫu",
        "Tờ Tin Sớm",
    ]
