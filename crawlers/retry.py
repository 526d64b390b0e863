"""When an article URL whose page was, for now, not the article is fetched again: pure.

A fetch can answer 200 with something that is not the article yet may be later: a challenge page
not recognised (crawlers.extract.challenge), a "Vui lòng chờ…" meta refresh, a login wall, a
maintenance page, a soft 404 (crawlers.extract.shell decides). Marked `not_article` (final), the
article would never be read. Instead the URL waits and is fetched again, a bounded number of
times: after the first such page it waits RETRY_DELAYS[0], after the second RETRY_DELAYS[1], ...;
one more such page after the last delay and it is given up, final `not_article`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

# The waits after the 1st, 2nd, 3rd shell page; a shell page read once more gives the URL up.
RETRY_DELAYS: tuple[timedelta, ...] = (timedelta(days=1), timedelta(days=3), timedelta(days=7))
MAX_RETRIES = len(RETRY_DELAYS)


def next_retry(
    attempts: int, now: datetime, delays: tuple[timedelta, ...] = RETRY_DELAYS
) -> datetime | None:
    """When to fetch again a URL that has now given `attempts` shell pages (this one included);
    None when it has had all its retries: give it up."""
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, not {attempts}")
    if attempts > len(delays):
        return None
    return now + delays[attempts - 1]


def waiting(retry_at: datetime | None, now: datetime) -> bool:
    """Whether a URL waiting for a retry must not be fetched yet."""
    return retry_at is not None and now < retry_at
