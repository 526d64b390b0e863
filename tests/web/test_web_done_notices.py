"""After a take from the queue ("Nhận xử lý") the queue comes back at the item's row and says it
was taken; after a status saved, the item page says which. Nothing is kept on the server: the
redirect names what was done, the page says it only while it is true, and a reload sends nothing."""

from __future__ import annotations

from html import escape

from index.base import Archive
from pressmon.review.workflow import Action
from pressmon.web.done_notice import done_target
from tests.web.test_web_queue_take import _take, _take_form


def test_a_take_leads_back_to_its_row_and_says_so(as_reviewer, archive: Archive) -> None:
    client, _ = as_reviewer
    form = _take_form(client.get("/hang-doi?xep=newest").text, "doc001")
    taken = _take(client, form)
    assert taken.status_code == 303
    location = taken.headers["location"]
    assert location == "/hang-doi?xep=newest&da_nhan=doc001#bai-doc001"
    document = archive.get("doc001")
    assert document is not None
    title = escape(document.title)  # it holds markup, shown as text
    shown = client.get(location.split("#")[0])
    assert 'id="bai-doc001"' in shown.text and "<script>alert" not in shown.text
    assert shown.text.count(f"Đã nhận xử lý bài «{title}».") == 1
    # The pager, the tabs and the next take carry the view, not the notice.
    assert "da_nhan" not in shown.text
    # Reloaded, the page is only read again: one take in the log.
    assert client.get(location.split("#")[0]).status_code == 200
    assert [e.action for e in archive.review_history("doc001")] == ["assign"]


def test_a_take_whose_row_left_the_view_is_said_above_the_list(as_reviewer) -> None:
    client, _ = as_reviewer
    form = _take_form(client.get("/hang-doi?nguoi=-").text, "doc001")
    location = _take(client, form).headers["location"]
    shown = client.get(location.split("#")[0]).text
    assert 'id="bai-doc001"' not in shown and "Đã nhận xử lý bài «" in shown


def test_the_notice_says_only_what_is_true(as_reviewer, as_lead) -> None:
    client, _ = as_reviewer
    # Not taken by this session: nothing said, whatever the address names.
    assert "Đã nhận xử lý" not in client.get("/hang-doi?da_nhan=doc001").text
    assert "Đã nhận xử lý" not in client.get("/hang-doi?da_nhan=%3Cscript%3E").text
    assert "Đã lưu trạng thái" not in client.get("/bai/doc001?da_luu=false").text
    assert "Đã lưu trạng thái" not in client.get("/bai/doc001?da_luu=%3Cb%3E").text


def test_a_saved_status_is_said_on_the_item_page(as_reviewer, archive: Archive) -> None:
    client, token = as_reviewer
    saved = client.post(
        "/bai/doc001/xu-ly",
        data={"csrf_token": token, "action": "status", "status": "in_progress", "seen": "0"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert saved.headers["location"] == "/bai/doc001?da_luu=in_progress#nhat-ky"
    shown = client.get("/bai/doc001?da_luu=in_progress").text
    assert "Đã lưu trạng thái “Đang xác minh”." in shown
    client.get("/bai/doc001?da_luu=in_progress")
    assert [e.action for e in archive.review_history("doc001")] == ["status"]


def test_done_target_keeps_the_queue_view_and_the_items_way_back() -> None:
    take = Action("assign", assignee="an")
    assert done_target("d1", take, "an", "/hang-doi", "") == "/hang-doi?da_nhan=d1#bai-d1"
    assert done_target("d1", Action("assign", assignee="binh"), "an", "/hang-doi", "") == (
        "/hang-doi"
    )
    status = Action("status", status="false")
    assert done_target("d1", status, "an", None, "quay_lai=%2Fhang-doi%3Fmuc%3Dhigh") == (
        "/bai/d1?da_luu=false&quay_lai=%2Fhang-doi%3Fmuc%3Dhigh#nhat-ky"
    )
    assert done_target("d1", Action("note", note="x"), "an", None, "") == "/bai/d1#nhat-ky"
