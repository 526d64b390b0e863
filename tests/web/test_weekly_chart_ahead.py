"""The weekly chart on /bao-phu and /bao-cao with `den` after today (the clock's Wednesday
20/05/2026): a week not yet begun is no bar but part of a grey "chưa tới" band, not an empty
bar that reads as a week without coverage, and the weeks the range cuts (the week under way)
are pale bars; a legend names both."""

from __future__ import annotations

import re
from datetime import date, timedelta

from pressmon.web.charts import weekly_chart

MAY = "tu=01/05/2026&den=31/05/2026"  # the whole month, read on its 20th
WEEKS = [date(2026, 4, 27) + timedelta(weeks=n) for n in range(5)]  # 27/04 … 25/05
AHEAD = "Tuần từ 25/05/2026: chưa tới, chưa có số liệu"


def _chart(date_from: date | None = None, counted_to: date | None = None) -> str:
    counts = [1, 4, 2, 3, 0]
    label = "Báo <địa phương>"
    return str(weekly_chart(WEEKS, counts, label=label, date_from=date_from, counted_to=counted_to))


def test_a_week_not_begun_is_no_bar_but_a_band_named_chua_toi() -> None:
    svg = _chart(date_from=date(2026, 5, 1), counted_to=date(2026, 5, 20))
    assert f'class="ahead"><title>{AHEAD}</title></rect>' in svg
    assert "25/05/2026: 0 tin, bài" not in svg  # no zero bar for it
    assert svg.count('class="bar"><title>') == 2  # 04/05 and 11/05, whole
    assert svg.count('class="bar partial"><title>') == 2  # the first week and the week under way
    assert "<title>Tuần từ 18/05/2026 (chỉ tính đến 20/05/2026): 3 tin, bài</title>" in svg
    assert "<title>Tuần từ 27/04/2026 (chỉ tính từ 01/05/2026): 1 tin, bài</title>" in svg
    legend = re.findall(r'class="(partial|ahead)"/><text[^>]*>([^<]*)</text>', svg)
    assert legend == [
        ("partial", "Tuần chỉ tính một phần"),
        ("ahead", "Tuần chưa tới, chưa có số liệu"),
    ]
    assert "Báo &lt;địa phương&gt;" in svg and "<địa" not in svg


def test_whole_weeks_draw_as_before() -> None:
    svg = _chart()
    assert svg.count('class="bar"') == 5 and "ahead" not in svg and "partial" not in svg


def test_the_page_marks_the_weeks_ahead_and_the_week_under_way(as_lead) -> None:
    client, _ = as_lead
    for url in (f"/bao-phu?{MAY}", f"/bao-cao?{MAY}"):
        page = client.get(url).text
        assert f"<title>{AHEAD}</title>" in page, url
        assert "Tuần từ 25/05/2026: 0 tin, bài" not in page, url
        assert "Tuần từ 18/05/2026 (chỉ tính đến 20/05/2026):" in page, url
