"""A single-valued query parameter sent twice (`tinh=A&tinh=B`): FastAPI reads the last and
drops the first without a word, so the API filtered by B alone. Every API route refuses it
(400, naming the parameter); a page reads the last value, as its links do, and says so.

Which parameters take one value is read from the routes, so a new one is checked here unasked.
"""

from __future__ import annotations

import re

import pytest

from pressmon.web.repeated_params import _takes_many
from tests.web.test_api_enumerated_params import _query_fields, _refused, _url, api_routes

# Two values each single-valued parameter takes (an enumerated one: two of its codes).
TWO_VALUES = {
    "q": ("lương", "hưu"),
    "bao": ("baomau", "baokhac"),
    "tinh": ("Hà Nội", "Cần Thơ"),
    "loai_hinh": ("national", "provincial"),
    "chu_de": ("bhyt", "luong_huu_chi_tra"),
    "nguoi": ("an", "-"),
    "tu": ("01/01/2024", "01/01/2025"),
    "den": ("01/01/2027", "01/01/2028"),
    "trang": ("1", "2"),
    "cau_chuyen": ("s-mot", "s-hai"),
}
# (path, name, codes) of every single-valued query parameter of a GET route of the API.
SINGLE = sorted(
    {
        (route.path, field.alias, tuple((field.field_info.json_schema_extra or {}).get("enum", ())))
        for method, route in api_routes()
        for field in _query_fields(route.dependant)
        if method == "GET" and not _takes_many(field.field_info.annotation)
    }
)


def test_the_walk_finds_the_single_valued_parameters() -> None:
    found = {(path, name) for path, name, _codes in SINGLE}
    assert {("/api/search", "tinh"), ("/api/search", "xep"), ("/api/queue", "trang_thai")} <= found
    assert ("/api/counts", "tinh") not in found  # a list: tinh=A&tinh=B is both
    assert all(codes or name in TWO_VALUES for _path, name, codes in SINGLE)


@pytest.mark.parametrize(("path", "name", "codes"), SINGLE, ids=lambda v: str(v))
def test_a_single_valued_parameter_sent_twice_is_refused_naming_it(
    as_reviewer, path: str, name: str, codes: tuple[str, ...]
) -> None:
    client, _ = as_reviewer
    first, second = (codes[0], codes[-1]) if codes else TWO_VALUES[name]
    params = [(name, first), (name, second)]
    error = _refused(client.get(_url(path), params=params), 400)
    assert error == f"Tham số chỉ nhận một giá trị nhưng được gửi nhiều lần: {name}"


def test_the_search_by_two_provinces_is_refused_not_by_the_last(as_reviewer) -> None:
    client, _ = as_reviewer
    both = client.get("/api/search", params=[("tinh", "Hà Nội"), ("tinh", "Cần Thơ")])
    assert "tinh" in _refused(both, 400)
    # A list parameter takes every value it is sent.
    counts = client.get("/api/counts", params=[("tinh", "Hà Nội"), ("tinh", "Cần Thơ")])
    assert counts.status_code == 200, counts.text


def test_a_page_reads_the_last_value_and_says_so(as_reviewer) -> None:
    client, _ = as_reviewer
    page = client.get("/tim-kiem", params=[("tinh", "<b>Hà Nội"), ("tinh", "Cần Thơ")])
    assert page.status_code == 200
    assert "Tham số «tinh» được gửi 2 lần; chỉ dùng giá trị sau cùng «Cần Thơ»." in page.text
    last = client.get("/tim-kiem", params={"tinh": "Cần Thơ"})
    assert "được gửi" not in last.text
    assert re.findall(r'href="/bai/(doc\d+)"', page.text) == re.findall(
        r'href="/bai/(doc\d+)"', last.text
    )
    queue = client.get("/hang-doi", params=[("xep", "nope"), ("xep", "date")])
    assert "Tham số «xep» được gửi 2 lần" in queue.text
