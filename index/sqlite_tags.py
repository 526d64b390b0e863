"""Filter tags: the filterable fields of an article as words in a third FTS5 column.

With them a filtered text search is one FTS5 query ("bhyt" AND province AND year): FTS5
intersects the doclists itself, so only the matches that pass the filters are ranked, instead
of ranking every text match and discarding most of them. Tags only narrow the candidates: the
exact filters still run in SQL on what is left, so a tag shared by two values (two slugs alike)
costs speed, never correctness.

Every tag is TAG_MARK followed by ASCII letters and digits, so FTS5 indexes it as a single
token that no user word can equal: FTS5's tokenizer keeps the private-use mark inside a token,
while the query parser (`index.text.words`) never keeps it in a word. Text matches therefore
need no column filter, which would make FTS5 decode the position list of every match of every
word (twice the cost of a common word at 1M articles, measured). Crawled text holding the mark
can at worst add a candidate, which the SQL filters then drop. Dates are
tagged by local year and month; a document gets the months of its instant shifted by -14 h and
+14 h, which covers every UTC offset, so a date tag never excludes a match whatever timezone
the archive is opened with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from index.text import fold
from index.types import Query

TAG_MARK = "\ue000"  # the first character of the Unicode Private Use Area
_NOT_TAG_CHAR = re.compile(r"[^a-z0-9]")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ANY_OFFSET = timedelta(hours=14)
# Above this many date tags a date window narrows too little to pay for the OR.
MAX_DATE_TAGS = 24
# A filter narrows inside FTS5 only when at most this share of the archive carries its tags:
# FTS5's bm25 reads the whole doclist of every tag in the query, so a common tag costs more
# than it saves (measured on 1M articles).
SELECTIVE_SHARE = 0.25


@lru_cache(maxsize=4096)
def tag(prefix: str, value: str) -> str:
    """TAG_MARK + `prefix` + the value folded to ASCII letters and digits.

    Memoised (a pure function): every article asks again for the tags of a few dozen outlets,
    kinds, provinces and topics, which cost a fifth of preparing an article to fold each time.

    >>> [t.removeprefix(TAG_MARK) for t in (tag("p", "Hà Nội"), tag("t", "bhxh_tu_nguyen"))]
    ['phanoi', 'tbhxhtunguyen']
    """
    return TAG_MARK + prefix + _NOT_TAG_CHAR.sub("", fold(value))


def document_tags(
    *, outlet: str, kind: str, provinces: Iterable[str], topics: Iterable[str], published_us: int
) -> str:
    """The tags column of one article (space-separated, sorted, no repeats)."""
    published = _EPOCH + timedelta(microseconds=published_us)
    days = {(published + shift).date() for shift in (-_ANY_OFFSET, _ANY_OFFSET)}
    tags = {tag("o", outlet), tag("k", kind)}
    tags |= {tag("p", p) for p in provinces}
    tags |= {tag("t", t) for t in topics}
    tags |= {_year_tag(d.year) for d in days} | {_month_tag(d.year, d.month) for d in days}
    return " ".join(sorted(tags))


def query_tags(query: Query) -> tuple[tuple[str, ...], ...]:
    """The tag groups a match must hit: one of each group (AND of ORs); () when none apply.

    Review status and tier are not tagged (a review changes them); they stay SQL filters.
    """
    groups = [
        tuple(sorted({tag(prefix, v) for v in values}))
        for prefix, values in (
            ("o", query.outlets),
            ("k", query.kinds),
            ("p", query.provinces),
            ("t", query.topics),
        )
        if values
    ]
    if query.date_from and query.date_to:
        dates = date_tags(query.date_from, query.date_to)
        if len(dates) <= MAX_DATE_TAGS:
            groups.append(dates)
    return tuple(groups)


def selective_groups(
    groups: tuple[tuple[str, ...], ...], counts: Mapping[str, int], documents: int
) -> tuple[tuple[str, ...], ...]:
    """The groups whose tags together cover at most SELECTIVE_SHARE of `documents`.

    >>> selective_groups((("kprovincial",), ("phue",)), {"kprovincial": 60, "phue": 3}, 100)
    (('phue',),)
    """
    limit = SELECTIVE_SHARE * documents
    return tuple(g for g in groups if sum(counts.get(t, 0) for t in g) <= limit)


def date_tags(first: date, last: date) -> tuple[str, ...]:
    """Year tags for whole years in [first, last], month tags for the rest.

    >>> [t.removeprefix(TAG_MARK) for t in date_tags(date(2023, 11, 5), date(2025, 1, 31))]
    ['m202311', 'm202312', 'y2024', 'm202501']
    """
    tags: list[str] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        if month == 1 and (year < last.year or last.month == 12):
            tags.append(_year_tag(year))
            year += 1
            continue
        tags.append(_month_tag(year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(tags)


def _year_tag(year: int) -> str:
    return f"{TAG_MARK}y{year}"


def _month_tag(year: int, month: int) -> str:
    return f"{TAG_MARK}m{year}{month:02d}"
