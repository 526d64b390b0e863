"""A kind is read by its code or by the name the pages show, in filters and input lines alike."""

from __future__ import annotations

import pytest

from pressmon.filters import KINDS, UnknownFilterValue, kind_code


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("provincial", "provincial"),
        ("Báo địa phương", "provincial"),
        ("bao dia phuong", "provincial"),
        ("BÁO NGÀNH", "sector"),
        ("Nguồn khác", "other"),  # the name without its parenthesis
        ("Nguồn khác (diễn đàn, mạng xã hội)", "other"),
    ],
)
def test_a_kind_is_read_by_its_code_or_its_name(typed: str, code: str) -> None:
    assert KINDS.resolve(typed).value == code
    assert kind_code(typed) == code


def test_an_unknown_kind_lists_each_code_with_its_name() -> None:
    with pytest.raises(UnknownFilterValue):
        KINDS.resolve("báo tỉnh")
    with pytest.raises(ValueError, match=r"'sector' \(Báo ngành\), 'national' \(Báo trung ương\)"):
        kind_code("báo tỉnh")
    assert kind_code(5) == 5  # not text: left for the line's own validation
