"""Every route, every parameter, hostile values, every role: never a 5xx.

Routes and their parameters (query, path, form, JSON body, including those of dependencies) are
read from the router, so a new route or parameter is walked without touching this file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from pressmon.web.app import routers
from pressmon.web.deps import CSRF_HEADER

# The values from issue 14 and their relatives: out-of-range dates, integers SQLite cannot hold,
# control characters, FTS5 syntax, markup, very long text.
HOSTILE = (
    "0001-01-01",
    "9999-12-31",
    "31/12/9999",
    "4611686018427387904",
    "-9223372036854775809",
    "1e309",
    "-1",
    "\x00",
    "tiêu đề\x1b[2J\x1b]0;x\x07",
    '" NOT OR (*',
    "<script>alert(1)</script>",
    "x" * 20_000,
)
# Valid values for the parameters not under test, so the hostile one is what the route sees.
BASELINE = {
    "document_id": "doc003",
    "username": "khong-co-ai",  # no such account: logging in or disabling touches nobody
    "action": "note",
    "note": "ghi chú kiểm thử",
    "password": "mat-khau-sai-0",
    "role": "reviewer",
}
ROLES = ("an", "binh", "chi")  # reviewer, lead, admin


@dataclass(frozen=True)
class Param:
    method: str
    path: str
    where: str  # query | path | form | json
    name: str


def _fields(dependant: Dependant) -> Iterator[tuple[str, str]]:
    for d in (dependant, *dependant.dependencies):
        if d is not dependant:
            yield from _fields(d)
            continue
        yield from (("query", f.alias) for f in d.query_params)
        yield from (("path", f.alias) for f in d.path_params)
        for f in d.body_params:
            model = f.field_info.annotation
            if isinstance(model, type) and issubclass(model, BaseModel):
                yield from (("json", name) for name in model.model_fields)
            else:
                yield ("form", f.alias)


def walk() -> list[Param]:
    """(method, path, parameter) for every parameter of every route of the app."""
    found = set()
    for router in routers():
        for route in router.routes:
            if not isinstance(route, APIRoute):
                continue
            for method in sorted(route.methods or ()):
                for where, name in _fields(route.dependant):
                    found.add(Param(method, route.path, where, name))
    return sorted(found, key=lambda p: (p.path, p.method, p.where, p.name))


PARAMS = walk()


def send(client, token: str, param: Param, value: str):
    path = param.path
    for name in ("document_id", "username"):
        segment = quote(value, safe="") if param.name == name else BASELINE[name]
        path = path.replace("{" + name + "}", segment or "%20", 1)
    query = {param.name: value} if param.where == "query" else {}
    body = {k: v for k, v in BASELINE.items() if k not in ("document_id",)}
    if param.where in ("form", "json"):
        body[param.name] = value
    headers = {CSRF_HEADER: token}
    if param.method == "GET":
        return client.get(path, params=query, headers=headers, follow_redirects=False)
    if param.where == "json" or path.startswith("/api/"):
        # The API refuses fields it does not have: only the action's, so the walked one is tested.
        body = {k: v for k, v in body.items() if k in ("action", "note", param.name)}
        return client.post(path, params=query, json=body, headers=headers, follow_redirects=False)
    return client.post(path, params=query, data=body, headers=headers, follow_redirects=False)


def test_the_walk_finds_the_parameters_from_the_issue() -> None:
    names = {(p.path, p.name) for p in PARAMS}
    for path in ("/tim-kiem", "/hang-doi", "/bao-phu", "/bao-cao.xlsx", "/api/counts"):
        assert {(path, "tu"), (path, "den")} <= names
    assert ("/hang-doi", "trang") in names and ("/api/search", "trang") in names
    assert ("/bai/{document_id}/xu-ly", "note") in names
    assert ("/api/items/{document_id}/decide", "note") in names


class Session:
    """One signed-in client per role; signs in again when a walked route signed it out."""

    def __init__(self, client, login, user: str) -> None:
        self.client, self.login, self.user = client, login, user
        self.token = login(client, user)

    def send(self, param: Param, value: str):
        response = send(self.client, self.token, param, value)
        if param.path == "/dang-xuat" and response.status_code == 303:
            self.token = self.login(self.client, self.user)
        return response


def _check(response, param: Param, value: str) -> None:
    assert response.status_code < 500, (param, value[:80], response.text[:300])


@pytest.mark.parametrize("user", ROLES)
def test_known_hostile_values_on_every_parameter(client, login, user: str) -> None:
    session = Session(client, login, user)
    for param in PARAMS:
        for value in HOSTILE:
            _check(session.send(param, value), param, value)


_values = st.one_of(
    st.text(max_size=60),
    st.integers().map(str),
    st.dates().map(str),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.sampled_from(HOSTILE),
)


@pytest.mark.parametrize("user", ROLES)
def test_random_values_on_every_parameter(client, login, user: str) -> None:
    session = Session(client, login, user)

    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
    @given(param=st.sampled_from(PARAMS), value=_values)
    def check(param: Param, value: str) -> None:
        _check(session.send(param, value), param, value)

    check()


@pytest.mark.parametrize(
    "url",
    [
        "/tim-kiem?tu=0001-01-01",
        "/hang-doi?den=9999-12-31",
        "/bao-phu?tu=01/01/1989",
        "/bao-cao.xlsx?den=2101-01-01",
        "/api/counts?tu=0001-01-01",
    ],
)
def test_dates_outside_1990_2100_are_refused_in_vietnamese(as_reviewer, url: str) -> None:
    client, _ = as_reviewer
    response = client.get(url)
    assert response.status_code == 400
    assert "nằm ngoài khoảng cho phép" in response.text


@pytest.mark.parametrize(
    ("url", "named"),
    [("/hang-doi?trang=4611686018427387904", "Trang"), ("/api/search?trang=0", "trang")],
)
def test_page_numbers_outside_the_range_are_refused(as_reviewer, url: str, named: str) -> None:
    client, _ = as_reviewer
    response = client.get(url)
    assert response.status_code == 422
    assert f"Dữ liệu gửi lên không hợp lệ: {named}: phải" in response.text  # a page: its label
    assert "Input should" not in response.text


def test_a_page_past_the_end_shows_the_last_page(as_reviewer) -> None:
    client, _ = as_reviewer
    last = client.get("/api/search", params={"q": "lương hưu", "xep": "date", "trang": 9000})
    assert last.status_code == 200 and last.json()["page"] == 1 and last.json()["hits"]
    queue = client.get("/api/queue", params={"trang": 9000}).json()
    assert queue["page"] == 1 and queue["items"]
