"""/bao-phu.csv and /api/counts mark the weeks (months) the range cuts, as the page's note
under the chart names them: a spreadsheet's 4-day week must not pass for a whole one."""

from __future__ import annotations

import csv
import io

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
    assert all(note == "" for table, _, _, note in rows[1:] if not table.startswith("Theo tuần"))


def test_the_api_lists_the_cut_buckets(as_lead) -> None:
    client, _ = as_lead
    weekly = client.get("/api/counts?tu=01/05/2026&den=20/05/2026").json()
    assert weekly["partial_buckets"] == ["2026-04-27", "2026-05-18"]
    monthly = client.get("/api/counts?tu=01/05/2026&den=20/05/2026&interval=month").json()
    assert monthly["partial_buckets"] == ["2026-05-01"]
    whole = client.get("/api/counts?tu=01/04/2026&den=31/05/2026&interval=month").json()
    assert whole["partial_buckets"] == []
