"""Decisions through the pages and the API: audit entries, locking, reopening, assignment."""

from __future__ import annotations

import csv
import io


def act(client, token: str, doc: str = "doc003", **form: str):
    return client.post(
        f"/bai/{doc}/xu-ly", data={"csrf_token": token, **form}, follow_redirects=False
    )


def test_reviewer_decides_with_a_note_and_the_audit_shows_it(as_reviewer, archive, clock) -> None:
    client, token = as_reviewer
    assert act(client, token, action="status", status="in_progress").status_code == 303
    response = act(
        client, token, action="status", status="false", note="Đã đối chiếu thông cáo của BHXH"
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/bai/doc003?da_luu=false#nhat-ky"
    history = archive.review_history("doc003")
    assert [(e.action, e.status_before, e.status_after, e.actor) for e in history] == [
        ("status", "unstarted", "in_progress", "an"),
        ("status", "in_progress", "false", "an"),
    ]
    assert history[-1].note == "Đã đối chiếu thông cáo của BHXH" and history[-1].at == clock.now
    assert archive.get("doc003").review_status == "false"
    page = client.get("/bai/doc003").text
    assert "Đã đối chiếu thông cáo của BHXH" in page and "20/05/2026 10:00" in page  # UTC+7
    assert "Đang xác minh → <b>Sai sự thật</b>" in page


def test_report_to_leadership_locks_until_a_lead_reopens(client, login, archive) -> None:
    token = login(client, "an")
    act(client, token, action="status", status="false", note="Trái với thông cáo")
    assert (
        act(client, token, action="follow_up", follow_up="correction_requested").status_code == 303
    )
    assert (
        act(
            client, token, action="follow_up", follow_up="reported_to_leadership", note="Tuần 20"
        ).status_code
        == 303
    )
    page = client.get("/bai/doc003").text
    assert "Đã khoá" in page and 'value="reopen"' not in page  # no reopen form for a reviewer

    refused = act(client, token, action="status", status="no_violation")
    assert refused.status_code == 409 and "đã khoá" in refused.text
    reviewer_reopen = act(client, token, action="reopen", note="Tôi muốn sửa")
    assert reviewer_reopen.status_code == 403 and "Chỉ lãnh đạo" in reviewer_reopen.text

    token = login(client, "binh")
    assert 'value="reopen"' in client.get("/bai/doc003").text
    assert act(client, token, action="reopen").status_code == 409  # a reason is required
    assert act(client, token, action="reopen", note="Toà soạn đã đăng cải chính").status_code == 303
    decided = act(client, token, action="status", status="no_violation", note="Đã cải chính")
    assert decided.status_code == 303

    history = archive.review_history("doc003")
    assert [e.action for e in history] == ["status", "follow_up", "follow_up", "reopen", "status"]
    reopen = history[3]
    assert (reopen.actor, reopen.status_before, reopen.status_after) == (
        "binh",
        "false",
        "in_progress",
    )
    assert reopen.detail["reason"] == "Toà soạn đã đăng cải chính"
    assert history[1].detail == {"follow_up": "correction_requested"}


def test_assignment_is_audited_and_filters_the_queue(client, login, archive) -> None:
    token = login(client, "an")
    assert (
        act(client, token, action="assign", assignee="binh").status_code == 403
    )  # reviewers take items only
    assert (
        act(client, token, action="assign", assignee="an", next="/hang-doi").headers["location"]
        == "/hang-doi?da_nhan=doc003#bai-doc003"
    )
    token = login(client, "binh")
    assert act(client, token, doc="doc002", action="assign", assignee="an").status_code == 303
    assert act(client, token, doc="doc002", action="assign", assignee="khong-co").status_code == 409
    events = archive.review_history("doc002")
    assert [(e.action, e.actor, e.detail["assignee"]) for e in events] == [("assign", "binh", "an")]
    mine = client.get("/api/queue?nguoi=an").json()
    assert {i["document"]["id"] for i in mine["items"]} == {"doc002", "doc003"}
    unassigned = client.get("/api/queue?nguoi=-").json()
    assert {i["document"]["id"] for i in unassigned["items"]} == {"doc001", "doc004"}


def test_audit_log_exports_as_csv(as_reviewer) -> None:
    client, token = as_reviewer
    act(client, token, action="note", note='=HYPERLINK("http://x")')  # stays text in a spreadsheet
    act(client, token, action="status", status="insufficient", note="Thiếu nguồn")
    response = client.get("/bai/doc003/nhat-ky.csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert rows[0][:4] == ["Mã bài", "Thời gian", "Người thực hiện", "Thao tác"]
    assert rows[1][6].startswith("'=")
    assert rows[2][3:7] == ["Đổi trạng thái", "Chưa xử lý", "Chưa đủ căn cứ", "Thiếu nguồn"]


def test_api_decide_flow(as_lead, archive) -> None:
    client, token = as_lead
    headers = {"X-CSRF-Token": token}
    ok = client.post(
        "/api/items/doc001/decide",
        json={"action": "status", "status": "out_of_scope", "note": "Bài cảnh báo"},
        headers=headers,
    )
    event = ok.json()["event"]
    assert ok.status_code == 200 and event["status_after"] == "out_of_scope"
    assert (event["status_before_label"], event["status_after_label"]) == (
        "Chưa xử lý",
        "Không thuộc phạm vi",
    )
    again = client.post(
        "/api/items/doc001/decide",
        json={"action": "status", "status": "out_of_scope"},
        headers=headers,
    )
    assert again.status_code == 409 and "đã ở trạng thái" in again.json()["error"]
    bad = client.post("/api/items/doc001/decide", json={"action": "xoa"}, headers=headers)
    assert bad.status_code == 422
    item = client.get("/api/items/doc001").json()
    assert item["state"]["status"] == "out_of_scope" and len(item["history"]) == 1
    assert item["state"]["status_label"] == "Không thuộc phạm vi"
    assert item["document"]["review_status_label"] == "Không thuộc phạm vi"
    assert item["document"]["tier_label"] == "cần xem ngay"


def test_queue_orders_by_tier_then_risk_and_counts_statuses(as_reviewer) -> None:
    client, token = as_reviewer
    act(client, token, doc="doc004", action="status", status="in_progress")
    data = client.get("/api/queue").json()
    assert [i["document"]["id"] for i in data["items"]] == ["doc001", "doc003", "doc002", "doc004"]
    assert data["status_counts"]["unstarted"] == 3 and data["status_counts"]["in_progress"] == 1
    assert data["status_labels"]["in_progress"] == "Đang xác minh"
    assert data["items"][0]["document"]["tier_label"] == "cần xem ngay"
    only = client.get("/api/queue?trang_thai=in_progress").json()
    assert [i["document"]["id"] for i in only["items"]] == ["doc004"] and only["status_counts"][
        "unstarted"
    ] == 3
    assert [i["document"]["id"] for i in client.get("/api/queue?tinh=Cần Thơ").json()["items"]] == [
        "doc002"
    ]
    assert [i["document"]["id"] for i in client.get("/api/queue?loai=C5").json()["items"]] == [
        "doc002"
    ]
    assert [i["document"]["id"] for i in client.get("/api/queue?bao=baokhac").json()["items"]] == [
        "doc002"
    ]
    uncertain = client.get("/api/queue?xep=uncertain").json()["items"]
    assert uncertain[0]["document"]["id"] == "doc004"  # uncertainty 0.4, the highest seeded
    dated = client.get("/api/queue?tu=2026-05-18&den=2026-05-20").json()["items"]
    assert {i["document"]["id"] for i in dated} == {"doc001", "doc002"}
    html = client.get("/hang-doi").text
    assert "Nhận xử lý" in html and "tier-urgent" in html
    assert '<span class="tier tier-urgent">Cần xem ngay</span>' in html
    assert '<span class="status st-progress">Đang xác minh</span>' in html
    assert '<option value="urgent" >Cần xem ngay</option>' in html


def test_similar_decided_items_are_shown(client, login, archive) -> None:
    token = login(client, "an")
    act(client, token, doc="doc004", action="status", status="false", note="Giả mạo")
    page = client.get("/bai/doc003").text
    section = page.split("Bài tương tự đã có kết luận")[1].split("</section>")[0]
    assert "/bai/doc004" in section and "/bai/doc003" not in section


def test_conclusions_need_a_note_in_the_form_and_the_api(as_reviewer, archive) -> None:
    client, token = as_reviewer
    refused = act(client, token, action="status", status="false", note="   ")
    assert refused.status_code == 422
    assert "Cần ghi chú lý do khi chọn “Sai sự thật”" in refused.text
    api = client.post(
        "/api/items/doc003/decide",
        json={"action": "status", "status": "no_violation"},
        headers={"X-CSRF-Token": token},
    )
    assert api.status_code == 422
    assert api.json()["error"] == "Cần ghi chú lý do khi chọn “Không vi phạm”."
    assert not archive.review_history("doc003")  # nothing recorded without the reason

    assert act(client, token, action="status", status="insufficient").status_code == 303
    report = act(client, token, action="follow_up", follow_up="reported_to_leadership")
    assert report.status_code == 422 and "Đã báo cáo lãnh đạo" in report.text
    assert [e.action for e in archive.review_history("doc003")] == ["status"]
