"""/api/items/{id}/decide refuses what the item page's forms refuse, the same way: a take of an
item someone took meanwhile, a decision from a stale read, another province's item, a conclusion
without a note."""

from __future__ import annotations

from typing import get_args

from fastapi.testclient import TestClient

from index.base import Archive
from pressmon.review.statuses import FOLLOW_UPS, STATUSES
from pressmon.web import AccountStore
from pressmon.web.routes.api import FollowUpCode, StatusCode
from tests.web.conftest import sign_in

DUNG = "matkhau-dung-4"


def _decide(client: TestClient, token: str, document_id: str, **decision: object):
    return client.post(
        f"/api/items/{document_id}/decide", json=decision, headers={"X-CSRF-Token": token}
    )


def _unassigned(client: TestClient, document_id: str) -> bool:
    rows = client.get("/api/queue").json()["items"]
    return next(r for r in rows if r["document"]["id"] == document_id)["assignee"] is None


def test_the_later_of_two_takes_through_the_api_is_refused(
    app, archive: Archive, accounts: AccountStore
) -> None:
    accounts.add("dung", DUNG, "reviewer", "Phạm Dung")
    an, dung = (TestClient(app, base_url="http://testserver") for _ in range(2))
    an_token, dung_token = sign_in(an, "an"), sign_in(dung, "dung", DUNG)
    assert _unassigned(an, "doc001") and _unassigned(dung, "doc001")

    take = {"action": "assign", "seen_unassigned": True}
    assert _decide(an, an_token, "doc001", assignee="an", **take).status_code == 200
    late = _decide(dung, dung_token, "doc001", assignee="dung", **take)
    assert late.status_code == 409
    assert late.headers["content-type"].startswith("application/json")
    assert late.json()["ok"] is False and late.json()["status"] == 409
    assert "Bài này đã được Nguyễn Văn An nhận xử lý" in late.json()["error"]
    assert [e.detail["assignee"] for e in archive.review_history("doc001")] == ["an"]
    assert accounts.assignees()["doc001"] == "an"


def test_a_take_through_the_api_goes_through_when_no_one_holds_the_item(
    as_reviewer, archive: Archive
) -> None:
    client, token = as_reviewer
    taken = _decide(client, token, "doc004", action="assign", assignee="an", seen_unassigned=True)
    assert taken.status_code == 200 and taken.json()["event"]["detail"]["assignee"] == "an"
    assert not _unassigned(client, "doc004")


def test_a_field_the_api_does_not_have_is_refused_not_ignored(as_lead, archive: Archive) -> None:
    client, token = as_lead
    assert _decide(client, token, "doc003", action="note", note="Đang xem.").status_code == 200
    misspelt = _decide(client, token, "doc003", action="note", note="Thêm.", seen_=0)
    assert misspelt.status_code == 422
    assert misspelt.json()["error"] == (
        "Dữ liệu gửi lên không hợp lệ: seen_: trường không có (viết sai, hoặc không có ở phiên "
        "bản này)"
    )
    assert len(archive.review_history("doc003")) == 1


def test_status_and_follow_up_codes_are_checked_as_codes(as_lead, archive: Archive) -> None:
    client, token = as_lead
    unknown = _decide(client, token, "doc003", action="status", status="sai", note="x")
    assert unknown.status_code == 422
    assert unknown.json()["error"].startswith(
        "Dữ liệu gửi lên không hợp lệ: status: phải là một trong: 'unstarted', 'in_progress'"
    )
    follow_up = _decide(client, token, "doc003", action="follow_up", follow_up="xoa", note="x")
    assert follow_up.status_code == 422 and "follow_up: phải là một trong" in follow_up.text
    for action, field in (("status", "status"), ("follow_up", "follow_up"), ("assign", "assignee")):
        missing = _decide(client, token, "doc003", action=action, note="x")
        assert missing.status_code == 422
        assert missing.json()["error"] == (
            f"Dữ liệu gửi lên không hợp lệ: thao tác “{action}” cần trường “{field}”"
        )
    assert archive.review_history("doc003") == ()


def test_the_api_names_the_workflows_codes() -> None:
    assert get_args(StatusCode) == STATUSES and get_args(FollowUpCode) == FOLLOW_UPS


def test_api_docs_list_the_codes_a_decision_takes(as_reviewer) -> None:
    client, _ = as_reviewer
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]["Decision"]
    assert schema["additionalProperties"] is False
    properties = schema["properties"]
    assert properties["status"]["anyOf"][0]["enum"] == list(STATUSES)
    assert properties["follow_up"]["anyOf"][0]["enum"] == list(FOLLOW_UPS)
    assert {"seen", "seen_unassigned", "note", "assignee"} <= set(properties)


def test_seen_beyond_the_items_log_is_refused_as_impossible(as_lead, archive: Archive) -> None:
    """No page ever showed more events than the log holds: refused, whether the log is empty."""
    client, token = as_lead
    for events in (0, 1):
        beyond = _decide(client, token, "doc003", action="note", note="x", seen=events + 1)
        assert beyond.status_code == 409
        assert beyond.json()["error"] == (
            f"Số sự kiện đã xem ({events + 1}) nhiều hơn số sự kiện trong nhật ký của bài "
            f"({events}): hãy đọc lại bài rồi thao tác lại."
        )
        assert _decide(client, token, "doc003", action="note", note="x", seen=events).is_success
    assert len(archive.review_history("doc003")) == 2


def test_stale_refusals_tell_an_api_client_what_to_do_not_that_a_page_reloaded(
    app, archive: Archive
) -> None:
    an, binh = (TestClient(app, base_url="http://testserver") for _ in range(2))
    an_token, binh_token = sign_in(an, "an"), sign_in(binh, "binh")
    seen = len(binh.get("/api/items/doc003").json()["history"])
    assert _decide(an, an_token, "doc003", action="status", status="in_progress").is_success
    stale = _decide(binh, binh_token, "doc003", action="note", note="Đã xem.", seen=seen)
    assert stale.status_code == 409
    assert stale.json()["error"] == (
        "Trong lúc bạn xem, an đã cập nhật bài này (Đổi trạng thái, trạng thái “Đang xác minh”). "
        "Hãy xem lại rồi thao tác lại."
    )
    take = {"action": "assign", "seen_unassigned": True}
    assert _decide(an, an_token, "doc001", assignee="an", **take).is_success
    late = _decide(binh, binh_token, "doc001", assignee="binh", **take)
    assert late.json()["error"] == (
        "Bài này đã được Nguyễn Văn An nhận xử lý trong lúc bạn xem hàng đợi. "
        "Hãy trao đổi với người đang xử lý trước khi nhận thay."
    )
    # The item page, shown again as it is now, says so.
    page = binh.post(
        "/bai/doc003/xu-ly",
        data={"csrf_token": binh_token, "action": "note", "note": "x", "seen": str(seen)},
    )
    assert page.status_code == 409 and "Trang đã được tải lại: hãy xem lại rồi thao tác lại." in (
        page.text
    )


def test_an_item_lists_the_choices_its_page_offers_this_account(client, login) -> None:
    token = login(client, "an")
    choices = client.get("/api/items/doc003").json()["choices"]
    assert choices == {
        "seen": 0,
        "statuses": ["in_progress", "false", "no_violation", "insufficient", "out_of_scope"],
        "follow_ups": [],
        "reopen": False,
        "escalate": False,
        "send_back": False,
        "assignees": ["an"],  # a reviewer takes items, it does not hand them out
        "note_required": ["false", "no_violation", "reported_to_leadership"],
    }
    decided = {"action": "status", "status": "false", "note": "Sai.", "seen": choices["seen"]}
    assert _decide(client, token, "doc003", **decided).is_success
    reported = {"follow_up": "reported_to_leadership", "note": "Đã báo cáo.", "seen": 1}
    assert _decide(client, token, "doc003", action="follow_up", **reported).is_success
    locked = client.get("/api/items/doc003").json()["choices"]
    assert (locked["seen"], locked["statuses"], locked["follow_ups"]) == (2, [], [])
    assert locked["reopen"] is False  # a reviewer may not reopen
    client.cookies.clear()
    login(client, "binh")
    lead = client.get("/api/items/doc003").json()["choices"]
    assert lead["reopen"] is True and lead["assignees"] == ["an", "binh", "chi"]
