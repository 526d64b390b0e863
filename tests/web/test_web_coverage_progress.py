"""Progress at a glance through HTTP: default window, cumulative chart, 34-row province table with
statuses and sort links, one pace figure, and the report's opening summary."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from tests.web.conftest import Clock, sign_in

PROVINCE_ROW = re.compile(r'<tr class="ps-row-([a-z_]+)">\s*<td>([^<*]+?)(?: <span|</td>)')


def _province_rows(html: str) -> list[tuple[str, str]]:
    table = html.split('<table class="grid provinces-progress">', 1)[1].split("</table>", 1)[0]
    return [(name.strip(), status) for status, name in PROVINCE_ROW.findall(table)]


def test_default_is_the_running_campaign_with_its_pace_in_chart_and_tables(as_lead) -> None:
    client, _ = as_lead  # the clock reads 20/05/2026: the May campaign is under way
    html = client.get("/bao-phu").text
    assert 'name="tu" value="01/05/2026"' in html and 'name="den" value="20/05/2026"' in html
    assert "Lũy kế so với chỉ tiêu — Tháng vận động triển khai BHXH toàn dân" in html
    # One pace figure: the sentence, the chart's pace line and the targets table agree.
    pace = re.search(r"Cần ([\d.]+) bài/tuần trong ([\d,]+) tuần còn lại để đạt 3.000", html)
    assert pace, html
    assert f"Cần {pace.group(1)}/tuần từ nay</text>" in html
    assert f'<td class="num">{pace.group(1)}</td>' in html
    assert "Chỉ tiêu 3.000</text>" in html and "Kế hoạch đều từ đầu kỳ</text>" in html
    assert "Đã có 6 (đến 20/05/2026)</text>" in html  # the seed's six press articles since 01/05
    rows = _province_rows(html)
    assert len(rows) == 34 and {status for _, status in rows} == {"cham"}
    assert "chia đều" in html and "không đạt" in html  # the split and status rules, on the page


def test_year_by_default_outside_campaigns(client, clock: Clock) -> None:
    clock.now = datetime(2026, 9, 3, 3, 0, tzinfo=UTC)
    sign_in(client, "binh")
    html = client.get("/bao-phu").text
    assert 'name="tu" value="01/01/2026"' in html and 'name="den" value="03/09/2026"' in html
    assert "Lũy kế so với chỉ tiêu — Tin, bài, phóng sự trên báo chí địa phương" in html
    # 15,000 split equally (no coverage the year before): 442 for the first six provinces.
    assert re.search(r"Hà Nội</td>\s*<td class=\"num\">4</td>\s*<td class=\"num\">442</td>", html)


def test_a_finished_year_reads_khong_dat_never_cham(client, clock: Clock) -> None:
    clock.now = datetime(2027, 1, 5, 3, 0, tzinfo=UTC)
    sign_in(client, "binh")
    html = client.get("/bao-phu?tu=01/01/2026&den=31/12/2026&chi_tieu=local_press_year").text
    statuses = {status for _, status in _province_rows(html)}
    assert statuses == {"khong_dat"}
    assert "Kỳ đã kết thúc ngày 31/12/2026: không đạt" in html
    assert ">Chậm<" not in html


def test_province_table_sorts_on_the_server(as_lead) -> None:
    client, _ = as_lead
    query = "tu=01/05/2026&den=20/05/2026&chi_tieu=may_campaign"
    by_count = _province_rows(client.get(f"/bao-phu?{query}&sap_xep=so_bai").text)
    assert by_count[0][0] == "Hà Nội"  # four articles, the most
    by_name = _province_rows(client.get(f"/bao-phu?{query}&sap_xep=ten").text)
    assert by_name[:2] == [("Hà Nội", "cham"), ("Hải Phòng", "cham")]  # provinces.yaml order
    by_progress = _province_rows(client.get(f"/bao-phu?{query}&sap_xep=tien_do").text)
    assert by_progress[-1][0] == "Hà Nội"  # the least behind comes last
    html = client.get(f"/bao-phu?{query}&sap_xep=<script>").text
    assert "<script>" not in html and len(_province_rows(html)) == 34  # unknown: default order
    sort_link = "?tu=01%2F05%2F2026&amp;den=20%2F05%2F2026&amp;chi_tieu=may_campaign&amp;sap_xep="
    assert sort_link + "so_bai" in html


def test_report_opens_with_a_summary_and_the_provinces_needing_attention(as_lead) -> None:
    client, _ = as_lead
    html = client.get("/bao-cao").text
    summary = html.index('id="tom-tat"')
    attention = html.index('id="can-chu-y"')
    assert summary < attention < html.index("1. Độ phủ tin bài")
    paragraph = html[summary:].split("</p>", 1)[0]
    assert "Trong kỳ báo cáo có 6 tin, bài" in paragraph
    assert "Tháng vận động triển khai BHXH toàn dân" in paragraph
    assert "0/34 đã đạt, 0 đúng tiến độ, 34 cần chú ý" in paragraph
    assert "Cần chú ý nhất:" in paragraph and "và 29 tỉnh khác" in paragraph
    assert "tin cần xác minh" in paragraph


@pytest.mark.parametrize(
    "path",
    [
        "/bao-phu",  # the year so far: the May campaign has not begun
        "/bao-phu?chi_tieu=may_campaign",
        "/bao-phu?tu=01/01/2026&den=31/03/2026",
        "/bao-phu.csv",
        "/bao-phu.xlsx",
        "/bao-cao",
        "/bao-cao.xlsx",
    ],
)
def test_a_campaign_yet_to_begin_reads_chua_bat_dau(client, clock: Clock, path: str) -> None:
    # Before 1 May every year, counting the May campaign from 01/05 to today was refused (400).
    clock.now = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)
    sign_in(client, "binh")
    response = client.get(path)
    assert response.status_code == 200
    if path == "/bao-phu?chi_tieu=may_campaign":
        assert {status for _, status in _province_rows(response.text)} == {"chua_bat_dau"}
