"""Vietnamese publication dates: every visible and structured format seen on real outlets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TypeVar

import pytest

from crawlers.errors import DateError
from crawlers.extract.dates import (
    VN_TZ,
    DateCandidate,
    candidate,
    parse_date,
    relative_candidate,
    url_date,
)
from crawlers.extract.reconcile import choose_published

NOW = datetime(2026, 3, 8, 12, 0, tzinfo=VN_TZ)
T = TypeVar("T")


def vn(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=VN_TZ)


def found(value: T | None) -> T:
    assert value is not None, "nothing found"
    return value


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Thứ tư, 28/09/2022 10:15 (GMT+7)", vn(2022, 9, 28, 10, 15), "minute"),
        ("Thứ bảy, 7/3/2026, 00:05 (GMT+7)", vn(2026, 3, 7, 0, 5), "minute"),
        ("Thứ bảy, 07/03/2026 - 08:07", vn(2026, 3, 7, 8, 7), "minute"),
        ("Thứ Bảy, 07/03/2026 - 08:52", vn(2026, 3, 7, 8, 52), "minute"),
        ("07/03/2026 08:01 GMT+7", vn(2026, 3, 7, 8, 1), "minute"),
        ("07-03-2026 - 00:01 AM", vn(2026, 3, 7, 0, 1), "minute"),
        ("07-03-2026 - 12:30 AM", vn(2026, 3, 7, 0, 30), "minute"),
        ("07-03-2026 - 03:10 PM", vn(2026, 3, 7, 15, 10), "minute"),
        ("07/03/2026 3:10 CH", vn(2026, 3, 7, 15, 10), "minute"),
        ("- 07/03/2026 08:47", vn(2026, 3, 7, 8, 47), "minute"),
        ("08/01/2026 - 18:21", vn(2026, 1, 8, 18, 21), "minute"),
        ("07/03/2026   08:52 (GMT+07:00)", vn(2026, 3, 7, 8, 52), "minute"),
        ("Cập nhật lúc 15h30 ngày 02/01/2025", vn(2025, 1, 2, 15, 30), "minute"),
        ("21 tháng 09 năm 2025", vn(2025, 9, 21), "day"),
        ("Thứ Hai, ngày 5 tháng 1, 2026", vn(2026, 1, 5), "day"),
        ("01/03/2026", vn(2026, 3, 1), "day"),
        ("2026-03-07T08:52:11.000 +07:00", vn(2026, 3, 7, 8, 52, 11), "minute"),
        ("2026-03-07T08:01:53+07:00", vn(2026, 3, 7, 8, 1, 53), "minute"),
        ("2026-03-07T00:01:00", vn(2026, 3, 7, 0, 1), "minute"),  # naive -> Vietnam time
        ("2026-03-07 08:07", vn(2026, 3, 7, 8, 7), "minute"),
        ("2026-03-07T01:07:18Z", vn(2026, 3, 7, 8, 7, 18), "minute"),
        ("2026-01-08", vn(2026, 1, 8), "day"),
    ],
)
def test_parse_date_formats(text: str, expected: datetime, precision: str) -> None:
    value, found_precision = found(parse_date(text))
    assert value == expected
    assert value.utcoffset() == timedelta(hours=7)
    assert found_precision == precision


def test_gmt_plus_seven_is_never_utc_minus_seven() -> None:
    # dateutil reads "GMT+7" POSIX-style as UTC-7; 10:15 GMT+7 is 03:15 UTC.
    value, _ = found(parse_date("Thứ sáu, 6/8/2021, 10:15 (GMT+7)"))
    assert value.astimezone(UTC) == datetime(2021, 8, 6, 3, 15, tzinfo=UTC)


def test_explicit_foreign_offset_is_converted_to_vietnam_time() -> None:
    value, _ = found(parse_date("2026-03-07T08:00:00-05:00"))
    assert value == vn(2026, 3, 7, 20, 0)


@pytest.mark.parametrize(
    "text", ["", "Thứ bảy", "32/01/2026", "07/13/2026 08:00", "hôm qua", "08:07"]
)
def test_unparseable_or_impossible_dates_give_none(text: str) -> None:
    assert parse_date(text) is None


def test_day_first_never_month_first() -> None:
    assert found(parse_date("03/07/2026"))[0] == vn(2026, 7, 3)


def test_url_dates_only_from_explicit_path_segments() -> None:
    assert found(url_date("https://x.vn/2025/09/21/tin-bhxh.html"))[0] == vn(2025, 9, 21)
    # Long numeric ids are creation timestamps, not publication dates.
    assert url_date("https://tuoitre.vn/chien-su-20260307075519174.htm") is None


def test_structured_midnight_counts_as_day_precision() -> None:
    assert found(candidate("2026-01-08T00:00:00+07:00", "json-ld")).precision == "day"
    assert found(candidate("2026-01-08T00:05:00+07:00", "json-ld")).precision == "minute"


def c(value: datetime, source: str, precision: str = "minute") -> DateCandidate:
    return DateCandidate(value, source, precision)


def test_choose_prefers_json_ld_over_meta_and_visible_text() -> None:
    chosen = choose_published(
        [
            c(vn(2026, 3, 7, 8, 1), "json-ld"),
            c(vn(2026, 3, 7, 8, 1, 53), "meta"),
            c(vn(2026, 3, 7, 8, 1), "visible-text"),
        ],
        NOW,
    )
    assert (chosen.source, chosen.value) == ("json-ld", vn(2026, 3, 7, 8, 1))


def test_choose_takes_the_visible_time_when_json_ld_has_only_the_day() -> None:
    chosen = choose_published(
        [c(vn(2026, 1, 8), "json-ld", "day"), c(vn(2026, 1, 8, 18, 21), "visible-text")], NOW
    )
    assert chosen.value == vn(2026, 1, 8, 18, 21)
    assert chosen.source == "visible-text"


def test_choose_keeps_the_structured_day_when_the_visible_time_is_another_day() -> None:
    chosen = choose_published(
        [c(vn(2026, 1, 8), "json-ld", "day"), c(vn(2026, 1, 9, 7, 0), "visible-text")], NOW
    )
    assert (chosen.value, chosen.precision) == (vn(2026, 1, 8), "day")


def test_choose_rejects_future_and_ancient_dates() -> None:
    chosen = choose_published(
        [
            c(vn(2026, 3, 20, 8, 0), "json-ld"),
            c(vn(1990, 1, 1), "meta", "day"),
            c(vn(2026, 3, 7, 9, 0), "visible-text"),
        ],
        NOW,
    )
    assert chosen.value == vn(2026, 3, 7, 9, 0)
    # Within a day of now is tolerated (clock skew, timezone slips).
    assert choose_published([c(NOW + timedelta(hours=20), "meta")], NOW).source == "meta"


def test_choose_raises_when_nothing_is_plausible() -> None:
    with pytest.raises(DateError, match="tương lai hoặc trước 1995"):
        choose_published([c(vn(2031, 1, 1), "json-ld")], NOW)
    with pytest.raises(DateError, match="không tìm thấy ngày đăng"):
        choose_published([], NOW)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2 giờ trước", vn(2026, 3, 8, 10, 0), "minute"),
        ("45 phút trước", vn(2026, 3, 8, 11, 15), "minute"),
        ("Cập nhật 3 tiếng trước", vn(2026, 3, 8, 9, 0), "minute"),
        ("3 ngày trước", vn(2026, 3, 5), "day"),
        ("Hôm qua", vn(2026, 3, 7), "day"),
        ("1 tuần trước", vn(2026, 3, 1), "day"),
    ],
)
def test_relative_times_are_read_back_from_the_fetch_time(
    text: str, expected: datetime, precision: str
) -> None:
    read = found(relative_candidate(text, NOW, "relative"))
    assert (read.value, read.precision) == (expected, precision)


@pytest.mark.parametrize("text", ["Thứ hai, 5/1/2026 - 07:30", "2 giờ", "trước 1995", ""])
def test_text_that_is_not_a_relative_time_gives_none(text: str) -> None:
    assert relative_candidate(text, NOW, "relative") is None


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("05/03/2026 07:00 (Cập nhật 11/03/2026 09:00)", vn(2026, 3, 5, 7, 0), "minute"),
        ("Cập nhật: 11/03/2026 09:00 - Đăng: 05/03/2026 07:00", vn(2026, 3, 5, 7, 0), "minute"),
        ("Cập nhật lúc 09:00 11/03/2026 | Xuất bản 07:00 05/03/2026", vn(2026, 3, 5, 7), "minute"),
        ("Ngày đăng: 05/03/2026 | Cập nhật: 11/03/2026 09:15", vn(2026, 3, 5), "day"),
        ("Cập nhật: 07:30 ngày 05/01/2026", vn(2026, 1, 5, 7, 30), "minute"),  # the only date
    ],
)
def test_a_byline_with_an_update_gives_the_publication_date(
    text: str, expected: datetime, precision: str
) -> None:
    assert parse_date(text) == (expected, precision)
