"""The generated demo year: its outlets, volumes, seasons, copies, scams, and determinism."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from classifier.relevance import RelevanceModel
from demo.year.expected import year_numbers
from demo.year.generate import TOPICS, DemoYear, build_year
from demo.year.lines import ingest_lines
from demo.year.outlets import PROVINCES, YEAR_OUTLETS, year_sources
from pressmon.ingest import parse_lines
from pressmon.settings import SourceList

REPO = Path(__file__).resolve().parents[2]
UNTIL = date(2026, 12, 4)


@pytest.fixture(scope="module")
def year() -> DemoYear:
    return build_year(date(2026, 12, 31))


def test_sixty_outlets_with_a_paper_for_each_of_the_34_provinces() -> None:
    provinces = yaml.safe_load((REPO / "config" / "provinces.yaml").read_text(encoding="utf-8"))
    assert PROVINCES == tuple(p["name"] for p in provinces["provinces"])
    kinds = Counter(o.kind for o in YEAR_OUTLETS)
    assert len(YEAR_OUTLETS) == 60 and kinds == {
        "sector": 3,
        "national": 20,
        "provincial": 34,
        "other": 3,
    }
    papers = sorted(o.province or "" for o in YEAR_OUTLETS if o.kind == "provincial")
    assert papers == sorted(PROVINCES)
    assert len({o.id for o in YEAR_OUTLETS}) == 60
    assert len(SourceList.model_validate({"sources": year_sources()}).sources) == 55


def test_a_year_near_the_15000_pace_with_campaign_peaks(year: DemoYear) -> None:
    numbers = year_numbers(year)
    provincial = numbers.per_kind["provincial"]
    assert 14_000 <= provincial <= 15_500  # the local-press target is 15,000 a year
    assert numbers.per_kind["national"] > 1_500 and numbers.per_kind["sector"] > 500

    def weekly_average(first: date, last: date) -> float:
        weeks = [w for w in numbers.weeks if first <= w <= last]
        return sum(numbers.per_week[w] for w in weeks) / len(weeks)

    ordinary = weekly_average(date(2026, 3, 9), date(2026, 4, 20))
    assert weekly_average(date(2026, 5, 4), date(2026, 5, 25)) > 1.5 * ordinary  # May
    assert weekly_average(date(2026, 6, 22), date(2026, 7, 6)) > 1.3 * ordinary  # 1/7
    assert numbers.per_week[date(2026, 2, 16)] < 0.5 * ordinary  # Tết
    # `pressmon counts` counts press only: the non-press sites' posts are left out unasked.
    assert numbers.press == numbers.total - numbers.per_kind["other"] > 0
    assert sum(numbers.press_per_week.values()) == numbers.press
    by_province = numbers.provincial_per_province
    assert len(by_province) == 34 and max(by_province.values()) > 2 * min(by_province.values())


def test_copies_scams_and_warnings_at_realistic_rates(year: DemoYear) -> None:
    roles = Counter(a.role for a in year.articles)
    weeks = 52
    assert 0.04 < roles["syndicated"] / (roles["coverage"] * 0.14) < 0.08  # 6% of national+sector
    assert 1 <= roles["scam"] / weeks <= 2 and 0.6 <= roles["warning"] / weeks <= 1.4
    originals = {a.url: a for a in year.articles}
    for copy in year.articles:
        if copy.syndicated_of is None:
            continue
        original = originals[copy.syndicated_of]
        assert (copy.title, copy.text) == (original.title, original.text)
        assert copy.outlet.kind == "provincial" and copy.published_at > original.published_at
    assert {a.flagged for a in year.articles if a.role == "scam"} == {True}
    assert not any(a.flagged for a in year.articles if a.role != "scam")
    assert {a.category for a in year.articles if a.flagged} == {"C2", "C3", "C4", "C5", "C7"}


def test_a_forum_post_asks_about_its_own_topic(year: DemoYear) -> None:
    """Its title is a question on the topic its answer is drawn from, never one of a few fixed
    questions whatever the topic (a VssID question over an answer on unemployment benefit)."""
    relevance = RelevanceModel.from_yaml(REPO / "config" / "topics.yaml")
    asked: dict[str, set[str]] = {}
    for post in (a for a in year.articles if a.role == "forum"):
        asked.setdefault(post.title, set()).add(post.topics[0])
    assert all(len(topics) == 1 for topics in asked.values()), asked
    assert {t for topics in asked.values() for t in topics} == set(TOPICS)
    # The title alone is about the topic, as pressmon reads it: the post is stored whatever
    # answer it drew (an answer may name no insurance term at all).
    for title, (topic,) in asked.items():
        found = relevance.assess(title, "")
        assert found.relevant and topic in found.topics, (title, topic, found.topics)


def test_deterministic_and_a_later_day_only_adds(year: DemoYear) -> None:
    again = build_year(date(2026, 12, 31))
    assert again == year
    earlier = build_year(date(2026, 6, 30))
    assert earlier.articles == tuple(
        a for a in year.articles if a.published_at.date() <= date(2026, 6, 30)
    )
    small = build_year(UNTIL, scale=0.02)
    assert year_numbers(small).total == 529  # the reduced year the end-to-end test ingests


def test_every_line_is_valid_ingest_input(year: DemoYear) -> None:
    sample = DemoYear(year.year, year.until, year.scale, year.articles[::97])
    parsed = parse_lines(list(ingest_lines(sample)), ZoneInfo("Asia/Ho_Chi_Minh"))
    assert not parsed.rejected and len(parsed.lines) == len(sample.articles)
