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
    start, end = _window(quiet_hours)
    local = now.astimezone(tz)
    at = local.time()
    if not _inside(at, start, end):
        return None
    # The evening part of a window across midnight ends tomorrow.
    end_day = local.date() + timedelta(days=1 if start > end and at >= start else 0)
    return datetime.combine(end_day, end, tzinfo=tz).astimezone(UTC)


def _window(quiet_hours: str) -> tuple[time, time]:
    start, end = (_clock(part) for part in quiet_hours.split("-"))
    return start, end


def _inside(at: time, start: time, end: time) -> bool:
    """Whether `at` is in the quiet hours from `start` to `end` (may span midnight)."""
    return start <= at < end if start <= end else at >= start or at < end


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


def digest_clock(digest_time: str, quiet_hours: str | None) -> str:
    """When the daily digest goes out ("HH:MM", local): at `digest_time`, or at the end of the
    quiet hours when it falls inside them (quiet hours win)."""
    if quiet_hours:
        start, end = _window(quiet_hours)
        if _inside(_clock(digest_time), start, end):
            return end.strftime("%H:%M")
    return digest_time


def next_digest_time(
    now: datetime, digest_time: str, quiet_hours: str | None, tz: ZoneInfo
) -> datetime:
    """The first daily digest moment (UTC) after `now`, held to the end of the quiet hours."""
    clock = digest_clock(digest_time, quiet_hours)
    return last_digest_time(now, clock, tz) + timedelta(days=1)


def send_time(
    now: datetime, digest: bool, quiet_hours: str | None, digest_time: str, tz: ZoneInfo
) -> datetime:
    """When an e-mail queued at `now` goes out: in the next daily digest (`digest`), or at once,
    after the quiet hours when `now` is inside them."""
    if digest:
        return next_digest_time(now, digest_time, quiet_hours, tz)
    return quiet_until(now, quiet_hours, tz) or now
