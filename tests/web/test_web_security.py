"""Hostile content is inert, CSRF is enforced, login attempts are rate limited."""

from __future__ import annotations

import pytest

RAW_ATTACKS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


@pytest.mark.parametrize(
    "path",
    [
        "/bai/doc001",
        "/hang-doi",
        "/tim-kiem?q=giả mạo",
        "/tim-kiem?q=lương hưu",
        "/bao-cao?tu=2026-04-01&den=2026-05-31",
    ],
)
def test_hostile_article_is_escaped(as_reviewer, path: str) -> None:
    client, _ = as_reviewer
    html = client.get(path).text
    for attack in RAW_ATTACKS:
        assert attack not in html
    assert "<img src=x" not in html and "<script>alert" not in html


def test_item_page_shows_escaped_text_and_highlights(as_reviewer) -> None:
    client, _ = as_reviewer
    html = client.get("/bai/doc001").text
    assert "Cảnh báo &lt;script&gt;alert(1)&lt;/script&gt; giả mạo BHXH" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    # The sentence's evidence and the matched claim's (split into phrases) stand side by side:
    # one mark, as adjacent marks are in search results.
    assert "<mark>tự xưng cán bộ BHXH yêu cầu cung cấp mã OTP</mark>" in html
    assert 'rel="noopener noreferrer nofollow"' in html
    assert 'href="javascript:' not in html  # the known claim's hostile source link is dropped
    assert 'href="https://bhxh.example/dinh-chinh"' in html and "Mức khớp: cao" in html


def test_api_returns_raw_text_as_json_data(as_reviewer) -> None:
    client, _ = as_reviewer
    data = client.get("/api/items/doc001").json()
    assert data["document"]["title"].startswith(
        "Cảnh báo <script>"
    )  # data, not markup: JSON is not HTML
    assert client.get("/api/items/doc001").headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("token", [None, "", "sai-ma"])
def test_form_post_without_the_right_csrf_token_is_403(as_reviewer, archive, token) -> None:
    client, _ = as_reviewer
    data = {"action": "status", "status": "in_progress"}
    if token is not None:
        data["csrf_token"] = token
    response = client.post("/bai/doc003/xu-ly", data=data)
    assert response.status_code == 403
    assert "CSRF" in response.text
    assert archive.review_history("doc003") == ()


@pytest.mark.parametrize("headers", [{}, {"X-CSRF-Token": "sai-ma"}])
def test_api_post_without_the_right_csrf_header_is_403(as_reviewer, archive, headers) -> None:
    client, _ = as_reviewer
    response = client.post(
        "/api/items/doc003/decide", json={"action": "note", "note": "x"}, headers=headers
    )
    assert response.status_code == 403 and response.json()["ok"] is False
    assert archive.review_history("doc003") == ()


def test_api_ignores_a_form_field_token(as_reviewer, archive) -> None:
    client, token = as_reviewer
    response = client.post(
        "/api/items/doc003/decide", data={"csrf_token": token, "action": "note", "note": "x"}
    )
    assert response.status_code == 403


def test_csrf_token_of_another_session_is_refused(app, login, archive) -> None:
    from fastapi.testclient import TestClient

    first, second = TestClient(app), TestClient(app)
    token_first = login(first, "an")
    login(second, "binh")
    response = second.post(
        "/api/items/doc003/decide",
        json={"action": "note", "note": "x"},
        headers={"X-CSRF-Token": token_first},
    )
    assert response.status_code == 403


def test_login_form_itself_needs_its_token(client) -> None:
    response = client.post("/dang-nhap", data={"username": "an", "password": "matkhau-an-1"})
    assert response.status_code == 403
    assert client.get("/api/me").status_code == 401


def test_unknown_document_is_404_page_and_json(as_reviewer) -> None:
    client, _ = as_reviewer
    assert client.get("/bai/khong-co").status_code == 404
    response = client.get("/api/items/khong-co")
    assert response.status_code == 404 and response.json() == {
        "ok": False,
        "error": "Không tìm thấy bài viết.",
        "status": 404,
    }


def test_pages_forbid_scripts_and_framing(as_reviewer) -> None:
    client, _ = as_reviewer
    headers = client.get("/bai/doc001").headers
    assert "script-src 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
    assert "script-src 'none'" in client.get("/dang-nhap").headers["content-security-policy"]


def test_unexpected_errors_get_a_vietnamese_page(app, archive, login) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(app, raise_server_exceptions=False)
    login(client, "an")
    archive.close()  # the archive fails under the running app
    response = client.get("/hang-doi")
    assert response.status_code == 500 and "Lỗi hệ thống" in response.text
    assert client.get("/api/queue").json()["status"] == 500


def test_malformed_flag_details_still_render(as_reviewer, archive) -> None:
    client, _ = as_reviewer
    doc = archive.get("doc004")
    from dataclasses import replace

    archive.upsert(
        [
            replace(
                doc,
                flag_details={
                    "reasons": [
                        "chuỗi trần",
                        {"kind": "term", "weight": "nặng", "detail": ["x"]},
                        5,
                    ],
                    "known_claims": "không phải danh sách",
                },
            )
        ]
    )
    page = client.get("/bai/doc004")
    assert page.status_code == 200 and "chuỗi trần" in page.text
