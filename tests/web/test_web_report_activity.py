"""The leadership report lists the week's work: every item published in the period and flagged,
and every item decided, reported to leadership, reopened or sent up by a province in the period
however long ago it was published, each marked "Đăng trong kỳ" / "Xử lý trong kỳ"; the summary
counts both. Coverage still counts articles by publication date."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from openpyxl import load_workbook

from tests.web.conftest import act, flagged, sign_in

WEEK = "tu=18/05/2026&den=24/05/2026"  # Monday to Sunday; the clock stands at 20/05 10:00
NEXT_WEEK = "tu=25/05/2026&den=31/05/2026"
OCTOBER = "tu=01/10/2025&den=31/10/2025"
PROVINCE_PASSWORD = "matkhau-can-tho-5"
ACTED = "3 tin được xử lý trong kỳ (kết luận, báo cáo lãnh đạo, đề nghị cải chính, mở lại,"


def _marks(html: str) -> dict[str, list[str]]:
    """Item id -> the period chips on its row of the report page."""
    return {
        row.group(1): re.findall(r'<span class="chip period">([^<]+)</span>', row.group(0))
        for row in re.finditer(
            r'<tr><td class="doc"><a href="/bai/([^"]+)">.*?</tr>', html, flags=re.S
        )
    }


def _sheet_rows(client, period: str) -> tuple[Any, dict[str, dict[str, Any]]]:
    response = client.get(f"/bao-cao.xlsx?{period}")
    assert response.status_code == 200, response.text
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Bài cần xác minh"]
    header = [c.value for c in sheet[1]]
    rows = {
        row[header.index("Đường dẫn")]: dict(zip(header, row, strict=True))
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    return book, rows


def _old_items(archive) -> None:
    """A scam post from October 2025 and a Cần Thơ one from November, both flagged."""
    archive.upsert(
        [
            flagged(220, "urgent", 0.9),  # published 12/10/2025
            flagged(
                200,  # published 01/11/2025
                "review",
                0.6,
                outlet="baokhac",
                outlet_name="Báo Khác",
                province="Cần Thơ",
                provinces=("Cần Thơ",),
                category="C5",
            ),
        ]
    )


def test_the_weeks_report_lists_what_was_decided_or_sent_up_in_it(
    client, archive, accounts
) -> None:
    _old_items(archive)
    accounts.add("tinh", PROVINCE_PASSWORD, "reviewer", "Võ Thị Thu", province="Cần Thơ")
    token = sign_in(client, "tinh", PROVINCE_PASSWORD)
    act(client, token, "doc200", {"action": "escalate", "note": "Tin lan trên nhóm Zalo"})
    token = sign_in(client, "an")
    # Taking an item up, a note and an assignment decide nothing: doc003 and doc004, published
    # the week before, stay out of this week's report.
    act(
        client,
        token,
        "doc004",
        {"action": "status", "status": "in_progress"},
        {"action": "note", "note": "Đang liên hệ tòa soạn"},
    )
    act(client, token, "doc003", {"action": "assign", "assignee": "an"})
    token = sign_in(client, "binh")
    act(
        client,
        token,
        "doc220",
        {"action": "status", "status": "false", "note": "Mạo danh BHXH xin mã OTP"},
        {"action": "follow_up", "follow_up": "reported_to_leadership", "note": "Báo cáo tuần 21"},
    )
    act(client, token, "doc001", {"action": "status", "status": "false", "note": "Lừa OTP"})

    html = client.get(f"/bao-cao?{WEEK}").text
    assert _marks(html) == {
        "doc001": ["Đăng trong kỳ", "Xử lý trong kỳ"],
        "doc002": ["Đăng trong kỳ"],
        "doc200": ["Xử lý trong kỳ"],
        "doc220": ["Xử lý trong kỳ"],
    }
    sentence = (
        f"Có 2 tin cần xác minh đăng trong kỳ; {ACTED} tỉnh chuyển lên hoặc Trung tâm trả lại "
        "tỉnh), trong đó 2 tin đăng ngoài kỳ; mục 2 liệt kê 4 tin."
    )
    assert sentence in html
    assert "Võ Thị Thu (BHXH Cần Thơ), 20/05/2026 10:00: Tin lan trên nhóm Zalo" in html
    assert "Chỉ liệt kê" not in html

    book, rows = _sheet_rows(client, WEEK)
    assert len(rows) == 4
    old = rows["https://baomau.vn/bai-220.html"]
    assert (old["Trong kỳ"], old["Xử lý gần nhất trong kỳ"]) == (
        "Xử lý trong kỳ",
        datetime(2026, 5, 20, 10, 0),  # Hà Nội time
    )
    assert old["Ngày đăng"] == datetime(2025, 10, 12, 8, 0)
    assert (old["Trạng thái"], old["Xử lý tiếp"]) == ("Sai sự thật", "Đã báo cáo lãnh đạo")
    both = rows["https://baomau.vn/bai-1.html"]
    assert both["Trong kỳ"] == "Đăng trong kỳ; Xử lý trong kỳ"
    published = rows["https://baomau.vn/bai-2.html"]
    assert (published["Trong kỳ"], published["Xử lý gần nhất trong kỳ"]) == ("Đăng trong kỳ", None)
    overview = {row[0]: row[1] for row in book["Tổng quan"].iter_rows(values_only=True) if row}
    assert overview["Tóm tắt"].endswith(sentence)
    assert (overview["Đăng trong kỳ"], overview["Xử lý trong kỳ"]) == (2, 3)
    assert overview["Xử lý trong kỳ, đăng ngoài kỳ"] == 2
    assert overview["Liệt kê ở bảng Bài cần xác minh"] == 4
    # Coverage stays by publication date: the two articles published this week.
    assert book["Tổng quan"]["B3"].value == 2

    # October's report keeps the scam post as published then; nothing was done in October.
    html = client.get(f"/bao-cao?{OCTOBER}").text
    assert _marks(html) == {"doc220": ["Đăng trong kỳ"]}
    assert "Có 1 tin cần xác minh đăng trong kỳ; không tin nào được xử lý trong kỳ." in html


def test_the_period_ends_at_midnight_in_ha_noi(client, clock) -> None:
    # Sunday 24/05/2026 23:30 in Hà Nội: still the week of 18/05.
    clock.now = datetime(2026, 5, 24, 16, 30, tzinfo=UTC)
    token = sign_in(client, "binh")
    act(client, token, "doc003", {"action": "status", "status": "false", "note": "Mạo danh"})
    clock.advance(timedelta(hours=1))  # Monday 00:30: the next week
    act(
        client,
        token,
        "doc003",
        {"action": "follow_up", "follow_up": "reported_to_leadership", "note": "Tuần 22"},
    )
    clock.advance(timedelta(days=1, hours=8, minutes=30))  # Tuesday 09:00: a lead reopens it
    token = sign_in(client, "binh")  # the evening's session has ended
    act(client, token, "doc003", {"action": "reopen", "note": "Tòa soạn đã gỡ bài"})

    _, rows = _sheet_rows(client, WEEK)
    decided = rows["https://baomau.vn/bai-3.html"]  # published 17/05, the week before
    assert (decided["Trong kỳ"], decided["Xử lý gần nhất trong kỳ"]) == (
        "Xử lý trong kỳ",
        datetime(2026, 5, 24, 23, 30),
    )
    _, rows = _sheet_rows(client, NEXT_WEEK)
    assert set(rows) == {"https://baomau.vn/bai-3.html"}
    reopened = rows["https://baomau.vn/bai-3.html"]
    assert reopened["Xử lý gần nhất trong kỳ"] == datetime(2026, 5, 26, 9, 0)
    assert reopened["Trạng thái"] == "Đang xác minh"
    html = client.get(f"/bao-cao?{NEXT_WEEK}").text
    assert "Không có tin nào cần xác minh đăng trong kỳ; 1 tin được xử lý trong kỳ" in html
    assert "trong đó 1 tin đăng ngoài kỳ; mục 2 liệt kê 1 tin." in html


def test_an_item_the_center_sent_back_is_in_the_report_of_that_week(
    client, archive, accounts, clock
) -> None:
    _old_items(archive)
    accounts.add("tinh", PROVINCE_PASSWORD, "reviewer", "Võ Thị Thu", province="Cần Thơ")
    clock.advance(timedelta(days=-7))  # the province sends it up the week before
    token = sign_in(client, "tinh", PROVINCE_PASSWORD)
    act(client, token, "doc200", {"action": "escalate", "note": "Tin lan trên nhóm Zalo"})
    clock.advance(timedelta(days=7))
    token = sign_in(client, "binh")
    act(client, token, "doc200", {"action": "send_back", "note": "Tỉnh liên hệ tòa soạn"})
    assert _marks(client.get(f"/bao-cao?{WEEK}").text).get("doc200") == ["Xử lý trong kỳ"]


def test_provincial_accounts_are_still_refused_the_report(client, accounts) -> None:
    for username, role in (("tinh", "reviewer"), ("tinh-lead", "lead")):
        accounts.add(username, PROVINCE_PASSWORD, role, "Võ Thị Thu", province="Cần Thơ")
        sign_in(client, username, PROVINCE_PASSWORD)
        for path in (f"/bao-cao?{WEEK}", f"/bao-cao.xlsx?{WEEK}"):
            response = client.get(path)
            assert response.status_code == 403, (username, path)
            assert "bai-1.html" not in response.text and "Tin đồn" not in response.text
