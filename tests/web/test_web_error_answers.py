"""Every error the web app answers from its table (`pressmon.web.app._ANSWERS`): the status and the
sentence a client reads. A row per error; an error added to the table without its row fails."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from index.errors import BackendUnavailable, DocumentNotFound, QueryError
from pressmon.filters import UnknownFilterValue
from pressmon.review.errors import NoteRequired, RoleForbidden, WorkflowError
from pressmon.web.app import _ANSWERS, _install_error_handlers
from pressmon.web.errors import AccountNotFound, BadParameter, PermissionDenied

ROWS: list[tuple[Exception, int, str]] = [
    (PermissionDenied("Chỉ quản trị viên được làm việc này."), 403, "Chỉ quản trị viên"),
    (RoleForbidden("Vai trò này không được kết luận."), 403, "không được kết luận"),
    (AccountNotFound("lan"), 404, "Không tìm thấy người dùng."),
    (BadParameter("Trang phải từ 1 trở lên."), 400, "Trang phải từ 1 trở lên."),
    (QueryError("Khoảng ngày không hợp lệ: từ sau đến"), 400, "Khoảng ngày không hợp lệ"),
    (UnknownFilterValue("tỉnh", "Hà Nọi", ["Hà Nội"]), 400, "Bộ lọc không hợp lệ: tỉnh «Hà Nọi»"),
    (NoteRequired("Cần ghi chú khi kết luận."), 422, "Cần ghi chú"),
    (WorkflowError("Mục này đã được kết luận."), 409, "đã được kết luận"),
    (DocumentNotFound("abc"), 404, "Không tìm thấy bài viết."),
    (BackendUnavailable("kết nối bị từ chối"), 503, "Kho dữ liệu tạm thời không truy cập được"),
]


def _client(error: Exception) -> TestClient:
    app = FastAPI()
    _install_error_handlers(app)

    @app.get("/api/loi")
    def _raise() -> None:
        raise error

    return TestClient(app, raise_server_exceptions=False)


def test_every_answered_error_has_a_row() -> None:
    assert {type(error) for error, _, _ in ROWS} == set(_ANSWERS)


@pytest.mark.parametrize(
    ("error", "status", "said"), ROWS, ids=[type(e).__name__ for e, _, _ in ROWS]
)
def test_an_answered_error_gives_its_status_and_sentence(
    error: Exception, status: int, said: str
) -> None:
    response = _client(error).get("/api/loi")
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and body["status"] == status
    assert said in body["error"]
