"""The leadership report lists at most 2,000 items; past that the page, its summary and the
workbook say how many it left out ("Chỉ liệt kê 2.000 trên N mục"), with the true N, and the items
acted on in the period are the ones kept first."""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import date, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from index.base import Archive
from index.types import ReviewEvent
from pressmon.report_items import FLAGGED_LIMIT, report_items
from tests.web.conftest import NOW, flagged, sign_in

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
WEEK = "tu=18/05/2026&den=24/05/2026"
NOTICE = (
    "Chỉ liệt kê 2.000 trên 2.003 mục; thu hẹp kỳ báo cáo để xem đủ (tin được xử lý trong kỳ "
    "được liệt kê trước, rồi đến tin đăng mới nhất)."
)


def _bulk(count: int) -> list[Any]:
    """`count` flagged items published on 19-20/05/2026, a minute apart."""
    return [
        flagged(
            1,
            "review",
            0.5,
            id=f"bulk{i:04d}",
            url=f"https://baomau.vn/tin-{i}.html",
            canonical_url=f"https://baomau.vn/tin-{i}.html",
            published_at=NOW - timedelta(minutes=i + 1),
        )
        for i in range(count)
    ]


def test_a_report_past_its_limit_says_how_many_it_left_out(client, archive) -> None:
    assert FLAGGED_LIMIT == 2000
    # The seed's doc001 and doc002 and 2,000 more published this week, and an October scam
    # post reported to leadership this week: 2,003 items, 2,000 listed.
    archive.upsert([*_bulk(2000), flagged(220, "urgent", 0.9)])
    token = sign_in(client, "binh")
    for form in (
        {"action": "status", "status": "false", "note": "Mạo danh BHXH"},
        {"action": "follow_up", "follow_up": "reported_to_leadership", "note": "Tuần 21"},
    ):
        response = client.post(
            "/bai/doc220/xu-ly", data={"csrf_token": token, **form}, follow_redirects=False
        )
        assert response.status_code == 303, response.text

    html = client.get(f"/bao-cao?{WEEK}").text
    assert f'<p class="alert" id="gioi-han" role="status">{NOTICE}</p>' in html
    summary = re.search(r'<p id="tom-tat">(.*?)</p>', html, flags=re.S)
    assert summary is not None
    assert summary.group(1).endswith(
        "Có 2.002 tin cần xác minh đăng trong kỳ; 1 tin được xử lý trong kỳ (kết luận, báo cáo "
        "lãnh đạo, đề nghị cải chính, mở lại, tỉnh chuyển lên hoặc Trung tâm trả lại tỉnh), trong "
        "đó 1 tin đăng ngoài "
        f"kỳ. {NOTICE}"
    )
    listed = re.findall(r'<tr><td class="doc"><a href="/bai/([^"]+)">', html)
    assert len(listed) == 2000 and "doc220" in listed  # the item acted on is kept first
    assert "Trong các mục được liệt kê: Chưa xử lý: <b>1.999</b> · Sai sự thật: <b>1</b>" in html

    book = load_workbook(io.BytesIO(client.get(f"/bao-cao.xlsx?{WEEK}").content))
    overview = {row[0]: row[1] for row in book["Tổng quan"].iter_rows(values_only=True) if row}
    assert overview["Giới hạn danh sách"] == NOTICE
    assert overview["Tóm tắt"].endswith(NOTICE)
    assert (overview["Đăng trong kỳ"], overview["Xử lý trong kỳ, đăng ngoài kỳ"]) == (2002, 1)
    assert overview["Liệt kê ở bảng Bài cần xác minh"] == 2000
    assert overview["Trạng thái xác minh (các mục được liệt kê)"] == "Số bài"
    rows = list(book["Bài cần xác minh"].iter_rows(min_row=2, values_only=True))
    items, (blank, notice) = rows[:-2], rows[-2:]
    assert len(items) == 2000 and all(row[2] for row in items)
    assert not any(blank) and notice[0] == NOTICE


class _Counting:
    """The archive, counting the calls made to it."""

    def __init__(self, inner: Archive) -> None:
        self.inner = inner
        self.calls: Counter[str] = Counter()

    def __getattr__(self, name: str) -> Any:
        self.calls[name] += 1
        return getattr(self.inner, name)


def test_items_acted_on_come_first_and_nothing_is_read_per_item(archive) -> None:
    archive.upsert([*_bulk(30), flagged(220, "urgent", 0.9), flagged(230, "review", 0.6)])
    for n, minute in ((220, 1), (230, 2)):  # published in October 2025, decided this week
        archive.record_review(
            ReviewEvent(
                f"doc{n:03d}", "binh", NOW + timedelta(minutes=minute), "unstarted", "false", "x"
            )
        )
    counting = _Counting(archive)
    listed, acted, counts = report_items(
        cast(Archive, counting), date(2026, 5, 18), date(2026, 5, 24), TZ, limit=5
    )
    # The two acted on, then the three newest published this week, newest published first.
    assert [d.id for d in listed] == ["bulk0000", "bulk0001", "bulk0002", "doc220", "doc230"]
    assert set(acted) == {"doc220", "doc230"}
    assert (counts.published, counts.acted, counts.acted_outside) == (32, 2, 2)
    assert (counts.total, counts.listed) == (34, 5)
    assert counting.calls == Counter(review_activity=1, get_many=1, counts=1, flagged_documents=1)
    # Fewer acted on than the limit leaves room; more than it keeps the latest acted on.
    listed, _, counts = report_items(archive, date(2026, 5, 18), date(2026, 5, 24), TZ, limit=1)
    assert [d.id for d in listed] == ["doc230"] and (counts.total, counts.listed) == (34, 1)
    listed, _, counts = report_items(archive, date(2026, 5, 18), date(2026, 5, 24), TZ, limit=99)
    assert len(listed) == counts.total == counts.listed == 34
