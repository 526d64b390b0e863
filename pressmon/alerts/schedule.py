"""When an alert may go out: quiet hours, back-off after a failure, the daily digest (pure)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

MAX_RETRY_DELAY = timedelta(hours=1)


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def quiet_until(now: datetime, quiet_hours: str | None, tz: ZoneInfo) -> datetime | None:
    """The end of the quiet hours (UTC) when `now` falls inside them ("22:00-06:30" in `tz`, may
    span midnight), else None."""
    if not quiet_hours:
        return None
    start, end = (_clock(part) for part in quiet_hours.split("-"))
    local = now.astimezone(tz)
    today = local.date()
    at = local.time()
    if start <= end:
        inside, end_day = start <= at < end, today
    elif at >= start:  # the evening part of a window across midnight: it ends tomorrow
        inside, end_day = True, today + timedelta(days=1)
    else:
        inside, end_day = at < end, today
    if not inside:
        return None
    return datetime.combine(end_day, end, tzinfo=tz).astimezone(UTC)


def retry_delay(attempts: int, first: float) -> timedelta:
    """How long to wait after the `attempts`-th failed attempt: `first` seconds, doubling, at
    most an hour."""
    return min(timedelta(seconds=first * 2 ** (attempts - 1)), MAX_RETRY_DELAY)


def last_digest_time(now: datetime, digest_time: str, tz: ZoneInfo) -> datetime:
    """The latest daily digest moment (UTC) at or before `now`."""
    local = now.astimezone(tz)
    moment = datetime.combine(local.date(), _clock(digest_time), tzinfo=tz)
    if moment > local:
        moment -= timedelta(days=1)
    return moment.astimezone(UTC)
