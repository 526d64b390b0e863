"""/bao-phu, /bao-phu.csv and /api/counts with `den` after today (the clock's Wednesday
20/05/2026; the month asked before it ends): the week under way is marked as counted to today
and the next as not yet begun, as `pressmon counts --to` marks them."""

from __future__ import annotations

import csv
import io

MAY = "tu=01/05/2026&den=31/05/2026"  # the whole month, read on its 20th


def test_the_page_names_the_week_under_way_and_the_next(as_lead) -> None:
    client, _ = as_lead
    assert (
        "tuần từ 18/05/2026 chỉ tính đến 20/05/2026; tuần từ 25/05/2026 chưa tới, chưa có số liệu."
    ) in client.get(f"/bao-phu?{MAY}").text


def test_the_page_names_the_weeks_ahead_up_to_the_day_asked(as_lead) -> None:
    """`den` a Wednesday: the span ends on it, not on the last week's Sunday (07/06/2026)."""
    client, _ = as_lead
    assert (
        "tuần từ 18/05/2026 chỉ tính đến 20/05/2026; các tuần từ 25/05/2026 đến 03/06/2026 "
        "chưa tới, chưa có số liệu."
    ) in client.get("/bao-phu?tu=01/05/2026&den=03/06/2026").text


def test_the_csv_notes_them(as_lead) -> None:
    client, _ = as_lead
    text = client.get(f"/bao-phu.csv?{MAY}").text.lstrip("\ufeff")
    weeks = {
        group: note
        for table, group, _, note in csv.reader(io.StringIO(text))
        if table.startswith("Theo tuần")
    }
    assert weeks == {
        "27/04/2026": "Không trọn tuần: chỉ tính từ 01/05/2026",
        "04/05/2026": "",
        "11/05/2026": "",
        "18/05/2026": "Không trọn tuần: chỉ tính đến 20/05/2026",
        "25/05/2026": "Tuần chưa tới, chưa có số liệu",
    }


def test_the_api_lists_them(as_lead) -> None:
    client, _ = as_lead
    weekly = client.get(f"/api/counts?{MAY}").json()
    assert weekly["partial_buckets"] == ["2026-04-27", "2026-05-18", "2026-05-25"]
    monthly = client.get(f"/api/counts?{MAY}&interval=month").json()
    assert monthly["partial_buckets"] == ["2026-05-01"]


def test_the_api_says_up_to_which_day_it_counts(as_lead) -> None:
    client, _ = as_lead
    assert client.get(f"/api/counts?{MAY}").json()["counted_to"] == "2026-05-20"
    assert client.get("/api/counts?tu=01/05/2026").json()["counted_to"] == "2026-05-20"
    earlier = client.get("/api/counts?tu=01/05/2026&den=10/05/2026").json()
    assert earlier["counted_to"] == "2026-05-10"
