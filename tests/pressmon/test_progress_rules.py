"""Status rules, the split of a target by province, the pace figure and the generated sentences."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from index import CountTable
from pressmon.coverage import (
    coverage_progress,
    default_window,
    progress_status,
    required_weekly_pace,
)
from pressmon.progress_text import pace_sentence, report_summary
from pressmon.province_targets import (
    needing_attention,
    province_progress,
    province_targets,
    sort_provinces,
    split_by_share,
)
from pressmon.settings import Campaign, Target, Targets

YEAR = (date(2026, 1, 1), date(2026, 12, 31))
LOCAL = Target(id="local", name="Báo địa phương", count=15_000, kinds=("provincial",))
MAY = Campaign(id="thang5", name="Tháng vận động", start="05-01", end="05-31")
MAY_TARGET = Target(id="may", name="Tháng 5", count=3_000, period="campaign", campaign="thang5")


@pytest.mark.parametrize(
    ("count", "elapsed", "expected"),
    [
        (15_000, 100, "dat"),  # reached early
        (15_000, 365, "dat"),
        (14_999, 365, "khong_dat"),  # finished short: never "cham"
        (0, 365, "khong_dat"),
        (4_110, 100, "dung_tien_do"),  # plan to day 100: round(15,000 × 100 / 365) = 4,110
        (4_109, 100, "cham"),
        (0, 0, "chua_bat_dau"),
    ],
)
def test_status_rules(count: int, elapsed: int, expected: str) -> None:
    assert progress_status(count, 15_000, days_elapsed=elapsed, days_total=365) == expected


def test_required_pace_rounds_up_and_stops_when_the_period_ends() -> None:
    assert required_weekly_pace(5_760, 140) == 288  # 20 weeks left
    assert required_weekly_pace(5_761, 140) == 289
    assert required_weekly_pace(100, 0) is None


def test_split_by_share_adds_up_exactly_by_largest_remainder() -> None:
    parts = split_by_share(100, ["A", "B", "C"], {"A": 1, "B": 1, "C": 1})
    assert parts == {"A": 34, "B": 33, "C": 33}  # the tie goes to the first listed
    parts = split_by_share(15_000, ["A", "B", "C"], {"A": 600, "B": 300, "C": 100})
    assert parts == {"A": 9_000, "B": 4_500, "C": 1_500}
    parts = split_by_share(10, ["A", "B", "C"], {"A": 2, "B": 1})
    assert parts == {"A": 7, "B": 3, "C": 0} and sum(parts.values()) == 10


def test_split_is_equal_without_history() -> None:
    provinces = [f"Tỉnh {n}" for n in range(34)]
    parts = split_by_share(15_000, provinces, {})
    assert sum(parts.values()) == 15_000
    assert sorted(set(parts.values())) == [441, 442]  # 15,000 = 34 × 441 + 6
    assert [parts[p] for p in provinces[:7]] == [442] * 6 + [441]


def test_explicit_province_targets_come_off_the_top() -> None:
    # The rest (600) by recent share, one article added to each: B 3+1, C 1+1, D 0+1.
    targets = province_targets(1_000, ["A", "B", "C", "D"], {"A": 400}, {"B": 3, "C": 1})
    assert targets == {"A": 400, "B": 343, "C": 171, "D": 86}


def test_province_progress_sorts_worst_first() -> None:
    rows = province_progress(
        {"A": 100, "B": 100, "C": 100, "D": 100},
        {"A": 100, "B": 10, "C": 60, "D": 30},
        {"A": 100},
        days_elapsed=182,
        days_total=365,
    )
    assert {r.province: r.status for r in rows} == {
        "A": "dat",
        "B": "cham",
        "C": "dung_tien_do",
        "D": "cham",
    }
    assert rows[0].explicit and not rows[1].explicit
    assert rows[1].weekly_pace_required == 4  # 90 missing × 7 / 183 days left = 3.4, rounded up
    assert [r.province for r in sort_provinces(rows, "tien_do")] == ["B", "D", "C", "A"]
    assert [r.province for r in sort_provinces(rows, "so_bai")] == ["A", "C", "D", "B"]
    assert [r.province for r in sort_provinces(rows, "ten")] == ["A", "B", "C", "D"]
    assert [r.province for r in needing_attention(rows)] == ["B", "D"]


def _table(first: date, counts: list[int]) -> CountTable:
    buckets = tuple(first + timedelta(weeks=i) for i in range(len(counts)))
    return CountTable(buckets=buckets, rows={"": tuple(counts)}, interval="week", group_by=None)


def test_pace_sentence_running_reached_and_finished() -> None:
    # As of Sunday 16/08/2026 (day 228): 137 days = 19.6 weeks left.
    table = _table(date(2025, 12, 29), [200] * 33)  # 6,600 articles
    running = coverage_progress(LOCAL, table, period=YEAR, as_of=date(2026, 8, 16))
    assert running.weekly_pace_required == 430  # ceil(8,400 × 7 / 137) = ceil(429.2)
    assert pace_sentence(running) == (
        "Cần 430 bài/tuần trong 19,6 tuần còn lại để đạt 15.000 "
        "(đã có 6.600 bài, 44%; bình quân đến nay 202,6 bài/tuần)."
    )
    assert running.status == "cham" and running.status_label == "Chậm"
    finished = coverage_progress(LOCAL, table, period=YEAR, as_of=date(2027, 1, 5))
    assert finished.status == "khong_dat"
    assert pace_sentence(finished) == (
        "Kỳ đã kết thúc ngày 31/12/2026: không đạt, có 6.600/15.000 bài, thiếu 8.400 bài."
    )
    reached = coverage_progress(
        LOCAL, _table(date(2025, 12, 29), [500] * 33), period=YEAR, as_of=date(2026, 8, 16)
    )
    assert reached.status == "dat" and pace_sentence(reached).startswith("Đã đạt chỉ tiêu 15.000")


def test_report_summary_names_the_provinces_needing_attention() -> None:
    table = _table(date(2025, 12, 29), [200] * 33)
    progress = coverage_progress(LOCAL, table, period=YEAR, as_of=date(2026, 8, 16))
    rows = province_progress(
        {"Nghệ An": 500, "Huế": 400, "Cần Thơ": 300},
        {"Nghệ An": 500, "Huế": 50, "Cần Thơ": 200},
        {},
        days_elapsed=228,
        days_total=365,
    )
    attention = needing_attention(rows)
    text = report_summary(6_600, progress, rows, attention, published=3)
    assert text.startswith("Trong kỳ báo cáo có 6.600 tin, bài về BHXH, BHYT, BHTN trên báo chí.")
    assert "đánh giá: chậm. Cần 430 bài/tuần trong 19,6 tuần còn lại" in text
    assert "Theo tỉnh, thành phố: 1/3 đã đạt, 1 đúng tiến độ, 1 cần chú ý." in text
    assert "Cần chú ý nhất: Huế (12,5%)." in text
    assert text.endswith("Có 3 tin cần xác minh đăng trong kỳ; không tin nào được xử lý trong kỳ.")


def test_report_summary_counts_the_items_listed_and_says_when_it_cut_them() -> None:
    acted = "được xử lý trong kỳ (kết luận, báo cáo lãnh đạo, đề nghị cải chính, mở lại,"
    text = report_summary(10, None, (), (), published=4, acted=3, acted_outside=1, listed=5)
    assert text.endswith(
        f"Có 4 tin cần xác minh đăng trong kỳ; 3 tin {acted} tỉnh chuyển lên hoặc Trung tâm trả "
        "lại tỉnh), trong đó 1 tin đăng ngoài kỳ; mục 2 liệt kê 5 tin."
    )
    text = report_summary(10, None, (), (), published=2_344, acted=3, acted_outside=1, listed=2_000)
    assert text.endswith(
        "trong đó 1 tin đăng ngoài kỳ. Chỉ liệt kê 2.000 trên 2.345 mục; thu hẹp kỳ báo cáo để "
        "xem đủ (tin được xử lý trong kỳ được liệt kê trước, rồi đến tin đăng mới nhất)."
    )
    assert report_summary(10, None, (), (), published=0).endswith(
        "Không có tin nào cần xác minh đăng hoặc được xử lý trong kỳ."
    )
    assert report_summary(10, None, (), (), published=0, acted=2, acted_outside=2).endswith(
        f"Không có tin nào cần xác minh đăng trong kỳ; 2 tin {acted} tỉnh chuyển lên hoặc Trung "
        "tâm trả lại tỉnh), trong đó 2 tin đăng ngoài kỳ; mục 2 liệt kê 2 tin."
    )


def test_report_summary_says_how_many_distinct_contents_the_items_listed_are() -> None:
    text = report_summary(10, None, (), (), published=76, listed=76, contents=10)
    assert text.endswith(
        "Có 76 tin cần xác minh (10 nội dung khác nhau) đăng trong kỳ; không tin nào được xử lý "
        "trong kỳ."
    )
    text = report_summary(10, None, (), (), published=4, acted=3, acted_outside=1, contents=3)
    assert text.startswith("Trong kỳ") and "Có 4 tin cần xác minh đăng trong kỳ;" in text
    assert text.endswith("mục 2 liệt kê 5 tin (3 nội dung khác nhau).")
    text = report_summary(10, None, (), (), published=2_344, listed=2_000, contents=900)
    assert text.endswith("mới nhất). Các mục được liệt kê gồm 900 nội dung khác nhau.")
    # No copies among them: said as before.
    assert report_summary(10, None, (), (), published=3, contents=3).endswith(
        "Có 3 tin cần xác minh đăng trong kỳ; không tin nào được xử lý trong kỳ."
    )


def test_copies_of_a_single_content_are_not_called_one_distinct_content() -> None:
    # "1 nội dung khác nhau" reads as a slip: one content cannot differ.
    text = report_summary(10, None, (), (), published=13, listed=13, contents=1)
    assert "Có 13 tin cần xác minh (cùng một nội dung) đăng trong kỳ" in text
    text = report_summary(10, None, (), (), published=2_344, listed=2_000, contents=1)
    assert text.endswith("Các mục được liệt kê đều cùng một nội dung.")
    assert "khác nhau" not in text


def test_default_window_is_the_running_campaign_else_the_year_so_far() -> None:
    targets = Targets(targets=(LOCAL, MAY_TARGET), campaigns=(MAY,))
    assert default_window(date(2026, 5, 20), targets) == (
        date(2026, 5, 1),
        date(2026, 5, 20),
        "may",
    )
    assert default_window(date(2026, 9, 3), targets) == (date(2026, 1, 1), date(2026, 9, 3), None)
