"""Build the demo year: every article from 1 January to `until`, pure and seeded.

Each day has its own random generator (seeded by the date and the scale), so a later `until`
only adds days and never changes an earlier one. Volumes per day, before `scale`:

* provincial papers: 262 a week (a year near 15,000), spread over the 34 provinces by fixed
  seeded weights (some provinces write much more than others); national papers 38 a week;
  sector outlets 12 a week;
* seasons: ×1.7 in May (Tháng vận động BHXH toàn dân), ×1.5 from 20/6 to 10/7 (Ngày BHYT Việt
  Nam 1/7), ×0.35 in the Tết week and ×0.8 the week after; weekdays ×1.16, weekends ×0.6;
* 6% of national and sector articles are copied by a provincial paper 3-30 hours later
  (syndicated: the same title and text);
* unscaled, at realistic rates: 1.5 scam posts a week on the non-press sites (the demo site's
  five false claims, reposted), 1 press warning a week debunking one of them, 2 forum questions.

Coverage texts (demo.year.prose) and forum posts (demo.year.forum: the asker's case and the
answer to the question asked) are worded from a generator seeded by the article's URL, so each
is its own story and the day's draws above never move.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from demo.content.catalog import SPECS, Spec
from demo.content.compose import POOLS, fill_slots, person
from demo.model import TZ
from demo.year.facts import facts
from demo.year.forum import forum_text
from demo.year.outlets import PROVINCES, YEAR_OUTLETS, YearOutlet, province_label
from demo.year.prose import compose
from demo.year.titles import FORUM_QUESTIONS, TITLES

Role = Literal["coverage", "syndicated", "warning", "scam", "forum"]

WEEKLY = {"provincial": 262.0, "national": 38.0, "sector": 12.0}
SYNDICATED_SHARE = 0.06
WEEKLY_UNSCALED = {"scam": 1.5, "warning": 1.0, "forum": 2.0}
TET = date(2026, 2, 17)  # the Tết holiday dips around the first day of the lunar year
WEEKDAY_FACTOR = (1.16, 1.16, 1.16, 1.16, 1.16, 0.6, 0.6)
TOPICS = tuple(POOLS)
SCAMS = tuple(s for s in SPECS if s.stance == "asserts")
WARNINGS = tuple(s for s in SPECS if s.stance == "reports-and-debunks")


@dataclass(frozen=True)
class YearArticle:
    url: str
    outlet: YearOutlet
    title: str
    text: str  # lead and body paragraphs, blank-line separated
    published_at: datetime
    topics: tuple[str, ...]
    role: Role
    category: str | None = None  # C1..C8 for scam posts
    syndicated_of: str | None = None  # the original's URL

    @property
    def flagged(self) -> bool:
        """What pressmon must flag: the posts asserting a false claim."""
        return self.role == "scam"

    @property
    def copy_of(self) -> str:
        """What the article is meant to be one story with: its original's URL (a syndicated
        copy), its false claim (a scam repost, a warning's write-up), else its own URL."""
        if self.syndicated_of:
            return self.syndicated_of
        if self.role in ("scam", "warning"):
            return f"{self.role}:{self.title}"
        return self.url


@dataclass(frozen=True)
class DemoYear:
    year: int
    until: date
    scale: float
    articles: tuple[YearArticle, ...]


def province_weight(province: str) -> float:
    """A fixed share per province between 0.55 and 1.45: the press of some provinces writes
    about BHXH far more than others."""
    return 0.55 + 0.9 * random.Random(f"pressmon-demo-year:weight:{province}").random()


def season(day: date) -> float:
    if day.month == 5:
        return 1.7
    if date(day.year, 6, 20) <= day <= date(day.year, 7, 10):
        return 1.5
    tet = TET.replace(year=day.year)
    if tet - timedelta(days=3) <= day <= tet + timedelta(days=5):
        return 0.35
    if tet + timedelta(days=6) <= day <= tet + timedelta(days=12):
        return 0.8
    return 1.0


def build_year(until: date, scale: float = 1.0) -> DemoYear:
    """Every article of `until.year` from 1 January to `until` (inclusive), oldest first."""
    articles: list[YearArticle] = []
    day = date(until.year, 1, 1)
    while day <= until:
        articles.extend(_day(day, scale))
        day += timedelta(days=1)
    horizon = datetime.combine(until + timedelta(days=1), datetime.min.time(), TZ)
    kept = sorted((a for a in articles if a.published_at < horizon), key=_order)
    return DemoYear(until.year, until, scale, tuple(kept))


def _order(article: YearArticle) -> tuple[datetime, str]:
    return article.published_at, article.url


def _count(rng: random.Random, expected: float) -> int:
    """`expected` rounded down, plus one with the probability of the fraction."""
    whole = int(expected)
    return whole + (1 if rng.random() < expected - whole else 0)


def _day(day: date, scale: float) -> Iterator[YearArticle]:
    rng = random.Random(f"pressmon-demo-year:{day.isoformat()}:{scale}")
    by_kind = {kind: [o for o in YEAR_OUTLETS if o.kind == kind] for kind in ("sector", "national")}
    papers = {o.province: o for o in YEAR_OUTLETS if o.kind == "provincial"}
    weights = [province_weight(p) for p in PROVINCES]
    factor = season(day) * WEEKDAY_FACTOR[day.weekday()]
    serial = itertools.count(1)
    for kind in ("provincial", "national", "sector"):
        for _ in range(_count(rng, WEEKLY[kind] / 7 * factor * scale)):
            if kind == "provincial":
                outlet = papers[rng.choices(PROVINCES, weights)[0]]
            else:
                outlet = rng.choice(by_kind[kind])
            article = _coverage(rng, outlet, day, next(serial))
            yield article
            if kind != "provincial" and rng.random() < SYNDICATED_SHARE:
                copier = papers[rng.choice(PROVINCES)]
                yield YearArticle(
                    url=_url(copier, day, next(serial)),
                    outlet=copier,
                    title=article.title,
                    text=article.text,
                    published_at=article.published_at + timedelta(hours=rng.randint(3, 30)),
                    topics=article.topics,
                    role="syndicated",
                    syndicated_of=article.url,
                )
    others = [o for o in YEAR_OUTLETS if o.kind == "other"]
    press = [o for o in YEAR_OUTLETS if o.kind != "other"]
    for _ in range(_count(rng, WEEKLY_UNSCALED["scam"] / 7)):
        spec = rng.choice(SCAMS)
        yield _hand(rng, spec, rng.choice(others), day, next(serial), "scam")
    for _ in range(_count(rng, WEEKLY_UNSCALED["warning"] / 7)):
        spec = rng.choice(WARNINGS)
        yield _hand(rng, spec, rng.choice(press), day, next(serial), "warning")
    for _ in range(_count(rng, WEEKLY_UNSCALED["forum"] / 7)):
        yield _forum(rng, rng.choice(others), day, next(serial))


def _url(outlet: YearOutlet, day: date, serial: int) -> str:
    return f"https://{outlet.domain}/{day:%Y/%m}/bai-{day:%Y%m%d}-{serial:03d}.html"


def _own(url: str) -> random.Random:
    """The article's own generator, for its wording: drawing from the day's would move every
    later article of the day."""
    return random.Random(f"pressmon-demo-year:text:{url}")


def _when(rng: random.Random, day: date) -> datetime:
    return datetime(day.year, day.month, day.day, rng.randint(6, 22), rng.randint(0, 59), tzinfo=TZ)


def _topic(rng: random.Random, day: date) -> str:
    """Campaign weeks lean to their subjects: voluntary BHXH in May, BHYT around 1/7."""
    if day.month == 5 and rng.random() < 0.5:
        return rng.choice(("truyen_thong_chien_dich", "bhxh_tu_nguyen"))
    if season(day) == 1.5 and rng.random() < 0.5:
        return "bhyt"
    return rng.choice(TOPICS)


def _coverage(rng: random.Random, outlet: YearOutlet, day: date, serial: int) -> YearArticle:
    when = _when(rng, day)
    topic = _topic(rng, day)
    slots = fill_slots("", outlet.province, when, rng)
    if outlet.province:
        slots["co_quan"] = f"BHXH {province_label(outlet.province)}"
    pool = POOLS[topic]
    title = rng.choice(TITLES[topic]).format(**slots)
    # Still drawn, though the text takes its sentences from all of them: the day's later
    # draws (which articles follow) must stay as they were.
    rng.choice(pool["leads"])
    rng.choice(pool["body"])
    url = _url(outlet, day, serial)
    own = _own(url)
    own_facts = facts(own, topic, slots["co_quan"], slots["xa"], when, slots["n2"], 3)
    text = compose(own, (*pool["leads"], *pool["body"]), slots, own_facts, own.randint(85, 105))
    return YearArticle(
        url=url,
        outlet=outlet,
        title=title,
        text=text,
        published_at=when,
        topics=(topic,),
        role="coverage",
    )


def _hand(
    rng: random.Random, spec: Spec, outlet: YearOutlet, day: date, serial: int, role: Role
) -> YearArticle:
    """A hand-written page of the demo site, posted again (scam) or written up again (warning)."""
    text = spec.text
    if text is None:
        raise ValueError(f"{spec.slug}: only hand-written pages are reposted")
    paragraphs = [text["lead"], *text["body"]]
    if role == "scam":
        # Reposts target one province's people, as real ones do: the province's office can
        # find them in its queue and send them to the Center. Chosen by serial, not drawn, so
        # the year's other draws stay as they were.
        province = PROVINCES[serial % len(PROVINCES)]
        paragraphs.insert(0, f"Thông báo tới người tham gia BHXH tại {province_label(province)}.")
    return YearArticle(
        url=_url(outlet, day, serial),
        outlet=outlet,
        title=spec.title,
        text="\n\n".join(paragraphs),
        published_at=_when(rng, day),
        topics=spec.topics,
        role=role,
        category=spec.category,
    )


def _forum(rng: random.Random, outlet: YearOutlet, day: date, serial: int) -> YearArticle:
    when = _when(rng, day)
    topic = rng.choice(TOPICS)
    # Still drawn, though a post names no place and takes no pool sentence: the day's later
    # draws (which articles follow) must stay as they were.
    fill_slots("", None, when, rng)
    asker = person(rng)[0]
    rng.choice(POOLS[topic]["body"])
    url = _url(outlet, day, serial)
    question = rng.choice(FORUM_QUESTIONS[topic])
    return YearArticle(
        url=url,
        outlet=outlet,
        title=question,
        text=forum_text(_own(url), question, asker, when),
        published_at=when,
        topics=(topic,),
        role="forum",
    )
