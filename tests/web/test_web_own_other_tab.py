"""A reviewer acting from an item page made before their own different action from another tab
is still refused (409, nothing recorded), but told it was their own change, not named as if they
were someone else, and so is an API client sending an old `seen`; anyone else's change since is
worded as before and named."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import sign_in

OWN = (
    "Trong lúc trang này mở, chính bạn đã cập nhật bài này ở một trang khác "
    "(Đổi trạng thái, trạng thái “Đang xác minh”)."
)
IN_PROGRESS = {"action": "status", "status": "in_progress", "note": ""}
NOTE = {"action": "note", "note": "Đã gọi tòa soạn."}


def _post(client: TestClient, token: str, **form: str):
    return client.post(
        "/bai/doc003/xu-ly", data={"csrf_token": token, **form}, follow_redirects=False
    )


def _decide(client: TestClient, token: str, **decision: object):
    return client.post("/api/items/doc003/decide", json=decision, headers={"X-CSRF-Token": token})


def test_a_note_from_a_tab_opened_before_ones_own_status_change(client, archive) -> None:
    token = sign_in(client, "an")
    assert _post(client, token, seen="0", **IN_PROGRESS).status_code == 303  # tab A
    stale = _post(client, token, seen="0", **NOTE)  # tab B, opened before
    assert stale.status_code == 409
    assert f"{OWN} Trang đã được tải lại: xem lại rồi gửi lại nếu vẫn cần." in stale.text
    assert "an đã cập nhật" not in stale.text
    assert 'value="Đã gọi tòa soạn."' in stale.text  # the note typed, kept to send again
    assert [e.action for e in archive.review_history("doc003")] == ["status"]


def test_the_api_says_the_account_itself_updated_the_item_since_seen(client, archive) -> None:
    """An API client has no tabs: it is told its own account acted after the `seen` it sent, not
    named as if someone else (status and fields as for any stale action)."""
    token = sign_in(client, "an")
    assert _decide(client, token, seen=0, **IN_PROGRESS).status_code == 200
    stale = _decide(client, token, seen=0, **NOTE)
    assert stale.status_code == 409
    assert stale.json() == {
        "ok": False,
        "error": "Kể từ lần xem đã gửi (seen = 0), chính tài khoản này đã cập nhật bài này "
        "(Đổi trạng thái, trạng thái “Đang xác minh”). Hãy xem lại rồi gửi lại nếu vẫn cần.",
        "status": 409,
    }
    assert len(archive.review_history("doc003")) == 1


def test_someone_elses_change_among_ones_own_is_the_one_named(app, archive) -> None:
    an, binh = (TestClient(app, base_url="http://testserver") for _ in range(2))
    an_token, binh_token = sign_in(an, "an"), sign_in(binh, "binh")
    assert _post(binh, binh_token, **NOTE).status_code == 303
    assert _post(an, an_token, seen="1", **IN_PROGRESS).status_code == 303  # an's own, latest
    stale = _post(an, an_token, seen="0", action="note", note="Chờ trả lời.")
    assert stale.status_code == 409
    assert "Trong lúc bạn xem, binh đã cập nhật bài này (Ghi chú," in stale.text
    assert "chính bạn" not in stale.text and "an đã cập nhật" not in stale.text
    assert len(archive.review_history("doc003")) == 2
