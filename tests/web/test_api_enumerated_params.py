"""Every enumerated query parameter of the JSON API refuses a value that is none of its codes.

The routes and their parameters (dependencies' included) are read from the app, so a new API
route or parameter is checked without touching this file: an enumerated one (its schema has an
`enum`, or its type is a Literal) must refuse an unknown value with 400 naming the parameter,
the value and every code; any other one must be listed in NOT_ENUMERATED with what it takes.
The pages stay lenient and say what they ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, get_args, get_origin

import pytest
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from pressmon.web.app import routers
from pressmon.web.routes.api_docs import DOCS_PATH

# The API's query parameters that take no fixed set of codes, and how each is checked instead.
NOT_ENUMERATED = {
    "q": "search words",
    "bao": "an outlet named as typed: unknown → 400 with the closest names",
    "tinh": "a province named as typed: unknown → 400 with the closest names",
    "loai_hinh": "an outlet kind named as typed: unknown → 400 with the closest names",
    "chu_de": "a topic named as typed: unknown → 400 with the closest names",
    "nguoi": "a username (accounts change), or - for no one",
    "tu": "a date",
    "den": "a date",
    "trang": "a page number (422 out of range)",
    "cau_chuyen": "a story's id (story_id): an unknown one lists no item",
}
NAMED_FILTERS = ("bao", "tinh", "loai_hinh", "chu_de")
# Angle brackets, quotes and a control character: repeated only as harmless text.
UNKNOWN = 'conclued<b>"x\x07'
UNKNOWN_SHOWN = 'conclued<b>"x'


@dataclass(frozen=True)
class Param:
    method: str
    path: str
    name: str
    codes: tuple[str, ...]  # empty: not enumerated


def _codes(field) -> tuple[str, ...]:
    extra = field.field_info.json_schema_extra
    if isinstance(extra, dict) and "enum" in extra:
        return tuple(extra["enum"])
    annotation = field.field_info.annotation
    literals = [a for a in (annotation, *get_args(annotation)) if get_origin(a) is Literal]
    return tuple(code for a in literals for code in get_args(a))


def _query_fields(dependant: Dependant) -> Iterator:
    yield from dependant.query_params
    for sub in dependant.dependencies:
        yield from _query_fields(sub)


def api_routes() -> list[tuple[str, APIRoute]]:
    """(method, route) for every route of the JSON API (/api/docs is a page for people)."""
    return sorted(
        (
            (method, route)
            for router in routers()
            for route in router.routes
            if isinstance(route, APIRoute)
            and route.path.startswith("/api/")
            and route.path != DOCS_PATH
            for method in route.methods or ()
        ),
        key=lambda pair: (pair[1].path, pair[0]),
    )


def walk() -> list[Param]:
    found = {
        Param(method, route.path, field.alias, _codes(field))
        for method, route in api_routes()
        for field in _query_fields(route.dependant)
    }
    return sorted(found, key=lambda p: (p.path, p.method, p.name))


PARAMS = walk()
ENUMERATED = [p for p in PARAMS if p.codes]
GET_ROUTES = sorted({route.path for method, route in api_routes() if method == "GET"})


def _url(path: str) -> str:
    return path.replace("{document_id}", "doc003")


def _ids(html: str) -> list[str]:
    return re.findall(r'href="/bai/(doc\d+)[?"]', html)


def _refused(response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status
    return body["error"]


def test_the_walk_finds_every_enumerated_parameter_and_classifies_the_others() -> None:
    enumerated = {(p.path, p.name) for p in ENUMERATED}
    for name in ("loai", "muc", "trang_thai", "xep", "chuyen", "gop"):
        assert ("/api/queue", name) in enumerated
    for name in ("muc", "trang_thai", "xep", "danh_dau"):
        assert ("/api/search", name) in enumerated
    assert {("/api/counts", "group_by"), ("/api/counts", "interval")} <= enumerated
    unclassified = {(p.path, p.name) for p in PARAMS if not p.codes} - {
        (p.path, name) for p in PARAMS for name in NOT_ENUMERATED
    }
    # A new parameter is either enumerated (pressmon.web.choices.Choice) or listed above.
    assert not unclassified


@pytest.mark.parametrize("param", ENUMERATED, ids=lambda p: f"{p.path}?{p.name}")
def test_an_unknown_code_is_refused_naming_parameter_value_and_codes(as_reviewer, param) -> None:
    client, _ = as_reviewer
    assert param.method == "GET", param  # a write's choices are its body's, checked by pydantic
    error = _refused(client.get(_url(param.path), params={param.name: UNKNOWN}), 400)
    assert error.startswith(f"Tham số không hợp lệ: {param.name} «{UNKNOWN_SHOWN}» ")
    assert error.endswith("giá trị hợp lệ: " + ", ".join(param.codes))


@pytest.mark.parametrize("param", ENUMERATED, ids=lambda p: f"{p.path}?{p.name}")
def test_every_code_is_taken(as_reviewer, param) -> None:
    client, _ = as_reviewer
    for code in ("", *param.codes):
        response = client.get(_url(param.path), params={param.name: code})
        assert response.status_code == 200, (code, response.text)


def test_the_documentation_lists_each_parameters_codes(as_reviewer) -> None:
    client, _ = as_reviewer
    spec = client.get("/api/openapi.json").json()
    documented = {
        (path, p["name"]): tuple(p["schema"].get("enum", ()))
        for path, item in spec["paths"].items()
        for p in item.get("get", {}).get("parameters", [])
    }
    for param in ENUMERATED:
        assert documented[(param.path, param.name)] == param.codes


@pytest.mark.parametrize("name", NAMED_FILTERS)
def test_an_unknown_name_of_a_named_filter_is_refused(as_reviewer, name: str) -> None:
    client, _ = as_reviewer
    paths = sorted({p.path for p in PARAMS if p.name == name})
    assert paths
    for path in paths:
        error = _refused(client.get(path, params={name: "Atlantis"}), 400)
        assert error.startswith("Bộ lọc không hợp lệ: ") and "«Atlantis»" in error


@pytest.mark.parametrize("path", GET_ROUTES)
def test_a_query_parameter_the_route_does_not_take_is_refused(as_reviewer, path: str) -> None:
    """As a body field the API does not have: a misspelt name must not silently do nothing."""
    client, _ = as_reviewer
    error = _refused(client.get(_url(path), params={"stauts": "x", "trang_thay": "y"}), 422)
    assert error == (
        "Dữ liệu gửi lên không hợp lệ: "
        "stauts: trường không có (viết sai, hoặc không có ở phiên bản này); "
        "trang_thay: trường không có (viết sai, hoặc không có ở phiên bản này)"
    )


def test_the_queue_with_a_misspelt_status_is_refused_not_every_item(as_reviewer) -> None:
    client, _ = as_reviewer
    assert "status" in _refused(client.get("/api/queue", params={"status": "conclued"}), 422)
    error = _refused(client.get("/api/queue", params={"trang_thai": "conclued"}), 400)
    assert "«conclued»" in error and "unstarted, in_progress, false" in error


def test_a_write_with_a_query_parameter_it_does_not_take_changes_nothing(
    as_reviewer, archive
) -> None:
    client, token = as_reviewer
    response = client.post(
        "/api/items/doc003/decide",
        params={"seenn": "0"},
        json={"action": "note", "note": "x"},
        headers={"X-CSRF-Token": token},
    )
    assert "seenn: trường không có" in _refused(response, 422)
    assert archive.review_history("doc003") == ()


def test_a_long_unknown_value_is_cut_short_in_the_refusal(as_reviewer) -> None:
    client, _ = as_reviewer
    error = _refused(client.get("/api/queue", params={"muc": "x" * 150}), 400)
    assert f"muc «{'x' * 39}…»" in error


@pytest.mark.parametrize(
    "path,params,notice",
    [
        ("/hang-doi", {"trang_thai": "conclued"}, "Trạng thái «conclued»"),
        ("/hang-doi", {"muc": "nope"}, "Mức ưu tiên «nope»"),
        ("/hang-doi", {"xep": "nope"}, "Sắp xếp «nope»"),
        ("/hang-doi", {"loai": "C99"}, "Nhóm nội dung «C99»"),
        ("/hang-doi", {"chuyen": "nope"}, "Chuyển Trung tâm «nope»"),
        ("/tim-kiem", {"q": "lương hưu", "trang_thai": "conclued"}, "Trạng thái «conclued»"),
        ("/tim-kiem", {"q": "lương hưu", "xep": "nope"}, "Sắp xếp «nope»"),
    ],
)
def test_a_page_ignores_an_unknown_code_and_says_so(as_reviewer, path, params, notice) -> None:
    client, _ = as_reviewer
    shown = client.get(path, params=params)
    assert shown.status_code == 200
    assert f"{notice} không có trong danh sách, đã bỏ qua." in shown.text
    assert 'role="alert"' in shown.text
    # What is shown is what the default shows, with no notice there.
    default = client.get(path, params={k: v for k, v in params.items() if k == "q"})
    assert "đã bỏ qua" not in default.text
    assert _ids(shown.text) == _ids(default.text) and _ids(default.text)


def test_the_page_notice_escapes_the_value(as_reviewer) -> None:
    client, _ = as_reviewer
    page = client.get("/hang-doi", params={"trang_thai": "<script>alert(1)</script>"})
    assert page.status_code == 200
    assert "«&lt;script&gt;alert(1)&lt;/script&gt;» không có trong danh sách" in page.text
    assert "<script>alert(1)" not in page.text


DATED = sorted({(p.path, p.name) for p in PARAMS if p.name in ("tu", "den")})


def test_the_walk_finds_the_dated_routes() -> None:
    assert {("/api/queue", "tu"), ("/api/search", "den"), ("/api/counts", "tu")} <= set(DATED)


@pytest.mark.parametrize("path,name", DATED, ids=lambda v: str(v))
@pytest.mark.parametrize("typed", ["garbage", "31/02/2026", "2026-13-01"])
def test_an_unreadable_date_is_refused_not_every_date(as_reviewer, path, name, typed) -> None:
    """A page ignores it with a notice; a script given every date instead would not notice."""
    client, _ = as_reviewer
    error = _refused(client.get(_url(path), params={name: typed}), 400)
    assert f"«{typed}» không đọc được thành ngày" in error
    assert client.get(_url(path), params={name: "20/05/2026"}).status_code == 200


def test_a_page_still_ignores_an_unreadable_date_and_says_so(as_reviewer) -> None:
    client, _ = as_reviewer
    page = client.get("/hang-doi", params={"tu": "garbage"})
    assert page.status_code == 200
    assert "Ngày không hợp lệ (Từ ngày), đã bỏ qua." in page.text
