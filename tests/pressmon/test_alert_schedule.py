"""When alerts may go out (pure): quiet hours in Hà Nội time, back-off, the daily digest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pressmon.alerts.schedule import (
    digest_clock,
    last_digest_time,
    next_digest_time,
    quiet_until,
    retry_delay,
)

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def _local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 5, day, hour, minute, tzinfo=HANOI)


@pytest.mark.parametrize(
    ("now", "window", "until"),
    [
        (_local(20, 23), "22:00-06:30", _local(21, 6, 30)),  # evening: ends tomorrow
        (_local(21, 2), "22:00-06:30", _local(21, 6, 30)),  # after midnight: ends today
        (_local(21, 6, 30), "22:00-06:30", None),  # the end itself is no longer quiet
        (_local(21, 21, 59), "22:00-06:30", None),
        (_local(21, 12, 30), "12:00-13:30", _local(21, 13, 30)),  # a window within one day
        (_local(21, 14), "12:00-13:30", None),
        (_local(21, 23), None, None),
    ],
)
def test_quiet_hours(now: datetime, window: str | None, until: datetime | None) -> None:
    assert quiet_until(now.astimezone(UTC), window, HANOI) == until


def test_back_off_doubles_up_to_an_hour() -> None:
    assert [retry_delay(n, 60).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert retry_delay(12, 60) == timedelta(hours=1)


def test_the_last_digest_moment() -> None:
    assert last_digest_time(_local(21, 7, 29), "07:30", HANOI) == _local(20, 7, 30)
    assert last_digest_time(_local(21, 7, 30), "07:30", HANOI) == _local(21, 7, 30)


@pytest.mark.parametrize(
    ("digest_time", "window", "sent_at"),
    [
        ("23:00", "22:00-06:30", "06:30"),  # inside quiet hours: held to their end
        ("05:00", "22:00-06:30", "06:30"),
        ("06:30", "22:00-06:30", "06:30"),  # the end itself is no longer quiet
        ("07:30", "22:00-06:30", "07:30"),
        ("12:15", "12:00-13:30", "13:30"),
        ("23:00", None, "23:00"),
    ],
)
def test_quiet_hours_hold_the_daily_digest(
    digest_time: str, window: str | None, sent_at: str
) -> None:
    assert digest_clock(digest_time, window) == sent_at


def test_the_next_digest_moment_after_the_quiet_hours() -> None:
    """A digest set at 23:00 inside 22:00-06:30 goes out at 06:30, with what came in the night."""
    for queued in (_local(20, 10), _local(20, 23, 30), _local(21, 6, 29)):
        at = next_digest_time(queued.astimezone(UTC), "23:00", "22:00-06:30", HANOI)
        assert at == _local(21, 6, 30)
    assert next_digest_time(_local(21, 6, 30), "23:00", "22:00-06:30", HANOI) == _local(22, 6, 30)
