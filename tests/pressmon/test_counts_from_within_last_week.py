"""A count range without an end, begun after the Monday (the 1st) of the last week (month) with
articles: `pressmon counts --from` a Thursday showed an empty table and "Tổng: 0" though the
week held articles from that day on, because the data's last bucket start was read as a day
before the range began."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from index import Query
from index.sqlite_backend import SQLiteArchive
from index.weeks import fill_counts

PUBLISHED = datetime(2026, 3, 20, 3, 0, tzinfo=UTC)  # Friday 20/03/2026, in the week of 16/03


@pytest.mark.parametrize(
    ("interval", "bucket"), [("week", date(2026, 3, 16)), ("month", date(2026, 3, 1))]
)
def test_a_range_from_within_the_last_bucket_keeps_it(interval, bucket) -> None:
    table = fill_counts(
        {("", bucket): 4}, first=date(2026, 3, 19), last=None, interval=interval, group_by=None
    )
    assert table.buckets == (bucket,)
    assert dict(table.rows) == {"": (4,)}


def test_the_archive_counts_the_articles_from_a_thursday(
    one_article_archive: Callable[[datetime], Path],
) -> None:
    with SQLiteArchive(one_article_archive(PUBLISHED)) as archive:
        week = archive.counts(Query(date_from=date(2026, 3, 19)))
        month = archive.counts(Query(date_from=date(2026, 3, 19)), interval="month")
    assert (week.buckets, week.total) == ((date(2026, 3, 16),), 1)
    assert (month.buckets, month.total) == ((date(2026, 3, 1),), 1)


def test_a_range_ahead_of_the_data_is_still_empty() -> None:
    table = fill_counts({}, first=date(2026, 3, 19), last=None, interval="week", group_by=None)
    assert (table.buckets, dict(table.rows)) == ((), {})
