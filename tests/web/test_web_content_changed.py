"""Items edited at their source after a decision, as reviewers see them: the marker in the queue
(first in their tier) and next to the decision panel, the system's event in the log, a locked
verdict still locked, a decision from a page made before the change refused, the note escaped."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from index.base import Archive
from index.types import ReviewEvent
from pressmon.article_updates import changed_fields, updated_document
from pressmon.review.changes import ChangeStore, record_content_changes
from pressmon.review.escalations import Escalation, EscalationStore
from pressmon.settings import Settings

MARKER = "Nội dung đã thay đổi sau quyết định"


def act(client, token: str, doc: str = "doc003", **form: str):
    return client.post(
        f"/bai/{doc}/xu-ly", data={"csrf_token": token, **form}, follow_redirects=False
    )


def edit_at_source(archive: Archive, settings: Settings, clock, doc_id: str, **change) -> None:
    """What the crawl pipeline does when a stored article comes back edited: the new version
    replaces the entry in place, and the item's log gets the system's event."""
    clock.advance(timedelta(minutes=10))
    earlier = archive.get(doc_id)
    assert earlier is not None
    fresh = updated_document(replace(earlier, **change), earlier)
    with archive.writing():
        archive.upsert([fresh])
        record_content_changes(
            archive,
            ChangeStore(settings.archive.state_path),
            [(fresh, earlier, changed_fields(fresh, earlier))],
            clock.now,
        )


def queue_ids(html: str) -> list[str]:
    return re.findall(r'<td class="title"><a href="/bai/(doc\d+)">', html)


def row_of(html: str, doc_id: str) -> str:
    start = html.index(f'<a href="/bai/{doc_id}">')
    return html[start : html.index("</tr>", start)]


def test_a_decided_item_edited_at_its_source_leads_its_tier_marked(
    as_reviewer, archive, settings, clock
) -> None:
    client, token = as_reviewer
    assert queue_ids(client.get("/hang-doi").text)[:2] == ["doc001", "doc003"]  # by risk
    act(client, token, action="status", status="no_violation", note="Đúng thông cáo")
    edit_at_source(
        archive,
        settings,
        clock,
        "doc003",
        body="Liên hệ Zalo 0123.456.789 để được hỗ trợ rút BHXH một lần.",
    )

    page = client.get("/hang-doi").text
    assert queue_ids(page)[:2] == ["doc003", "doc001"]  # still among the urgent ones
    assert MARKER in row_of(page, "doc003") and MARKER not in row_of(page, "doc001")
    assert page.count(MARKER) == 1
    assert client.get("/api/queue").json()["items"][0] | {"document": None} == {
        "document": None,
        "assignee": None,
        "assignee_name": None,
        "escalation": None,
        "senders": [],
        "center_answer": None,
        "changed": True,
        "story_copies": 0,
        "decided_by": {
            "center": True,
            "province": None,
            "office_label": "Trung tâm",
            "actor": "an",
            "at": "2026-05-20T03:00:00+00:00",  # when it was decided, before the edit
        },
    }

    # Any person acting on it again takes the mark off; the order is the tiers' again.
    assert act(client, token, action="note", note="Đã xem bản mới").status_code == 303
    page = client.get("/hang-doi").text
    assert MARKER not in page and queue_ids(page)[:2] == ["doc001", "doc003"]


def test_items_sent_to_the_center_stay_first(as_admin, archive, settings, clock) -> None:
    client, token = as_admin
    act(client, token, action="status", status="no_violation", note="Đúng thông cáo")
    EscalationStore(settings.archive.state_path).add(
        Escalation("doc002", "nga", "Cần Thơ", "Nhờ Trung tâm xem", clock.now)
    )
    edit_at_source(archive, settings, clock, "doc003", title="Tiêu đề đã sửa")
    assert queue_ids(client.get("/hang-doi").text)[:3] == ["doc002", "doc003", "doc001"]


def test_an_item_no_one_acted_on_is_not_marked(as_reviewer, archive, settings, clock) -> None:
    client, _ = as_reviewer
    edit_at_source(archive, settings, clock, "doc003", title="Tiêu đề đã sửa")
    assert archive.review_history("doc003") == ()
    assert "Nội dung đã thay đổi" not in client.get("/hang-doi").text
    assert "Nội dung đã thay đổi" not in client.get("/bai/doc003").text


def test_the_item_page_shows_the_marker_by_the_decision_and_the_event_in_the_log(
    as_reviewer, archive, settings, clock
) -> None:
    client, token = as_reviewer
    act(client, token, action="status", status="no_violation", note="Đúng thông cáo")
    edit_at_source(archive, settings, clock, "doc003", title="Tiêu đề đã sửa", tier="urgent")

    page = client.get("/bai/doc003").text
    panel = page[page.index('<section class="card decide">') : page.index("</section>")]
    assert MARKER in panel and "thay đổi: tiêu đề." in panel
    log = page[page.index('id="nhat-ky"') :]
    assert "Hệ thống" in log and "Bài gốc thay đổi" in log
    assert "Đánh giá mới của hệ thống: cần xem ngay, điểm rủi ro 0,85" in log
    assert "Không vi phạm" in panel  # the decision stands
    state = client.get("/api/items/doc003").json()["state"]
    assert state["status"] == "no_violation" and state["changed_since_decision"] is True
    csv_log = client.get("/bai/doc003/nhat-ky.csv").text
    assert "Hệ thống,Bài gốc thay đổi" in csv_log


def test_a_locked_verdict_stays_locked_and_a_stale_decision_is_refused(
    client, login, archive, settings, clock
) -> None:
    token = login(client, "an")
    act(client, token, action="status", status="false", note="Trái thông cáo")
    act(client, token, action="follow_up", follow_up="reported_to_leadership", note="Tuần 20")
    seen = str(len(archive.review_history("doc003")))
    edit_at_source(archive, settings, clock, "doc003", body="Nội dung mới có số điện thoại.")

    page = client.get("/bai/doc003").text
    assert "Đã khoá" in page and MARKER in page
    assert archive.get("doc003").review_status == "false"
    token = login(client, "binh")
    # A lead who opened the item before the change: the page comes back with the change in it.
    refused = act(client, token, action="reopen", note="Xem lại", seen=seen)
    assert refused.status_code == 409 and "Hệ thống đã cập nhật bài này" in refused.text
    reopened = act(client, token, action="reopen", note="Bài gốc thêm số điện thoại mới")
    assert reopened.status_code == 303
    page = client.get("/bai/doc003").text
    assert MARKER not in page and "Đã khoá" not in page


def test_the_note_is_escaped(as_reviewer, archive) -> None:
    """An event read from an export file may carry anything in its note."""
    client, token = as_reviewer
    act(client, token, action="status", status="no_violation", note="Đúng thông cáo")
    hostile = "Đã sửa <script>alert(1)</script> & <b>đậm</b>"
    decided = archive.review_history("doc003")[-1]
    archive.record_review(
        ReviewEvent(
            "doc003",
            "system",
            decided.at + timedelta(minutes=5),
            "no_violation",
            "no_violation",
            hostile,
            "content_changed",
            {"changed": ["body"]},
        )
    )
    page = client.get("/bai/doc003").text
    assert "<script>alert(1)</script>" not in page and "<b>đậm</b>" not in page
    assert page.count("Đã sửa &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;đậm") == 2


def test_the_audit_log_lists_the_change_as_the_system(client, login, archive, settings, clock):
    token = login(client, "binh")
    act(client, token, action="status", status="no_violation", note="Đúng thông cáo")
    edit_at_source(archive, settings, clock, "doc003", title="Tiêu đề đã sửa")
    page = client.get("/nhat-ky", params={"nguoi": "system"}).text
    assert "Bài gốc thay đổi" in page and "Hệ thống" in page and "Đúng thông cáo" not in page
    everything = client.get("/nhat-ky").text
    assert everything.index("Bài gốc thay đổi") < everything.index("Đúng thông cáo")  # newest first
