"""Coverage figures and the leadership report (XLSX and printable HTML) on the real archive."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, date
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from pressmon.reports import coverage_figures, leadership_report, report_xlsx
from pressmon.settings import Campaign, Target, Targets
from pressmon.wiring import gazetteer_from

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TARGETS = Targets(
    targets=(
        Target(id="local", name="Báo địa phương", count=15000, kinds=("provincial",)),
        Target(
            id="may",
            name="Tháng vận động",
            count=310,
            period="campaign",
            campaign="may",
            kinds=("sector", "national", "provincial"),
        ),
    ),
    campaigns=(
        Campaign(id="may", name="Tháng vận động BHXH toàn dân", start="05-01", end="05-31"),
    ),
)


def test_coverage_figures(archive, settings) -> None:
    provinces = gazetteer_from(settings).provinces
    assert len(provinces) == 34 and "Hồ Chí Minh" in provinces and "Đắk Lắk" in provinces
    cov = coverage_figures(
        archive,
        TARGETS,
        date_from=date(2026, 4, 27),
        date_to=date(2026, 5, 24),
        today=date(2026, 5, 20),
        provinces=provinces,
        outlet_names={"baomau": "Báo Mẫu"},
        topics=("luong_huu_chi_tra", "truc_loi_lua_dao", "bhyt"),
    )
    assert cov.total == 7
    archive.upsert(
        [
            replace(
                archive.get("doc005"), id="forum1", url="https://dien-dan.example/1", kind="other"
            )
        ]
    )
    cov = coverage_figures(
        archive,
        TARGETS,
        date_from=date(2026, 4, 27),
        date_to=date(2026, 5, 24),
        today=date(2026, 5, 20),
        provinces=provinces,
        outlet_names={"baomau": "Báo Mẫu"},
        topics=("luong_huu_chi_tra", "truc_loi_lua_dao", "bhyt"),
    )
    assert (
        cov.total == 7 and dict(cov.by_kind)["other"] == 1
    )  # forums are shown, not counted as press
    rows = dict(cov.by_province)
    assert (
        rows["Hà Nội"] == 4 and rows["Cần Thơ"] == 1 and rows["Đắk Lắk"] == 1 and rows["Huế"] == 0
    )
    assert [name for name, _ in cov.by_province[:34]] == list(
        provinces
    )  # every province listed, in order
    assert dict(cov.by_kind) == {"provincial": 6, "national": 1, "other": 1}
    assert dict(cov.by_outlet)["Báo Mẫu"] == 6
    assert dict(cov.by_topic) == {
        "luong_huu_chi_tra": 3,
        "truc_loi_lua_dao": 4,
    }  # zero rows left out
    assert (
        len(cov.weekly.buckets) == 4 and sum(map(sum, cov.weekly.rows.values())) == 6
    )  # provincial only
    local, may = cov.targets
    # ceil(14,994 × 7 / 226 days): 20/05, read during it, is among the days left
    assert local.count == 6 and local.weekly_pace_required == 465
    assert (may.period_start, may.count, may.days_elapsed) == (date(2026, 5, 1), 6, 20)
    assert cov.campaigns[0].count == 6  # doc020 was published on 30/04


def test_leadership_report_xlsx(archive, clock) -> None:
    report = leadership_report(
        archive,
        TARGETS,
        date_from=date(2026, 5, 1),
        date_to=date(2026, 5, 31),
        now=clock.now,
        today=date(2026, 5, 20),
        tz=TZ,
    )
    assert dict(report.flagged_by_category).keys() == {"C1", "C5"}
    assert dict(report.status_totals) == {"unstarted": 4}
    book = load_workbook(io.BytesIO(report_xlsx(report, tz=UTC)))
    assert book.sheetnames == [
        "Tổng quan",
        "Tỉnh thành",
        "Tiến độ theo tỉnh",
        "Cơ quan báo chí",
        "Theo tuần",
        "Bài cần xác minh",
    ]
    assert book["Tổng quan"]["A1"].value == "Báo cáo theo dõi báo chí từ 01/05/2026 đến 31/05/2026"
    titles = [row[2] for row in book["Bài cần xác minh"].iter_rows(min_row=2, values_only=True)]
    assert any("<script>" in t for t in titles) and len(titles) == 4


def test_formula_like_titles_stay_text(archive, clock) -> None:
    doc = archive.get("doc003")
    archive.upsert([replace(doc, title='=HYPERLINK("http://x","bấm")')])
    report = leadership_report(
        archive,
        TARGETS,
        date_from=date(2026, 5, 1),
        date_to=date(2026, 5, 31),
        now=clock.now,
        today=date(2026, 5, 20),
        tz=TZ,
    )
    sheet = load_workbook(io.BytesIO(report_xlsx(report, tz=UTC)))["Bài cần xác minh"]
    cells = [row[2] for row in sheet.iter_rows(min_row=2)]
    formula = next(c for c in cells if str(c.value).startswith("=HYPERLINK"))
    assert formula.data_type == "s"


def test_report_page_is_printable(as_lead) -> None:
    client, token = as_lead
    for form in (
        {"action": "status", "status": "false", "note": "Mạo danh"},
        {"action": "follow_up", "follow_up": "reported_to_leadership", "note": "Tuần 20"},
    ):
        client.post("/bai/doc003/xu-ly", data={"csrf_token": token, **form})
    html = client.get("/bao-cao?tu=01/05/2026&den=31/05/2026").text
    assert "Báo cáo theo dõi báo chí từ 01/05/2026 đến 31/05/2026" in html
    assert "<svg" in html and "C1 · Mạo danh cơ quan, cán bộ BHXH" in html
    assert '<span class="chip follow">Đã báo cáo lãnh đạo</span>' in html
    assert "@media print" in client.get("/static/style.css").text
    # Leadership reads it on paper: the rules are worded without pressmon's commands and files.
    assert "Cách đếm: mỗi bài đăng ở một báo tính một lần" in html
    assert "Chỉ tiêu của từng tỉnh: tỉnh có chỉ tiêu riêng (đánh dấu *)" in html
    assert "pressmon counts" not in html and "config/targets.yaml" not in html
    workbook = client.get("/bao-cao.xlsx?tu=2026-05-01&den=2026-05-31")
    assert workbook.headers["content-type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(workbook.content))
    assert book["Tổng quan"]["B3"].value == 6
    rows = list(book["Bài cần xác minh"].iter_rows(min_row=2, values_only=True))
    assert ("Sai sự thật", "Đã báo cáo lãnh đạo") in {(r[7], r[8]) for r in rows}


def test_coverage_page_and_csv(as_lead) -> None:
    client, _ = as_lead
    html = client.get("/bao-phu?tu=2026-04-27&den=2026-05-24").text
    assert (
        "bài/tuần trong" in html
        and "Hồ Chí Minh" in html
        and "Tháng vận động triển khai BHXH toàn dân" in html
    )
    # The operators' dashboard names the command and the file behind the rules.
    assert "<code>pressmon counts --stories</code>" in html and "config/targets.yaml" in html
    text = client.get("/bao-phu.csv?tu=2026-04-27&den=2026-05-24").text.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert ["Tỉnh, thành phố", "Hà Nội", "4", ""] in rows and [
        "Loại hình",
        "Báo địa phương",
        "6",
        "",
    ] in rows
    assert ["Tỉnh, thành phố", "Huế", "0", ""] in rows


def test_topic_breakdown_agrees_with_grouped_counts(archive, document_factory) -> None:
    from index.types import Query
    from pressmon.reports import _topic_totals
    from pressmon.web.formatting import TOPIC_LABELS

    archive.upsert(
        [
            document_factory(40, id="multi", topics=("bhyt", "bhtn")),
            document_factory(41, id="none", topics=()),
        ]
    )
    base = Query(date_from=date(2026, 1, 1), date_to=date(2026, 12, 31))
    grouped = {g: sum(c) for g, c in archive.counts(base, group_by="topic").rows.items() if sum(c)}
    assert dict(_topic_totals(archive, base, tuple(TOPIC_LABELS))) == grouped
