"""The expected numbers are derived from the ground truth and agree with each other."""

from __future__ import annotations

from datetime import UTC, date, timedelta

from demo.expected import expected_numbers, summary_table, week_of
from demo.model import TZ, DemoSite
from demo.outlets import MODULES
from demo.sources import demo_sources
from pressmon.settings import SourceList


def test_totals_add_up(site: DemoSite) -> None:
    n = expected_numbers(site)
    total = sum(n.per_week.values())
    assert total == n.relevant
    for grouping in (n.per_week_outlet, n.per_week_kind):
        assert sum(sum(weeks.values()) for weeks in grouping.values()) == total
        for week in n.weeks:
            assert sum(g[week] for g in grouping.values()) == n.per_week[week]
    with_province = sum(1 for a in site.articles if a.relevant and a.province)
    assert sum(sum(w.values()) for w in n.per_week_province.values()) == with_province
    assert sum(sum(w.values()) for w in n.per_week_primary_topic.values()) == total
    topic_mentions = sum(len(a.topics) for a in site.articles if a.relevant and not a.challenge)
    assert sum(sum(w.values()) for w in n.per_week_topic.values()) == topic_mentions
    assert n.discovered == n.stored + len(n.challenge_paths)
    assert n.stored == n.relevant + len(n.offtopic_paths)
    assert n.stories == n.relevant - len(n.syndicated) and len(n.syndicated) == 1
    # `pressmon counts` counts press only: the forum's posts are stored, not counted unasked.
    forum = sum(n.per_week_kind["other"].values())
    assert 0 < forum and n.press == n.relevant - forum == sum(n.press_per_week.values())
    assert n.press_stories == n.press - len(n.syndicated)


def test_weeks_are_consecutive_mondays(site: DemoSite) -> None:
    n = expected_numbers(site)
    assert len(n.weeks) >= 12
    assert all(w.weekday() == 0 for w in n.weeks)
    assert all(b - a == timedelta(weeks=1) for a, b in zip(n.weeks, n.weeks[1:], strict=False))
    assert all(count > 0 for count in n.per_week.values())
    may = [n.per_week[w] for w in n.weeks if w.month == 5]
    rest = [n.per_week[w] for w in n.weeks if w.month != 5]
    assert sum(may) / len(may) > sum(rest) / len(rest)  # the May campaign shows in the counts


def test_week_of_uses_local_monday() -> None:
    from datetime import datetime

    monday_early = datetime(2026, 4, 13, 0, 40, tzinfo=TZ)  # Sunday 17:40 UTC
    assert week_of(monday_early) == date(2026, 4, 13)
    assert week_of(monday_early.astimezone(UTC)) == date(2026, 4, 13)
    assert week_of(datetime(2026, 4, 12, 23, 59, tzinfo=TZ)) == date(2026, 4, 6)


def test_flagged_and_debunks_are_disjoint(site: DemoSite) -> None:
    n = expected_numbers(site)
    assert n.flagged_paths and n.debunk_paths and not (n.flagged_paths & n.debunk_paths)
    assert not (n.flagged_paths & n.offtopic_paths)
    assert not (n.forbidden_paths & {a.path for a in site.articles})


def test_sources_validate_and_cover_every_outlet(site: DemoSite) -> None:
    sources = SourceList.model_validate({"sources": demo_sources("http://127.0.0.1:8765")})
    assert (
        {s.id for s in sources.sources}
        == {o.id for o in site.outlets}
        == {m.OUTLET.id for m in MODULES}
    )
    for source in sources.sources:
        outlet = site.outlet(source.id)
        assert (source.kind, source.province, source.domain) == (
            outlet.kind,
            outlet.province,
            "127.0.0.1",
        )
        assert source.feeds and source.sitemaps and source.listings
    assert "báo chí" in sources.by_id("dien_dan_bhxh").notes


def test_summary_table_lists_every_week(site: DemoSite) -> None:
    n = expected_numbers(site)
    table = summary_table(n)
    assert all(w.isoformat() in table for w in n.weeks)
