"""What an integrator sending a wrong request to /api gets: JSON `{ok: false, error, status}` with
a Vietnamese sentence saying what to fix, never an HTML page or a message with nothing in it."""

from __future__ import annotations

import pytest

JSON_HEADERS = {"Content-Type": "application/json"}


def _refused(response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["ok"] is False and body["status"] == status
    return body["error"]


@pytest.mark.parametrize(
    "content,headers",
    [
        (b'{"action": "note", "note": "x"}', {"Content-Type": "text/plain"}),
        (b'{"action": "note", "note": "x"}', {}),
        (b'["note", "x"]', JSON_HEADERS),
    ],
)
def test_a_body_that_is_not_a_json_object_is_named_as_such(
    as_reviewer, archive, content: bytes, headers: dict[str, str]
) -> None:
    client, token = as_reviewer
    response = client.post(
        "/api/items/doc003/decide", content=content, headers={"X-CSRF-Token": token, **headers}
    )
    error = _refused(response, 422)
    assert error == (
        "Dữ liệu gửi lên không hợp lệ: nội dung phải là một đối tượng JSON, "
        "gửi kèm Content-Type: application/json"
    )
    assert archive.review_history("doc003") == ()


def test_unreadable_json_says_where(as_reviewer) -> None:
    client, token = as_reviewer
    response = client.post(
        "/api/items/doc003/decide",
        content=b'{"action": "note", note: "x"}',
        headers={"X-CSRF-Token": token, **JSON_HEADERS},
    )
    assert _refused(response, 422) == (
        "Dữ liệu gửi lên không hợp lệ: nội dung không phải JSON hợp lệ (sai cú pháp ở ký tự thứ 20)"
    )


@pytest.mark.parametrize("headers", [{}, {"X-CSRF-Token": "sai-ma"}])
def test_a_write_without_the_csrf_header_says_where_the_token_goes(as_reviewer, headers) -> None:
    client, _ = as_reviewer
    response = client.post(
        "/api/items/doc003/decide", json={"action": "note", "note": "x"}, headers=headers
    )
    assert _refused(response, 403) == (
        "Yêu cầu không hợp lệ (thiếu hoặc sai mã CSRF). Gửi mã csrf_token của /api/me trong "
        "tiêu đề X-CSRF-Token."
    )
    page = client.post("/bai/doc003/xu-ly", data={"action": "note", "note": "x"})
    assert page.status_code == 403 and "Vui lòng tải lại trang." in page.text


@pytest.mark.parametrize("path", ["/api", "/api/", "/api/khong-co", "/api/items/doc003/khong-co"])
def test_no_such_api_address_is_a_json_404(client, login, path: str) -> None:
    for signed_in in (False, True):
        if signed_in:
            login(client, "an")
        assert _refused(client.get(path), 404) == "Không tìm thấy trang."


def test_a_method_the_api_route_does_not_take_is_a_json_405(as_reviewer) -> None:
    client, token = as_reviewer
    for response in (
        client.delete("/api/items/doc003", headers={"X-CSRF-Token": token}),
        client.get("/api/items/doc003/decide"),
        client.post("/api/me", headers={"X-CSRF-Token": token}),
    ):
        assert _refused(response, 405) == "Phương thức không được hỗ trợ."


def test_counts_read_filter_values_as_typed_and_refuse_unknown_ones(as_reviewer) -> None:
    """As /api/search: an unknown province is not silently counted as none."""
    client, _ = as_reviewer
    typed = client.get("/api/counts", params={"tinh": "Ha Noi", "bao": "Báo Mẫu"}).json()
    stored = client.get("/api/counts", params={"tinh": "Hà Nội", "bao": "baomau"}).json()
    assert typed == stored and stored["total"] == 4
    unknown = client.get("/api/counts", params={"tinh": "Atlantis"})
    assert _refused(unknown, 400).startswith(
        "Bộ lọc không hợp lệ: tỉnh/thành «Atlantis» không có trong danh sách"
    )
    forums = client.get("/api/counts", params={"loai_hinh": "other"}).json()
    assert forums["kinds"] == ["other"]


def test_queue_reads_filter_names_as_typed_and_refuses_unknown_ones(as_reviewer) -> None:
    """As /api/search and /api/counts: "Ha Noi", an outlet's name or an old province name find
    what the stored spelling finds, and an unknown one is refused, not an empty queue."""
    client, _ = as_reviewer

    def ids(params: dict[str, str]) -> list[str]:
        response = client.get("/api/queue", params=params)
        assert response.status_code == 200, response.text
        return [row["document"]["id"] for row in response.json()["items"]]

    stored = ids({"tinh": "Hà Nội", "bao": "baomau"})
    assert stored and ids({"tinh": "ha noi", "bao": "Báo Mẫu"}) == stored
    assert ids({"bao": "baomau.vn"}) == ids({"bao": "baomau"})
    assert ids({"tinh": "Soc Trang"}) == ids({"tinh": "Cần Thơ"}) == ["doc002"]
    unknown = client.get("/api/queue", params={"tinh": "Atlantis"})
    assert _refused(unknown, 400).startswith(
        "Bộ lọc không hợp lệ: tỉnh/thành «Atlantis» không có trong danh sách"
    )
    outlet = _refused(client.get("/api/queue", params={"bao": "Bao Mau Moi"}), 400)
    assert "cơ quan báo chí «Bao Mau Moi»" in outlet and "Báo Mẫu (baomau)" in outlet


def test_queue_page_reads_filter_names_as_typed_and_keeps_unknown_tiers_lenient(
    as_reviewer,
) -> None:
    """/hang-doi reads a typed province as the API does; an unknown tier, status or order still
    falls back to "all" / the default, as documented, and the page says so (the API refuses it:
    test_api_enumerated_params)."""
    client, _ = as_reviewer
    typed = client.get("/hang-doi", params={"tinh": "Can Tho", "muc": "nope", "xep": "nope"})
    assert typed.status_code == 200 and "doc002" in typed.text and "doc001" not in typed.text
    assert "Mức ưu tiên «nope» không có trong danh sách, đã bỏ qua." in typed.text
    refused = client.get("/hang-doi", params={"tinh": "Atlantis"})
    assert refused.status_code == 400 and "Atlantis" in refused.text


@pytest.mark.parametrize(
    "params,error",
    [
        (
            {"tu": "2026-01-01", "den": "2025-01-01"},
            "Khoảng ngày không hợp lệ: từ ngày 01/01/2026 sau đến ngày 01/01/2025.",
        ),
        ({"q": "!!!"}, "Câu tìm kiếm không có từ nào để tìm"),
    ],
)
def test_a_refused_search_says_why_once(as_reviewer, params: dict[str, str], error: str) -> None:
    """The search's own sentence, not under a second heading ("Truy vấn không hợp lệ: Khoảng
    ngày không hợp lệ: …")."""
    client, _ = as_reviewer
    said = _refused(client.get("/api/search", params=params), 400)
    assert said.startswith(error)
