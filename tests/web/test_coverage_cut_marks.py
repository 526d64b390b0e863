"""/bao-phu.csv and /api/counts mark the weeks (months) the range cuts, as the page's note
under the chart names them: a spreadsheet's 4-day week must not pass for a whole one."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from tests.web.conftest import Clock, sign_in

MAY = "tu=01/05/2026&den=20/05/2026"  # Friday to Wednesday


def test_the_csv_notes_the_cut_weeks_in_a_last_column(as_lead) -> None:
    client, _ = as_lead
    text = client.get(f"/bao-phu.csv?{MAY}").text.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Bảng", "Nhóm", "Số tin, bài", "Ghi chú"]
    weeks = {group: note for table, group, _, note in rows[1:] if table.startswith("Theo tuần")}
    assert weeks == {
        "27/04/2026": "Không trọn tuần: chỉ tính từ 01/05/2026",
        "04/05/2026": "",
        "11/05/2026": "",
        "18/05/2026": "Không trọn tuần: chỉ tính đến 20/05/2026",
    }
    over_the_range = ("Tổng", "Tỉnh, thành phố", "Cơ quan báo chí", "Loại hình", "Chủ đề")
    assert all(note == "" for table, _, _, note in rows[1:] if table in over_the_range)


def test_campaign_and_target_rows_say_which_days_they_count(as_lead) -> None:
    """Not the range: a campaign row counts its whole window and a target row its period to
    the day read (today, 20/05/2026), as the page shows beside them."""
    client, _ = as_lead
    text = client.get("/bao-phu.csv?tu=01/02/2026&den=28/02/2026").text.lstrip("\ufeff")
    notes = {(table, group): note for table, group, _, note in csv.reader(io.StringIO(text))}
    campaign = "Tháng vận động triển khai BHXH toàn dân"
    assert notes["Chiến dịch", campaign] == "Cả đợt 01/05/2026 – 31/05/2026"
    assert notes["Chỉ tiêu", "Tổng số tin, bài trên báo chí"] == (
        "Tính từ 01/01/2026 đến 28/02/2026"
    )
    assert notes["Chỉ tiêu", campaign] == "Kỳ chỉ tiêu bắt đầu ngày 01/05/2026"


def test_the_api_lists_the_cut_buckets(as_lead) -> None:
    client, _ = as_lead
    weekly = client.get("/api/counts?tu=01/05/2026&den=20/05/2026").json()
    assert weekly["partial_buckets"] == ["2026-04-27", "2026-05-18"]
    monthly = client.get("/api/counts?tu=01/05/2026&den=20/05/2026&interval=month").json()
    assert monthly["partial_buckets"] == ["2026-05-01"]
    # Months already over: May, read on the 20th, is counted to today (test_coverage_den_past_today)
    whole = client.get("/api/counts?tu=01/03/2026&den=30/04/2026&interval=month").json()
    assert whole["partial_buckets"] == []


def test_without_den_the_week_under_way_is_cut_at_today(client, clock: Clock) -> None:
    """Read on Wednesday 20/05/2026 (the clock's day), the week of 18/05 holds three days so far,
    as /bao-phu, whose range ends today, says; read on its Sunday it holds every day."""
    sign_in(client, "binh")
    running = client.get("/api/counts?tu=01/05/2026").json()
    assert running["partial_buckets"] == ["2026-04-27", "2026-05-18"]
    clock.now = datetime(2026, 5, 24, 3, 0, tzinfo=UTC)  # Sunday, 10:00 in Vietnam
    sign_in(client, "binh")  # the morning's session has expired
    assert client.get("/api/counts?tu=01/05/2026").json()["partial_buckets"] == ["2026-04-27"]
