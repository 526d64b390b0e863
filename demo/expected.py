"""The exact figures the end-to-end test asserts, derived from build_site().articles only.

Counting rules (the ones pressmon must implement to match):
- a week is Monday 00:00 to Sunday 23:59 in Asia/Ho_Chi_Minh, named by its Monday;
- coverage counts relevant, stored articles (placements), by the source's outlet/kind/province;
  province is the outlet's province for provincial outlets, else the one province the text
  is about (None when it names none);
- per_week_topic: an article counts once under each of its topics (human labels: the main
  topics, primary first); per_week_primary_topic: under its first topic only;
- challenge pages are discovered but never stored; robots-disallowed pages are never fetched;
- the syndicated pair is two placements of one story;
- `pressmon counts` and /bao-phu count press only (outlet kinds sector, national, provincial):
  the forum's posts are stored and flagged but counted only with `--kind other` (`press*`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from demo.model import TZ, DemoArticle, DemoSite
from demo.site import build_site


@dataclass(frozen=True)
class ExpectedNumbers:
    weeks: tuple[date, ...]  # every Monday of the demo window, oldest first
    per_week: Mapping[date, int]  # relevant placements, zeros included
    per_week_outlet: Mapping[str, Mapping[date, int]]
    per_week_kind: Mapping[str, Mapping[date, int]]
    per_week_province: Mapping[str, Mapping[date, int]]
    per_week_topic: Mapping[str, Mapping[date, int]]
    per_week_primary_topic: Mapping[str, Mapping[date, int]]
    flagged_paths: frozenset[str]  # pages that assert a false claim or advertise a scam
    debunk_paths: frozenset[str]  # press warnings quoting such claims: must NOT be flagged
    offtopic_paths: frozenset[str]  # stored but never coverage
    challenge_paths: frozenset[str]  # discovered, detected as anti-bot pages, never stored
    forbidden_paths: frozenset[str]  # robots.txt-disallowed: never fetched
    discovered: int  # distinct article URLs found via feeds/sitemaps/listings (robots-allowed)
    stored: int  # discovered minus challenge pages
    relevant: int  # stored and about social insurance = total placements
    stories: int  # relevant placements with syndicated copies folded into their original
    syndicated: tuple[tuple[str, str], ...]  # (original path, copy path)
    outlet_kinds: Mapping[str, str]  # outlet id -> its kind
    press_per_week: Mapping[date, int]  # relevant press placements, zeros included
    press: int  # relevant press placements: what `pressmon counts` totals unasked
    press_stories: int  # press placements with syndicated copies folded into their original


def week_of(moment: datetime) -> date:
    """The Monday (Asia/Ho_Chi_Minh) of the week containing `moment` (timezone-aware)."""
    local = moment.astimezone(TZ).date()
    return local - timedelta(days=local.weekday())


def expected_numbers(site: DemoSite | None = None) -> ExpectedNumbers:
    site = site or build_site()
    articles = site.articles
    stored = [a for a in articles if not a.challenge]
    relevant = [a for a in stored if a.relevant]
    first = min(week_of(a.published_at) for a in stored)
    last = max(week_of(a.published_at) for a in stored)
    weeks = tuple(first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1))
    syndicated = tuple((a.syndicated_of, a.path) for a in relevant if a.syndicated_of)
    outlet_kinds = {o.id: o.kind for o in site.outlets}
    press = [a for a in relevant if outlet_kinds[a.outlet] != "other"]
    return ExpectedNumbers(
        weeks=weeks,
        per_week=_by_week(relevant, weeks),
        per_week_outlet=_grouped(relevant, weeks, lambda a: [a.outlet]),
        per_week_kind=_grouped(relevant, weeks, lambda a: [site.outlet(a.outlet).kind]),
        per_week_province=_grouped(relevant, weeks, lambda a: [a.province] if a.province else []),
        per_week_topic=_grouped(relevant, weeks, lambda a: list(a.topics)),
        per_week_primary_topic=_grouped(relevant, weeks, lambda a: list(a.topics[:1])),
        flagged_paths=frozenset(a.path for a in articles if a.expected_flagged),
        debunk_paths=frozenset(a.path for a in articles if a.stance == "reports-and-debunks"),
        offtopic_paths=frozenset(a.path for a in stored if not a.relevant),
        challenge_paths=frozenset(a.path for a in articles if a.challenge),
        forbidden_paths=frozenset(site.forbidden_paths),
        discovered=len(articles),
        stored=len(stored),
        relevant=len(relevant),
        stories=len(relevant) - len(syndicated),
        syndicated=syndicated,
        outlet_kinds=outlet_kinds,
        press_per_week=_by_week(press, weeks),
        press=len(press),
        press_stories=len(press) - sum(1 for a in press if a.syndicated_of),
    )


def _by_week(articles: Iterable[DemoArticle], weeks: tuple[date, ...]) -> dict[date, int]:
    counts = Counter(week_of(a.published_at) for a in articles)
    return {week: counts.get(week, 0) for week in weeks}


def _grouped(
    articles: Iterable[DemoArticle],
    weeks: tuple[date, ...],
    keys: Callable[[DemoArticle], list[str]],
) -> dict[str, dict[date, int]]:
    groups: dict[str, list[DemoArticle]] = {}
    for article in articles:
        for key in keys(article):
            groups.setdefault(key, []).append(article)
    return {key: _by_week(members, weeks) for key, members in sorted(groups.items())}


def summary_table(numbers: ExpectedNumbers | None = None) -> str:
    """A plain-text table of relevant placements per week (for reports and `pressmon demo`)."""
    numbers = numbers or expected_numbers()
    outlets = list(numbers.per_week_outlet)
    lines = ["week        total  " + "  ".join(outlets)]
    for week in numbers.weeks:
        cells = "  ".join(f"{numbers.per_week_outlet[o][week]:>{len(o)}}" for o in outlets)
        lines.append(f"{week.isoformat()}  {numbers.per_week[week]:>5}  {cells}")
    return "\n".join(lines)
