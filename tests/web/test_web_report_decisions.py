"""What the leadership report says of each item: the conclusion and follow-ups with the note,
who and when, the source address, and who sent it from a province, on the page and in the
workbook, so an item reported to leadership stands on its own in print."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import load_workbook

from tests.web.conftest import act, sign_in

PERIOD = "tu=01/05/2026&den=31/05/2026"


def test_decisions_notes_and_escalations_are_in_the_report(client, archive, accounts) -> None:
    accounts.add("tinh", "matkhau-can-tho-5", "reviewer", "Võ Thị Thu", province="Cần Thơ")
    token = sign_in(client, "tinh", "matkhau-can-tho-5")
    act(
        client,
        token,
        "doc002",  # Báo Khác, a Cần Thơ paper
        {"action": "escalate", "note": "Tin lan trên nhóm Zalo của phường"},
    )
    token = sign_in(client, "binh")
    act(
        client,
        token,
        "doc003",
        {"action": "status", "status": "false", "note": "Mạo danh cán bộ BHXH"},
        {"action": "follow_up", "follow_up": "reported_to_leadership", "note": "Báo cáo tuần 20"},
    )
    act(client, token, "doc001", {"action": "status", "status": "false", "note": "Lừa OTP"})

    html = client.get(f"/bao-cao?{PERIOD}").text
    assert "https://baomau.vn/bai-3.html" in html  # the source, printed, not only a link
    assert "Mạo danh cán bộ BHXH</bdi> <span" in html and "Báo cáo tuần 20</bdi> <span" in html
    assert "— Trần Thị Bình, 20/05/2026 10:00" in html  # who and when, in Hà Nội time
    assert "Võ Thị Thu (BHXH Cần Thơ), 20/05/2026 10:00: Tin lan trên nhóm Zalo" in html

    book = load_workbook(io.BytesIO(client.get(f"/bao-cao.xlsx?{PERIOD}").content))
    sheet = book["Bài cần xác minh"]
    header = [c.value for c in sheet[1]]
    rows = {
        r[header.index("Đường dẫn")]: dict(zip(header, r, strict=True))
        for r in sheet.iter_rows(min_row=2, values_only=True)
    }
    reported = rows["https://baomau.vn/bai-3.html"]
    assert (reported["Trạng thái"], reported["Xử lý tiếp"]) == (
        "Sai sự thật",
        "Đã báo cáo lãnh đạo",
    )
    assert (reported["Ghi chú kết luận"], reported["Người kết luận"]) == (
        "Mạo danh cán bộ BHXH",
        "Trần Thị Bình",
    )
    assert reported["Thời điểm kết luận"] == datetime(2026, 5, 20, 10, 0)
    assert reported["Xử lý tiếp: ghi chú"] == (
        "Đã báo cáo lãnh đạo: Báo cáo tuần 20 (Trần Thị Bình, 20/05/2026 10:00)"
    )
    # decided "Sai sự thật" but not yet reported: told apart by its empty follow-up
    unreported = rows["https://baomau.vn/bai-1.html"]
    assert (unreported["Trạng thái"], unreported["Xử lý tiếp"]) == ("Sai sự thật", None)
    assert unreported["Ghi chú kết luận"] == "Lừa OTP"
    sent = rows["https://baomau.vn/bai-2.html"]  # doc002, of Báo Khác
    assert (sent["Tỉnh chuyển lên"], sent["Người chuyển"]) == ("BHXH Cần Thơ", "Võ Thị Thu")
    assert sent["Ghi chú khi chuyển"] == "Tin lan trên nhóm Zalo của phường"
    assert sent["Thời điểm chuyển"] == datetime(2026, 5, 20, 10, 0)


def test_a_reopened_decision_shows_only_what_is_in_force(as_lead) -> None:
    client, token = as_lead
    act(
        client,
        token,
        "doc003",
        {"action": "status", "status": "false", "note": "Kết luận đầu"},
        {"action": "follow_up", "follow_up": "reported_to_leadership", "note": "Đã báo cáo"},
        {"action": "reopen", "note": "Có thông tin mới"},
        {"action": "status", "status": "no_violation", "note": "Bài cảnh báo, không vi phạm"},
    )
    book = load_workbook(io.BytesIO(client.get(f"/bao-cao.xlsx?{PERIOD}").content))
    sheet = book["Bài cần xác minh"]
    header = [c.value for c in sheet[1]]
    row = next(
        dict(zip(header, r, strict=True))
        for r in sheet.iter_rows(min_row=2, values_only=True)
        if r[header.index("Đường dẫn")] == "https://baomau.vn/bai-3.html"
    )
    assert (row["Trạng thái"], row["Ghi chú kết luận"]) == (
        "Không vi phạm",
        "Bài cảnh báo, không vi phạm",
    )
    assert row["Xử lý tiếp"] is None and row["Xử lý tiếp: ghi chú"] is None
