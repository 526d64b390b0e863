"""Deciding all copies of a story together: the status form's "Áp dụng cho cả N bản cùng nội
dung khác" (and `copies` on /api/items/{id}/decide) applies the status to each other copy the
account may see, each its own event in its own log naming the item it came from; a copy the
rules refuse is skipped with their reason, never forced."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from pressmon.alerts.model import Alert
from pressmon.web.formatting import vn_date
from tests.web.conftest import COPIED_STORY, first_arguments, flagged, sign_in, story_copy

STORY = COPIED_STORY
PROVINCE_PASSWORD = "matkhau-nghe-an-4"
NGHE_AN = {"province": "Nghệ An", "provinces": ("Nghệ An",)}
FALSE = {"action": "status", "status": "false", "note": "Lừa đảo, BHXH đã cảnh báo"}
COPIES = ("doc040", "doc041", "doc042", "doc043")
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def _copy(n: int, **overrides: object) -> object:
    return story_copy(n, "Dịch vụ rút BHXH một lần nhanh", "urgent", **overrides)


@pytest.fixture
def story(archive, accounts):
    archive.upsert([_copy(40), _copy(41), _copy(42, **NGHE_AN), _copy(43, **NGHE_AN)])
    accounts.add("nghean", PROVINCE_PASSWORD, "reviewer", "Hồ Thị Nga", province="Nghệ An")
    return archive


def _post(client, token: str, item: str, **form: str):
    return client.post(
        f"/bai/{item}/xu-ly", data={"csrf_token": token, **form}, follow_redirects=False
    )


def _decided(client, token: str, item: str, **form: str):
    """The status form sent with the box ticked: redirected (303) to the item's log, which the
    page at that address tells the outcome above."""
    sent = _post(client, token, item, copies="true", **form)
    assert sent.status_code == 303, sent.text
    assert sent.headers["location"].startswith(f"/bai/{item}?da_luu=")
    return client.get(sent.headers["location"])


def _seen(client, item: str) -> str:
    found = re.search(r'name="seen" value="(\d+)"', client.get(f"/bai/{item}").text)
    assert found is not None
    return found.group(1)


def _status(archive, item: str) -> str:
    return archive.get(item).review_status


def _outcome(page: str) -> str:
    found = re.search(r'<div class="notice copies-outcome" role="status">(.*?)</div>', page, re.S)
    assert found is not None, page
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1)))).strip()


def test_the_box_is_offered_only_to_an_item_with_copies_the_account_sees(client, story) -> None:
    sign_in(client, "an")
    assert "Áp dụng cho cả 3 bản cùng nội dung khác" in client.get("/bai/doc040").text
    assert 'name="copies"' not in client.get("/bai/doc003").text  # no story
    client.cookies.clear()
    sign_in(client, "nghean", PROVINCE_PASSWORD)
    assert "Áp dụng cho cả 1 bản cùng nội dung khác" in client.get("/bai/doc042").text


def test_deciding_with_the_box_decides_each_copy_in_its_own_log(client, story) -> None:
    token = sign_in(client, "an")
    answer = _decided(client, token, "doc040", seen=_seen(client, "doc040"), **FALSE)
    assert _outcome(answer.text) == (
        "Đã lưu trạng thái “Sai sự thật” cho bài này và 3 bản cùng nội dung khác."
    )
    (own,) = story.review_history("doc040")
    assert own.status_after == "false" and "applied_from" not in own.detail
    for copy in ("doc041", "doc042", "doc043"):
        (event,) = story.review_history(copy)
        assert (event.actor, event.action, event.status_after) == ("an", "status", "false")
        assert event.note == FALSE["note"]
        assert event.detail == {"applied_from": "doc040"}
    assert not story.review_history("doc003") and _status(story, "doc003") != "false"
    # Each copy's log says where its decision came from: copies share their title, so by the
    # item's outlet and date too.
    log = client.get("/bai/doc041").text.split('id="nhat-ky"', 1)[1]
    published = story.get("doc040").published_at.astimezone(VIETNAM).strftime("%d/%m/%Y")
    assert (
        '<div class="muted small applied-from">Áp dụng theo bài <a href="/bai/doc040">'
        f"Dịch vụ rút BHXH một lần nhanh, bản 40</a> — Báo Mẫu · {published}</div>"
    ) in log
    assert "Áp dụng theo bài: doc040" in client.get("/bai/doc041/nhat-ky.csv").text
    sign_in(client, "binh")
    assert "Áp dụng theo bài: doc040" in client.get("/nhat-ky.csv").text  # the CSV keeps the id


def _audit_rows(page: str) -> dict[str, str]:
    rows = page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    return {row.split('href="/bai/', 1)[1].split('"', 1)[0]: row for row in rows}


def test_the_audit_page_links_the_item_a_copy_was_decided_with(
    client, story, archive, monkeypatch
) -> None:
    token = sign_in(client, "an")
    _post(client, token, "doc040", copies="true", seen=_seen(client, "doc040"), **FALSE)
    reads = first_arguments(monkeypatch, archive, "get_many")
    sign_in(client, "binh")
    rows = _audit_rows(client.get("/nhat-ky").text)
    # Not the id repeated as text on every copy's row: the item, by title and outlet, linked.
    detail = re.findall(r'<td class="note">(.*?)</td>', rows["doc041"], re.S)[1]
    assert detail == (
        '<span class="event-detail">Chưa xử lý → Sai sự thật; ghi chú: Lừa đảo, BHXH đã cảnh báo'
        "</span>; "
        '<span class="applied-from">Áp dụng theo bài: <a href="/bai/doc040" title="Mã bài: doc040">'
        f"Dịch vụ rút BHXH một lần nhanh, bản 40</a> — {_where(story, 'doc040')}</span>"
    )
    assert "applied-from" not in rows["doc040"]
    # The page's titles, of the items and of those applied from, in one read.
    assert len(reads) == 1 and set(reads[0]) == set(COPIES)


def test_without_the_box_only_the_item_is_decided(client, story) -> None:
    token = sign_in(client, "an")
    assert _post(client, token, "doc040", **FALSE).status_code == 303
    assert _status(story, "doc040") == "false"
    assert not any(story.review_history(copy) for copy in COPIES[1:])


def test_copies_the_rules_refuse_are_skipped_with_their_reasons(client, story) -> None:
    token = sign_in(client, "an")
    # doc041: concluded and reported to leadership by the Center, so locked.
    assert _post(client, token, "doc041", **FALSE).status_code == 303
    lead = sign_in(client, "binh")
    reported = {"action": "follow_up", "follow_up": "reported_to_leadership", "note": "Đã báo"}
    assert _post(client, lead, "doc041", **reported).status_code == 303
    # doc042: a conclusion of its own, which a copy's decision does not overwrite.
    note = "Bài của trang chính thức"
    decided = _post(client, lead, "doc042", action="status", status="no_violation", note=note)
    assert decided.status_code == 303
    answer = _decided(client, lead, "doc040", **FALSE)
    assert _outcome(answer.text) == (
        "Đã lưu trạng thái “Sai sự thật” cho bài này và 1 bản cùng nội dung khác; bỏ qua 2 bản: "
        f"Dịch vụ rút BHXH một lần nhanh, bản 41 — {_where(story, 'doc041')} : "
        "Quyết định đã khoá vì đã báo cáo lãnh đạo; "
        "lãnh đạo cần mở lại (kèm lý do) trước khi sửa. "
        f"Dịch vụ rút BHXH một lần nhanh, bản 42 — {_where(story, 'doc042')} : "
        "Bài đã có kết luận riêng “Không vi phạm”: "
        "mở bài để quyết định riêng."
    )
    assert _status(story, "doc042") == "no_violation" and len(story.review_history("doc041")) == 2
    assert _status(story, "doc043") == "false" and _status(story, "doc040") == "false"


def _where(archive, item: str) -> str:
    """Where and when a copy appeared, as the page names it."""
    document = archive.get(item)
    return f"{document.outlet_name} · {vn_date(document.published_at, VIETNAM)}"


def test_skipped_copies_sharing_the_title_are_told_apart(client, archive) -> None:
    """Copies share their title: each skipped one says where and when it appeared, as the list
    of copies does, or the reviewer read the same title twice and could not tell which. Not in
    brackets: an outlet's name may hold its own, as the demo's "Trang … (demo)" do."""

    def copy(n: int, outlet_name: str, day: datetime) -> object:
        title = "Giấy mời nhận tiền hỗ trợ BHYT"
        return flagged(
            n,
            "urgent",
            0.8,
            story_id="s-giong",
            title=title,
            outlet_name=outlet_name,
            published_at=day,
        )

    archive.upsert(
        [
            copy(50, "Báo Mẫu", datetime(2026, 4, 2, 3, tzinfo=UTC)),
            copy(51, "Nhóm Hỏi đáp BHXH", datetime(2026, 3, 8, 3, tzinfo=UTC)),
            copy(52, "Trang Hỗ trợ nhanh (demo)", datetime(2026, 2, 13, 3, tzinfo=UTC)),
        ]
    )
    lead = sign_in(client, "binh")
    for item in ("doc051", "doc052"):
        note = "Bài của trang chính thức"
        decided = _post(client, lead, item, action="status", status="no_violation", note=note)
        assert decided.status_code == 303
    answer = _decided(client, lead, "doc050", **FALSE)
    skipped = "Bài đã có kết luận riêng “Không vi phạm”: mở bài để quyết định riêng."
    assert _outcome(answer.text) == (
        "Đã lưu trạng thái “Sai sự thật” cho bài này; không áp dụng được cho bản cùng nội dung "
        "nào, bỏ qua 2 bản: "
        f"Giấy mời nhận tiền hỗ trợ BHYT — Nhóm Hỏi đáp BHXH · 08/03/2026 : {skipped} "
        f"Giấy mời nhận tiền hỗ trợ BHYT — Trang Hỗ trợ nhanh (demo) · 13/02/2026 : {skipped}"
    )


def test_a_province_decides_only_its_own_copies(client, story) -> None:
    center = sign_in(client, "an")
    assert _post(client, center, "doc043", **FALSE).status_code == 303  # the Center's decision
    client.cookies.clear()
    token = sign_in(client, "nghean", PROVINCE_PASSWORD)
    answer = _decided(client, token, "doc042", action="status", status="in_progress")
    outcome = _outcome(answer.text)
    assert outcome.startswith(
        "Đã lưu trạng thái “Đang xác minh” cho bài này; không áp dụng được cho bản cùng nội dung "
        "nào, bỏ qua 1 bản: "
    )
    assert f"bản 43 — {_where(story, 'doc043')} : Trung tâm đã kết luận bài này" in outcome
    assert _status(story, "doc042") == "in_progress" and _status(story, "doc043") == "false"
    assert not story.review_history("doc040") and not story.review_history("doc041")


def test_the_api_decides_the_copies_and_says_what_it_did_to_each(client, story) -> None:
    token = sign_in(client, "an")
    headers = {"X-CSRF-Token": token}
    assert _post(client, token, "doc042", action="status", status="in_progress").status_code == 303
    decided = client.post(
        "/api/items/doc040/decide", json={**FALSE, "copies": True}, headers=headers
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["event"]["status_after"] == "false"
    assert decided.json()["copies"] == [
        {"id": "doc041", "applied": True, "reason": ""},
        {"id": "doc042", "applied": True, "reason": ""},
        {"id": "doc043", "applied": True, "reason": ""},
    ]
    again = client.post(
        "/api/items/doc041/decide",
        json={"action": "status", "status": "in_progress", "copies": True},
        headers=headers,
    ).json()["copies"]
    assert {c["id"]: c["applied"] for c in again} == {
        "doc040": False,
        "doc042": False,
        "doc043": False,
    }
    assert (
        again[0]["reason"] == "Bài đã có kết luận riêng “Sai sự thật”: mở bài để quyết định riêng."
    )
    # Without it, only the item; with any action but a status, refused.
    note = client.post(
        "/api/items/doc040/decide", json={"action": "note", "note": "x"}, headers=headers
    )
    assert note.json()["copies"] == []
    refused = client.post(
        "/api/items/doc040/decide",
        json={"action": "note", "note": "x", "copies": True},
        headers=headers,
    )
    assert refused.status_code == 422


def test_each_copy_a_province_sent_up_is_answered_on_its_own(client, story, monkeypatch) -> None:
    """A copy's answer alerts as deciding it alone would: the province waits on each copy it
    sent up, and hears of each; copies no one sent up alert no one."""
    announced: list[str] = []

    def announce(*alerts: Alert) -> bool:
        announced.extend(alert.document_id for alert in alerts)
        return True

    monkeypatch.setattr(client.app.state.ctx.notifier, "announce", announce)
    province = sign_in(client, "nghean", PROVINCE_PASSWORD)
    for copy in ("doc042", "doc043"):
        sent = _post(client, province, copy, action="escalate", note="Lan truyền ở Nghệ An")
        assert sent.status_code == 303
    announced.clear()
    client.cookies.clear()
    token = sign_in(client, "an")
    assert _post(client, token, "doc040", copies="true", **FALSE).status_code == 303
    assert sorted(set(announced)) == ["doc042", "doc043"]


def test_the_page_detail_leaves_out_only_the_origins_own_part() -> None:
    from index.types import ReviewEvent
    from pressmon.audit import detail_without_origin, review_entry

    at = datetime(2026, 1, 1, tzinfo=UTC)
    note = "xem; Áp dụng theo bài: doc040"  # a note that happens to repeat it is kept
    event = ReviewEvent(
        "doc041", "an", at, "unstarted", "false", note, detail={"applied_from": "doc040"}
    )
    entry = review_entry(event)
    assert "Áp dụng theo bài: doc040; ghi chú" in entry.detail  # as stored, for the CSV
    assert detail_without_origin(entry) == f"Chưa xử lý → Sai sự thật; ghi chú: {note}"


def test_an_imported_origin_worded_otherwise_keeps_the_detail_as_it_came() -> None:
    from index.types import ReviewEvent
    from pressmon.audit import detail_without_origin, review_entry

    at = datetime(2026, 1, 1, tzinfo=UTC)
    # An export file's log is read as it came: a number where an id should be.
    event = ReviewEvent("doc041", "an", at, "unstarted", "false", detail={"applied_from": 1.5})
    entry = review_entry(event)
    assert (
        detail_without_origin(entry)
        == entry.detail
        == "Chưa xử lý → Sai sự thật; Áp dụng theo bài: 1,50"
    )
