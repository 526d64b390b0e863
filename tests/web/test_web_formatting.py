"""Escaping, highlighting, Vietnamese dates and numbers, and the server-side SVG chart."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from index import CountTable
from pressmon.coverage import coverage_progress
from pressmon.settings import Target
from pressmon.web.charts import axis_ticks, cumulative_chart, weekly_chart
from pressmon.web.formatting import (
    correction_date,
    csv_safe,
    highlight,
    number,
    parse_vn_date,
    safe_snippet,
    safe_url,
    vn_datetime,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("text", "needles", "expected"),
    [
        ("Cán bộ BHXH gọi điện", ["cán bộ BHXH"], "<mark>Cán bộ BHXH</mark> gọi điện"),
        ("<b>OTP</b> & mã", ["OTP"], "&lt;b&gt;<mark>OTP</mark>&lt;/b&gt; &amp; mã"),
        (
            "a &amp; b",
            ["amp"],
            "a &amp;<mark>amp</mark>; b",
        ),  # matches raw text, never splits an entity
        (
            "mã OTP, mã OTP",
            ["mã OTP", "OTP"],
            "<mark>mã OTP</mark>, <mark>mã OTP</mark>",
        ),  # overlaps merge
        ("không khớp", ["x"], "không khớp"),  # one-character needles are ignored
        ("hoa\u0300 bình", ["hoà bình"], "<mark>hoà bình</mark>"),  # NFD text is normalised first
        (
            "mua muasắm, mua.",
            ["mua"],
            "<mark>mua</mark> muasắm, <mark>mua</mark>.",
        ),  # whole words only
        ("Năm nay, năm", ["năm"], "<mark>Năm</mark> nay, <mark>năm</mark>"),
        (
            "chậm lương hưu, lương",
            ["lương", "hưu"],
            "chậm <mark>lương hưu</mark>, <mark>lương</mark>",
        ),  # marks apart only by spaces are one, as in search results
        (
            "lương</mark> <mark>hưu",
            ["lương", "hưu"],
            "<mark>lương</mark>&lt;/mark&gt; &lt;mark&gt;<mark>hưu</mark>",
        ),  # the text's own tags stay escaped text and join nothing
    ],
)
def test_highlight(text, needles, expected) -> None:
    assert str(highlight(text, needles)) == expected


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("lương <mark>hưu</mark> tháng", "lương <mark>hưu</mark> tháng"),
        ("a &lt;script&gt; <mark>b</mark>", "a &lt;script&gt; <mark>b</mark>"),
        (
            "<script>alert(1)</script><mark>x</mark>",
            "&lt;script&gt;alert(1)&lt;/script&gt;<mark>x</mark>",
        ),
        ("<mark>open", "<mark>open</mark>"),
        ('<mark onclick="x">a</mark>', "&lt;mark onclick=&#34;x&#34;&gt;a</mark>"),
    ],
)
def test_safe_snippet_keeps_only_mark(snippet, expected) -> None:
    assert str(safe_snippet(snippet)) == expected


def test_dates_and_numbers() -> None:
    assert vn_datetime(datetime(2026, 5, 3, 17, 30, tzinfo=UTC), VN) == "04/05/2026 00:30"
    assert parse_vn_date("04/05/2026") == parse_vn_date("2026-05-04") == date(2026, 5, 4)
    assert parse_vn_date("31/02/2026") is None and parse_vn_date("") is None
    assert number(15000) == "15.000" and number(1234.5) == "1.234,5"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://baomau.vn/a", "https://baomau.vn/a"),
        ("javascript:alert(1)", "#"),
        ("data:text/html,x", "#"),
    ],
)
def test_safe_url(url, expected) -> None:
    assert safe_url(url) == expected


def test_csv_safe() -> None:
    assert csv_safe("=1+1") == "'=1+1" and csv_safe("Hà Nội") == "Hà Nội" and csv_safe(None) == ""


def test_weekly_chart_has_bars_on_their_own_scale_and_escaped_label() -> None:
    weeks = [date(2026, 5, 4), date(2026, 5, 11), date(2026, 5, 18)]
    svg = str(weekly_chart(weeks, [1, 4, 0], label="Báo <địa phương>"))
    assert svg.startswith("<svg") and svg.count('class="bar"') == 3
    assert ">4</text>" in svg and ">15.000<" not in svg  # the axis tops at the weekly counts
    assert "Báo &lt;địa phương&gt;" in svg and "11/05" in svg


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (1, [0, 1]),
        (4, [0, 1, 2, 3, 4]),  # quarters of 5 were labelled 0, 1, 2, 4, 5
        (7, [0, 2, 4, 6, 8]),
        (12, [0, 5, 10, 15]),
        (31.5, [0, 10, 20, 30, 40]),  # quarters of 50 were labelled 12 and 38
        (15_750, [0, 5_000, 10_000, 15_000, 20_000]),
    ],
)
def test_axis_ticks_are_whole_equal_steps_reaching_the_top(top: float, ticks: list[int]) -> None:
    assert axis_ticks(top) == ticks


def test_every_axis_label_names_the_height_of_its_line() -> None:
    """A bar of 4 must end on the line labelled 4: the labels were rounded quarters of the top."""
    weeks = [date(2026, 5, 4), date(2026, 5, 11), date(2026, 5, 18)]
    svg = str(weekly_chart(weeks, [1, 4, 2]))
    lines = [float(v) for v in re.findall(r'<line [^>]*y1="([\d.]+)"[^>]*class="grid"', svg)]
    labels = re.findall(r'y="([\d.]+)" text-anchor="end" class="axis">([\d.]+)</text>', svg)
    assert [int(text) for _, text in labels] == [0, 1, 2, 3, 4]
    assert [round(float(y) - 4, 1) for y, _ in labels] == lines
    bar_tops = re.findall(r'y="([\d.]+)" width="[\d.]+" height="[\d.]+" class="bar">', svg)
    assert float(bar_tops[1]) == lines[4]  # the bar of 4 ends on the line labelled 4


def test_cumulative_chart_labels_every_line_and_shows_the_one_pace_figure() -> None:
    local = Target(id="local", name="Báo <địa phương>", count=15_000, kinds=("provincial",))
    buckets = tuple(date(2025, 12, 29) + timedelta(weeks=i) for i in range(33))
    table = CountTable(buckets=buckets, rows={"": (200,) * 33}, interval="week", group_by=None)
    progress = coverage_progress(
        local, table, period=(date(2026, 1, 1), date(2026, 12, 31)), as_of=date(2026, 8, 16)
    )
    svg = str(cumulative_chart(progress))
    for legend in (
        "Đã có 6.600 (đến 16/08/2026)",
        "Chỉ tiêu 15.000",
        "Kế hoạch đều từ đầu kỳ",
        f"Cần {progress.weekly_pace_required}/tuần từ nay",
    ):
        assert f"{legend}</text>" in svg
    assert svg.count('class="pace"') == 2  # the legend's swatch and the line
    assert "Báo &lt;địa phương&gt;" in svg and "01/2026" in svg and "12/2026" in svg
    reached = coverage_progress(
        local,
        CountTable(buckets=buckets, rows={"": (500,) * 33}, interval="week", group_by=None),
        period=(date(2026, 1, 1), date(2026, 12, 31)),
        as_of=date(2026, 8, 16),
    )
    assert 'class="pace"' not in str(cumulative_chart(reached))  # nothing left to chase


def test_unreadable_dates_are_reported_not_guessed(as_reviewer) -> None:
    client, _ = as_reviewer
    html = client.get("/hang-doi?tu=31/02/2026&den=20/05/2026").text
    assert "Ngày không hợp lệ (Từ ngày), đã bỏ qua" in html
    assert 'name="den" value="20/05/2026"' in html


def test_a_known_claims_correction_date_reads_the_vietnamese_way(as_reviewer) -> None:
    assert correction_date("2024-07") == "tháng 07/2024"
    assert correction_date("đầu năm 2024") == "đầu năm 2024"  # not a date: shown as written
    client, _ = as_reviewer
    html = client.get("/bai/doc001").text  # its matched denial was corrected on 2025-03-01
    assert "Ngày đính chính: 01/03/2025" in html
