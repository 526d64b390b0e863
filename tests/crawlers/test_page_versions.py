"""When a stored article is fetched again, and how: pure rules of crawlers.revisions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crawlers.revisions import (
    KnownPage,
    PageVersion,
    conditional_headers,
    fetched_version,
    should_refetch,
)

FETCHED = datetime(2026, 5, 12, 3, 0, tzinfo=UTC)
LASTMOD = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)
LATER = LASTMOD + timedelta(hours=5)


@pytest.mark.parametrize(
    ("outcome", "recorded", "discovered", "refetch"),
    [
        ("stored", LASTMOD, LATER, True),  # discovery shows a newer modification
        ("stored", LASTMOD, LASTMOD, False),  # the same one: nothing to do
        ("stored", LATER, LASTMOD, False),  # an older one (a stale sitemap copy)
        ("stored", LASTMOD, None, False),  # no signal: never fetched again
        ("stored", None, LASTMOD, False),  # none recorded: compared with the fetch itself
        ("stored", None, LATER, True),  # changed after it was fetched
        ("irrelevant", LASTMOD, LATER, False),  # only stored articles are updated
        ("not_article", LASTMOD, LATER, False),
    ],
)
def test_should_refetch(
    outcome: str, recorded: datetime | None, discovered: datetime | None, refetch: bool
) -> None:
    known = KnownPage(outcome, FETCHED, PageVersion(modified=recorded))
    assert should_refetch(known, discovered) is refetch


def test_conditional_headers_come_from_the_last_fetch() -> None:
    assert conditional_headers(PageVersion()) == {}
    version = PageVersion(LASTMOD, '"v1"', "Tue, 12 May 2026 02:00:00 GMT")
    assert conditional_headers(version) == {
        "If-None-Match": '"v1"',
        "If-Modified-Since": "Tue, 12 May 2026 02:00:00 GMT",
    }


def test_a_304_keeps_the_validators_a_200_replaces_them() -> None:
    previous = PageVersion(LASTMOD, '"v1"', "Tue, 12 May 2026 02:00:00 GMT")
    kept = fetched_version(LATER, previous, None, None, not_modified=True)
    assert kept == PageVersion(LATER, '"v1"', "Tue, 12 May 2026 02:00:00 GMT")
    fresh = fetched_version(LATER, previous, '"v2"', None, not_modified=False)
    assert fresh == PageVersion(LATER, '"v2"', None)
    assert fetched_version(None, previous, None, None, not_modified=False).modified == LASTMOD
