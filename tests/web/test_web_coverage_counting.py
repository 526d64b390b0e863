"""What the coverage page's tables count, said on the page where the rows do not add up to the
total a reader compares them with."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime

from click.testing import CliRunner
from openpyxl import load_workbook

from index.base import Archive
from pressmon.cli import main
from pressmon.progress_text import cut_buckets_note
from pressmon.settings import Settings
from tests.web.conftest import Clock, make_doc, sign_in

MAY = "tu=01/05/2026&den=20/05/2026"


def _section(html: str, title: str) -> str:
    return html.split(f"<h2>{title}</h2>", 1)[1].split("</section>", 1)[0]


def test_the_topic_table_says_why_it_adds_up_to_more_than_the_articles(
    as_lead, archive: Archive
) -> None:
    client, _ = as_lead
    archive.upsert([make_doc(7, id="two-topics", topics=("luong_huu_chi_tra", "bhyt"))])
    html = client.get(f"/bao-phu?{MAY}").text
    total = _headline(html)
    topics = _section(html, "Chủ đề")
    summed = sum(
        int(n.replace(".", "")) for n in re.findall(r'<td class="num">([\d.]+)</td>', topics)
    )
    assert summed == total + 1
    assert (
        f"Một bài có thể thuộc nhiều chủ đề nên các dòng cộng lại ({summed}) nhiều hơn số tin, "
        f"bài ({total})."
    ) in topics
    api = client.get("/api/counts?tu=01/05/2026&den=20/05/2026&group_by=topic").json()
    assert (api["total"], api["distinct_total"]) == (total + 1, total)
    by_kind = client.get("/api/counts?tu=01/05/2026&den=20/05/2026&group_by=kind").json()
    assert by_kind["total"] == by_kind["distinct_total"] == total
    report = client.get(f"/bao-cao?{MAY}").text
    assert "Một bài có thể thuộc nhiều chủ đề" in _section(report, "Chủ đề")
    book = load_workbook(io.BytesIO(client.get(f"/bao-cao.xlsx?{MAY}").content))
    cells = [str(c.value) for row in book.worksheets[0].iter_rows() for c in row if c.value]
    assert any(c.startswith("Một bài có thể thuộc nhiều chủ đề") for c in cells)


def test_no_topic_note_when_the_rows_add_up(as_lead) -> None:
    client, _ = as_lead
    assert "thuộc nhiều chủ đề" not in client.get(f"/bao-phu?{MAY}").text


def test_the_weeks_the_range_cuts_are_named_with_the_days_they_count(
    as_lead, settings: Settings
) -> None:
    """The year's first week starts on Monday 29/12/2025 and counts from 01/01/2026 only, as a
    calendar-year target does; the page, the report and `pressmon counts` say so."""
    client, _ = as_lead
    note = (
        "Mỗi tuần chỉ tính các ngày trong khoảng đã chọn: tuần từ 29/12/2025 chỉ tính từ "
        "01/01/2026; tuần từ 18/05/2026 chỉ tính đến 20/05/2026."
    )
    assert note in client.get("/bao-phu?tu=01/01/2026&den=20/05/2026").text
    assert note in client.get("/bao-cao?tu=01/01/2026&den=20/05/2026").text
    assert "Mỗi tuần chỉ tính" not in client.get("/bao-phu?tu=04/05/2026&den=17/05/2026").text
    shown = CliRunner().invoke(
        main,
        [
            "--archive",
            str(settings.archive.path),
            "counts",
            "--from",
            "2026-01-01",
            "--to",
            "2026-05-20",
        ],
        env={"PRESSMON_SOURCES": str(settings.sources_file)},
    )
    assert shown.exit_code == 0, shown.output
    assert note in shown.output


def test_cut_weeks_note_names_one_week_cut_at_both_ends() -> None:
    monday = date(2026, 12, 28)
    assert cut_buckets_note((monday,), "week", date(2026, 12, 29), date(2026, 12, 31)) == (
        "Mỗi tuần chỉ tính các ngày trong khoảng đã chọn: tuần từ 28/12/2026 chỉ tính từ "
        "29/12/2026 đến 31/12/2026."
    )
    assert cut_buckets_note((monday,), "week", monday, date(2027, 1, 3)) is None
    assert cut_buckets_note((monday,), "week", None, None) is None
    assert cut_buckets_note((), "week", monday, monday) is None


def test_a_syndicated_copy_counts_at_each_outlet_and_the_page_says_so(
    as_lead, archive: Archive
) -> None:
    client, _ = as_lead
    national = make_doc(8, id="original", kind="national", outlet="baotw", story_id="story-8")
    copy = make_doc(9, id="copy", story_id="story-8")  # a provincial paper's copy, a day later
    archive.upsert([national, copy])
    html = client.get(f"/bao-phu?{MAY}").text
    assert _headline(html) == 6 + 2  # the seed's six press articles since 01/05, both copies
    rule = (
        "tin đăng lại ở báo khác (bài báo trung ương được báo địa phương đăng lại) được tính "
        "ở cả hai báo"
    )
    assert rule in html
    assert "chỉ tính một lần trong bảng tỉnh, thành phố, ở tỉnh, thành chính của bài" in html
    assert rule in client.get(f"/bao-cao?{MAY}").text


def _headline(html: str) -> int:
    found = re.search(r"<b>([\d.]+)</b> tin, bài\.", html)
    assert found, html
    return int(found.group(1).replace(".", ""))


def test_pace_read_at_a_range_that_ended_earlier_names_that_day(
    as_lead, settings: Settings
) -> None:
    """March asked in May: the year target is read at 31/03, and the pace sentence, the chart's
    pace line, the report and `pressmon counts --targets` say so instead of "from now"."""
    client, _ = as_lead  # the clock reads 20/05/2026
    march = "tu=01/03/2026&den=31/03/2026&chi_tieu=local_press_year"
    html = client.get(f"/bao-phu?{march}").text
    pace = re.search(
        r"Tính đến ngày 31/03/2026, cần ([\d.]+) bài/tuần trong 39,3 tuần còn lại", html
    )
    assert pace, html
    assert "bình quân đến ngày 31/03/2026" in html
    assert f"Cần {pace.group(1)}/tuần từ 31/03/2026</text>" in html and "từ nay" not in html
    assert "Tính đến ngày 31/03/2026, cần" in client.get(f"/bao-cao?{march}").text
    assert "Cần " in client.get("/bao-phu?tu=01/01/2026&den=20/05/2026").text
    assert "Tính đến ngày" not in client.get("/bao-phu?tu=01/01/2026&den=20/05/2026").text
    shown = CliRunner().invoke(
        main,
        ["--archive", str(settings.archive.path), "counts", "--targets", "--to", "2026-03-31"],
        env={"PRESSMON_SOURCES": str(settings.sources_file)},
    )
    assert shown.exit_code == 0, shown.output
    assert "39,3 tuần còn lại (tính đến 31/03/2026)" in shown.output


def test_the_csv_gives_the_page_total_which_its_kind_rows_do_not(as_lead, archive: Archive) -> None:
    """A forum post is listed among the kinds but is not press: the CSV's kind rows add up to
    more than the page's total, so the CSV states the total itself."""
    client, _ = as_lead
    forum = {"outlet": "dien_dan", "outlet_name": "Diễn đàn BHXH", "kind": "other"}
    archive.upsert([make_doc(5, id="forum", url="https://diendan.example/a", **forum)])
    total = _headline(client.get(f"/bao-phu?{MAY}").text)
    text = client.get(f"/bao-phu.csv?{MAY}").text.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == [
        "Tổng",
        "Tin, bài trên báo chí (không tính diễn đàn, mạng xã hội)",
        str(total),
        "",
    ]
    assert sum(int(n) for table, _, n, _ in rows[1:] if table == "Loại hình") == total + 1


def test_the_page_on_new_years_eve_shows_the_year_running(client, clock: Clock) -> None:
    """Read during 31/12, the year has not ended (tests/pressmon/test_day_in_progress.py)."""
    clock.now = datetime(2026, 12, 31, 3, 0, tzinfo=UTC)  # 10:00 in Vietnam
    sign_in(client, "binh")
    html = client.get("/bao-phu").text
    assert "Kỳ đã kết thúc" not in html and "ps-row-khong_dat" not in html  # provinces
    assert html.count('ps-row-cham"') == 34
    assert "tuần còn lại để đạt 15.000" in html
