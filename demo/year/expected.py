"""The exact figures an archive holding the demo year must show, derived from build_year().

Counting rules as in demo.expected: Monday-start weeks in Asia/Ho_Chi_Minh; every article is a
relevant placement (syndicated copies count once per outlet); a provincial paper's articles
belong to its province (what the per-province targets count); national and sector articles
name the province they are about in their lead, which the archive may attribute, so provinces
are asserted for provincial papers only. `pressmon counts` and /bao-phu count press only: the
non-press sites' posts (kind "other") are in `total` and `per_kind`, not in `press*`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from demo.expected import week_of
from demo.year.generate import DemoYear, YearArticle


@dataclass(frozen=True)
class YearNumbers:
    weeks: tuple[date, ...]  # every Monday from the week of 1 January to the week of `until`
    per_week: Mapping[date, int]
    per_kind: Mapping[str, int]
    per_outlet: Mapping[str, int]
    provincial_per_province: Mapping[str, int]  # provincial papers' articles by province
    flagged_urls: frozenset[str]
    warning_urls: frozenset[str]  # press debunking a false claim: never flagged
    syndicated: int
    total: int  # every article, non-press included
    press_per_week: Mapping[date, int]  # press articles (sector, national, provincial)
    press: int  # what `pressmon counts` totals unasked
    outlet_kinds: Mapping[str, str]  # outlet id -> its kind


def year_numbers(year: DemoYear) -> YearNumbers:
    articles = year.articles
    first = week_of_day(date(year.year, 1, 1))
    weeks = tuple(
        first + timedelta(weeks=n) for n in range((week_of_day(year.until) - first).days // 7 + 1)
    )
    by_week = Counter(week_of(a.published_at) for a in articles)
    press = [a for a in articles if a.outlet.kind != "other"]
    press_by_week = Counter(week_of(a.published_at) for a in press)
    return YearNumbers(
        weeks=weeks,
        per_week={w: by_week.get(w, 0) for w in weeks},
        per_kind=_tally(articles, lambda a: a.outlet.kind),
        per_outlet=_tally(articles, lambda a: a.outlet.id),
        provincial_per_province=_tally(
            [a for a in articles if a.outlet.kind == "provincial"],
            lambda a: a.outlet.province or "",
        ),
        flagged_urls=frozenset(a.url for a in articles if a.flagged),
        warning_urls=frozenset(a.url for a in articles if a.role == "warning"),
        syndicated=sum(1 for a in articles if a.syndicated_of),
        total=len(articles),
        press_per_week={w: press_by_week.get(w, 0) for w in weeks},
        press=len(press),
        outlet_kinds={a.outlet.id: a.outlet.kind for a in articles},
    )


def week_of_day(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _tally(articles, key: Callable[[YearArticle], str]) -> dict[str, int]:
    return dict(sorted(Counter(key(a) for a in articles).items()))
