"""Source health rules on hand-made crawl runs and weekly counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crawlers.state import SourceRun
from pressmon.health import assess_source

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


def _run(days_ago: float, **counters: int) -> SourceRun:
    at = NOW - timedelta(days=days_ago)
    return SourceRun("r", "s", at, at, counters.get("stored", 0), counters)


def test_healthy_source_has_no_alerts() -> None:
    health = assess_source("s", "S", [_run(1, extracted=5, stored=5)], (10, 12, 9, 11), NOW)
    assert health.alerts == ()
    assert health.weekly_mean == 31 / 3 and health.last_week == 11


def test_never_crawled() -> None:
    assert assess_source("s", "S", [], (), NOW).alerts == ("chưa thu thập lần nào",)


def test_silent_source_and_failing_last_run() -> None:
    runs = [_run(20, extracted=4), _run(0.1, http_5xx=3)]
    health = assess_source("s", "S", runs, (5, 5, 5, 5), NOW)
    assert any("im lặng" in alert for alert in health.alerts)
    assert any("lỗi" in alert for alert in health.alerts)
    assert health.errors == {"http_5xx": 3}


def test_volume_outside_usual_range() -> None:
    runs = [_run(1, extracted=1, known=30)]
    assert any("lệch xa" in a for a in assess_source("s", "S", runs, (20, 22, 18, 2), NOW).alerts)
    assert any("lệch xa" in a for a in assess_source("s", "S", runs, (20, 22, 18, 90), NOW).alerts)
    assert assess_source("s", "S", runs, (1, 0, 2, 0), NOW).alerts == ()  # too small to judge


def test_date_disagreements_are_counted_over_the_last_seven_days() -> None:
    runs = [
        _run(9, extracted=4, date_disagreement=3),  # older than the window
        _run(5, extracted=4, date_disagreement=2),
        _run(1, extracted=4, date_disagreement=1),
        _run(0.5, extracted=4),
    ]
    health = assess_source("s", "S", runs, (4, 4, 4, 4), NOW)
    assert health.date_disagreements == 3
    assert health.errors == {} and health.alerts == ()  # a disagreement is not an error
