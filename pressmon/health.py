"""Source health: which outlets went silent, fail, or publish far outside their usual volume."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import mean

from crawlers.outcomes import DATE_DISAGREEMENT
from crawlers.state import CrawlState, SourceRun
from index.types import CountTable
from pressmon.settings import SourceList

ERROR_KINDS = frozenset(
    {
        "http_4xx",
        "http_5xx",
        "timeout",
        "dns",
        "fetch_error",
        "challenge",
        "challenge_waiting",
        "challenge_given_up",
        "bad_feed",
        "bad_sitemap",
        "bad_date",
        "bad_date_given_up",
        "oversized",
        "offsite_redirect",
        "redirect_loop",
        "bad_url",
        "connection_refused",
    }
)
SILENT_AFTER = timedelta(days=7)
RECENT = timedelta(days=7)  # the window of the date disagreement count
_MIN_USUAL = 3.0  # below this weekly mean, volume swings are noise


@dataclass(frozen=True)
class SourceHealth:
    source_id: str
    name: str
    last_success: datetime | None
    weekly_mean: float  # stored articles per week over the usual weeks
    last_week: int  # stored articles in the latest week
    errors: dict[str, int] = field(default_factory=dict)  # last run's errors by kind
    alerts: tuple[str, ...] = ()
    # Articles whose date candidates disagreed (the extractor chose by evidence), in runs of the
    # last 7 days: many point at an outlet habit worth an extraction profile in sources.yaml.
    date_disagreements: int = 0


def _succeeded(run: SourceRun) -> bool:
    return run.counters.get("extracted", 0) + run.counters.get("known", 0) > 0


def assess_source(
    source_id: str, name: str, runs: list[SourceRun], weekly: tuple[int, ...], now: datetime
) -> SourceHealth:
    """Pure: one source's health from its crawl runs and its weekly stored counts (oldest first)."""
    successes = [run.finished_at for run in runs if _succeeded(run)]
    last_success = max(successes, default=None)
    errors = {
        k: v for k, v in (runs[-1].counters if runs else Counter()).items() if k in ERROR_KINDS
    }
    usual = weekly[:-1]
    weekly_mean = mean(usual) if usual else 0.0
    last_week = weekly[-1] if weekly else 0
    alerts: list[str] = []
    if not runs:
        alerts.append("chưa thu thập lần nào")
    elif last_success is None or now - last_success > SILENT_AFTER:
        alerts.append("im lặng: không lấy được bài nào trong 7 ngày")
    if errors and (not runs or not _succeeded(runs[-1])):
        alerts.append("lỗi ở lần thu thập gần nhất")
    if weekly_mean >= _MIN_USUAL and not weekly_mean / 3 <= last_week <= weekly_mean * 3:
        alerts.append(f"số bài tuần này ({last_week}) lệch xa mức thường ({weekly_mean:.1f})")
    disagreements = sum(
        run.counters.get(DATE_DISAGREEMENT, 0) for run in runs if now - run.finished_at <= RECENT
    )
    return SourceHealth(
        source_id,
        name,
        last_success,
        weekly_mean,
        last_week,
        errors,
        tuple(alerts),
        disagreements,
    )


def source_health(
    sources: SourceList, state: CrawlState, weekly_by_outlet: CountTable | None, now: datetime
) -> list[SourceHealth]:
    rows = weekly_by_outlet.rows if weekly_by_outlet is not None else {}
    return [
        assess_source(
            source.id, source.name, state.runs(source.id), tuple(rows.get(source.id, ())), now
        )
        for source in sources.enabled()
    ]
