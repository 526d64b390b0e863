"""Who may reach what: anonymous users, reviewers, leads, admins; every route is listed here."""

from __future__ import annotations

import asyncio

import pytest
from fastapi.routing import APIRoute
from starlette.routing import Route

from pressmon.web.app import routers

PUBLIC = {"/login", "/dang-nhap"}
# Every GET route with a concrete example path; a new route without an entry fails below.
GET_PAGES = {
    "/": "/",
    "/hang-doi": "/hang-doi",
    "/bai/{document_id}": "/bai/doc003",
    "/bai/{document_id}/nhat-ky.csv": "/bai/doc003/nhat-ky.csv",
    "/bai/{document_id}/ban-luu": "/bai/doc003/ban-luu",
    "/bao-phu": "/bao-phu",
    "/bao-phu.csv": "/bao-phu.csv",
    "/bao-phu.xlsx": "/bao-phu.xlsx",
    "/bao-cao": "/bao-cao",
    "/bao-cao.xlsx": "/bao-cao.xlsx",
    "/tim-kiem": "/tim-kiem?q=lương hưu",
    "/nguoi-dung": "/nguoi-dung",
    "/doi-mat-khau": "/doi-mat-khau",
    "/canh-bao": "/canh-bao",
    "/nhat-ky": "/nhat-ky",
    "/nhat-ky.csv": "/nhat-ky.csv",
    "/api/me": "/api/me",
    "/api/search": "/api/search?q=OTP",
    "/api/items/{document_id}": "/api/items/doc003",
    "/api/queue": "/api/queue",
    "/api/counts": "/api/counts?group_by=province",
    "/api/openapi.json": "/api/openapi.json",
    "/api/docs": "/api/docs",
}
HTML_UNDER_API = {"/api/docs"}  # a page for people: signed out, it goes to the sign-in page
POSTS = {
    "/dang-nhap": "/dang-nhap",
    "/dang-xuat": "/dang-xuat",
    "/bai/{document_id}/xu-ly": "/bai/doc003/xu-ly",
    "/nguoi-dung": "/nguoi-dung",
    "/nguoi-dung/{username}/khoa": "/nguoi-dung/an/khoa",
    "/nguoi-dung/{username}/mo-khoa-dang-nhap": "/nguoi-dung/an/mo-khoa-dang-nhap",
    "/nguoi-dung/{username}/mo-lai": "/nguoi-dung/an/mo-lai",
    "/nguoi-dung/{username}/vai-tro": "/nguoi-dung/an/vai-tro",
    "/nguoi-dung/{username}/dat-lai-mat-khau": "/nguoi-dung/an/dat-lai-mat-khau",
    "/doi-mat-khau": "/doi-mat-khau",
    "/canh-bao": "/canh-bao",
    "/api/items/{document_id}/decide": "/api/items/doc003/decide",
}
ADMIN_ONLY = {"/nguoi-dung"}
# README: leads (and admins) export and report; reviewers review.
LEADS_AND_ADMINS = {
    "/bao-phu.csv",
    "/bao-phu.xlsx",
    "/bao-cao",
    "/bao-cao.xlsx",
    "/nhat-ky",
    "/nhat-ky.csv",
}
ROLES = {"an": "reviewer", "binh": "lead", "chi": "admin"}


def _routes(app, method: str) -> set[str]:
    routes = [*app.routes, *(route for router in routers() for route in router.routes)]
    return {
        r.path for r in routes if isinstance(r, APIRoute | Route) and method in (r.methods or ())
    }


def test_every_route_is_listed(app) -> None:
    assert _routes(app, "GET") - PUBLIC == set(GET_PAGES)
    assert _routes(app, "POST") == set(POSTS)


@pytest.mark.parametrize("path", sorted(GET_PAGES.values()))
def test_anonymous_get_is_redirected_or_401(client, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    if path.startswith("/api/") and path not in HTML_UNDER_API:
        assert response.status_code == 401
        assert response.json()["ok"] is False
    else:
        assert response.status_code == 303
        assert response.headers["location"].startswith("/dang-nhap")


@pytest.mark.parametrize("path", sorted(set(POSTS.values()) - {"/dang-nhap"}))
def test_anonymous_post_is_refused(client, path: str) -> None:
    response = client.post(path, data={"action": "note", "note": "x"}, follow_redirects=False)
    assert response.status_code in (303, 401)
    assert response.status_code == (401 if path.startswith("/api/") else 303)


def test_static_assets_and_login_are_public(client) -> None:
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/dang-nhap").status_code == 200
    assert client.get("/login", follow_redirects=False).headers["location"] == "/dang-nhap"


@pytest.mark.parametrize("user", ["an", "binh", "chi"])
def test_signed_in_pages(client, login, user: str) -> None:
    login(client, user)
    for path in sorted(GET_PAGES.values()):
        response = client.get(path)
        allowed = not (path in ADMIN_ONLY and user != "chi") and not (
            path in LEADS_AND_ADMINS and ROLES[user] == "reviewer"
        )
        assert response.status_code == (200 if allowed else 403), path
        if not allowed:
            assert "không có quyền" in response.text


def test_reviewers_see_no_export_or_report_links(client, login) -> None:
    login(client, "an")
    page = client.get("/bao-phu").text
    assert not any(path in page for path in LEADS_AND_ADMINS)


def test_leads_see_the_export_and_report_links(client, login) -> None:
    login(client, "binh")
    page = client.get("/bao-phu").text
    audit = {"/nhat-ky", "/nhat-ky.csv"}  # the audit log links its own export
    assert all(path in page for path in LEADS_AND_ADMINS - audit)
    assert all(path in client.get("/nhat-ky").text for path in audit)


def test_redirect_after_login_keeps_the_page(client) -> None:
    response = client.get("/bai/doc003", follow_redirects=False)
    assert response.headers["location"] == "/dang-nhap?next=%2Fbai%2Fdoc003"
    assert 'name="next" value="/bai/doc003"' in client.get(response.headers["location"]).text


def test_login_never_redirects_off_site(client) -> None:
    form = client.get("/dang-nhap?next=//evil.example/x")
    assert 'name="next" value="/"' in form.text


def test_logout_ends_the_session(as_reviewer) -> None:
    client, token = as_reviewer
    assert (
        client.post("/dang-xuat", data={"csrf_token": token}, follow_redirects=False).status_code
        == 303
    )
    assert client.get("/api/me").status_code == 401


def test_session_cookie_flags(client) -> None:
    form = client.get("/dang-nhap")
    token = form.text.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post(
        "/dang-nhap",
        data={"username": "an", "password": "matkhau-an-1", "csrf_token": token},
        follow_redirects=False,
    )
    cookie = next(
        v for k, v in response.headers.multi_items() if k == "set-cookie" and "pm_session" in v
    )
    assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    assert "Secure" not in cookie  # plain http in tests; https requests get Secure


def test_secure_cookie_over_https(app) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(app, base_url="https://testserver")
    form = client.get("/dang-nhap")
    token = form.text.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post(
        "/dang-nhap",
        data={"username": "an", "password": "matkhau-an-1", "csrf_token": token},
        follow_redirects=False,
    )
    cookie = next(
        v for k, v in response.headers.multi_items() if k == "set-cookie" and "pm_session" in v
    )
    assert "Secure" in cookie


def test_disabled_user_loses_access(as_reviewer, accounts) -> None:
    client, _ = as_reviewer
    accounts.disable("an")
    assert client.get("/api/me").status_code == 401


def test_admin_manages_users(as_admin, accounts) -> None:
    client, token = as_admin
    response = client.post(
        "/nguoi-dung",
        data={
            "csrf_token": token,
            "username": "dung",
            "password": "matkhau-dung",
            "role": "reviewer",
            "display_name": "Phạm Dũng",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert "Phạm Dũng" in client.get("/nguoi-dung").text
    assert (
        client.post(
            "/nguoi-dung/dung/khoa", data={"csrf_token": token}, follow_redirects=False
        ).status_code
        == 303
    )
    assert accounts.get("dung").disabled
    bad = client.post(
        "/nguoi-dung",
        data={"csrf_token": token, "username": "x", "password": "ngan", "role": "reviewer"},
    )
    assert bad.status_code == 400 and "Không tạo được tài khoản" in bad.text


@pytest.mark.parametrize("user", ["an", "binh"])
def test_only_admin_manages_users(client, login, accounts, user: str) -> None:
    token = login(client, user)
    add = client.post(
        "/nguoi-dung",
        data={"csrf_token": token, "username": "dung", "password": "matkhau-dung", "role": "admin"},
    )
    assert add.status_code == 403
    assert client.post("/nguoi-dung/an/khoa", data={"csrf_token": token}).status_code == 403
    assert accounts.get("dung") is None and not accounts.get("an").disabled


def test_create_app_defaults_to_the_state_database(settings, archive, login) -> None:
    from argon2 import PasswordHasher
    from fastapi.testclient import TestClient

    from pressmon.web import AccountStore, create_app

    AccountStore(
        settings.archive.state_path, hasher=PasswordHasher(time_cost=1, memory_cost=1024)
    ).add("an", "matkhau-an-1", "reviewer")
    app = create_app(
        settings.model_copy(
            update={"web": settings.web.model_copy(update={"session_secret": None})}
        ),
        archive=archive,
    )
    client = TestClient(app)
    login(client, "an")
    assert client.get("/hang-doi").status_code == 200
    assert app.openapi()["paths"].keys() >= {
        "/api/search",
        "/api/queue",
        "/api/items/{document_id}/decide",
    }


def _get_routes(app) -> list[str]:
    return sorted(
        r.path for r in app.routes if isinstance(r, APIRoute | Route) and "GET" in (r.methods or ())
    )


def _head_headers(response) -> dict[str, str]:
    """The headers a HEAD must repeat; the session cookie is renewed on every request."""
    return {k: v for k, v in response.headers.items() if k not in ("set-cookie", "date")}


@pytest.mark.parametrize("user", [None, "chi"])  # signed out, and the admin who sees every page
def test_every_get_route_answers_head_as_get_without_a_body(app, client, login, user) -> None:
    if user:
        login(client, user)
    for path in [*_get_routes(app), "/static/style.css"]:
        example = GET_PAGES.get(path, path)
        get = client.get(example, follow_redirects=False)
        head = client.head(example, follow_redirects=False)
        assert head.status_code == get.status_code, path
        assert _head_headers(head) == _head_headers(get), path
        assert head.content == b"", path


def test_head_drops_the_body_the_app_would_send(app) -> None:
    """The body is dropped by the app itself, not left to the server or client."""
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "HEAD",
        "scheme": "http",
        "path": "/dang-nhap",
        "raw_path": b"/dang-nhap",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    asyncio.run(app(scope, receive, send))
    start, *bodies = sent
    assert start["status"] == 200
    assert int(dict(start["headers"])[b"content-length"]) > 0
    assert bodies and all(message["body"] == b"" for message in bodies)


def test_head_on_a_route_without_get_is_still_refused(client) -> None:
    assert client.head("/dang-xuat").status_code == 405
