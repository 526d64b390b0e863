"""When an article URL whose page was, for now, not the article is fetched again: pure.

A fetch can answer 200 with something that is not the article yet may be later. Either a shell
(crawlers.extract.shell decides): a challenge not recognised, a "Vui lòng chờ…" meta refresh, a
login wall, a maintenance page, a soft 404. Or a recognised anti-bot challenge
(crawlers.extract.challenge): the site refusing robots for now, which says nothing of the page.
Or an article with no plausible publication date (crawlers.errors.DateError): none yet, or one in
the future that comes due; these wait as shells do.
Marked `not_article` (final), the article would never be read; fetched again on every run, a
site that challenges is asked again and again. Instead the URL waits and is fetched again a
bounded number of times, on its kind's schedule: after the n-th page that was not the article it
waits delays[n - 1]; one more such page after the last delay and it is given up, final.

`attempts` counts every such page read at the URL, whatever its kind, so a URL that answers one
kind and then another is still given up after at most five fetches.

A challenge usually applies to a whole host: one that answers HOST_CHALLENGE_RUN challenges in a
row (no other page between) is asked for no more article pages that run nor until its back-off is
over, HOST_DELAYS after its first such run, its second, its third and every one after (a host is
never given up: its new articles keep coming). Its URLs keep their own retries meanwhile.
"""

from __future__ import annotations

from datetime import datetime, timedelta

# The waits after the 1st, 2nd, 3rd shell page; a shell page read once more gives the URL up.
SHELL_DELAYS: tuple[timedelta, ...] = (timedelta(days=1), timedelta(days=3), timedelta(days=7))
# A challenge often lifts within hours (a site's "under attack" mode switched off), so the first
# wait is short; a lasting one costs the site five requests over 11 days, then the URL is given up.
CHALLENGE_DELAYS: tuple[timedelta, ...] = (
    timedelta(hours=6),
    timedelta(days=1),
    timedelta(days=3),
    timedelta(days=7),
)


# Challenges in a row after which a host is taken to challenge every page.
HOST_CHALLENGE_RUN = 3
# The back-off of a host after its 1st, 2nd, 3rd and later runs of challenges in a row.
HOST_DELAYS: tuple[timedelta, ...] = (timedelta(hours=6), timedelta(hours=12), timedelta(days=1))


def next_retry(attempts: int, now: datetime, delays: tuple[timedelta, ...]) -> datetime | None:
    """When to fetch again a URL that has now given `attempts` pages that were not the article
    (this one included), on the schedule `delays` of this page's kind; None when it has had all
    its retries: give it up."""
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, not {attempts}")
    if attempts > len(delays):
        return None
    return now + delays[attempts - 1]


def waiting(retry_at: datetime | None, now: datetime) -> bool:
    """Whether a URL waiting for a retry must not be fetched yet."""
    return retry_at is not None and now < retry_at


def host_retry(trips: int, now: datetime) -> datetime:
    """Until when a host that has now answered `trips` runs of challenges in a row, each time
    its back-off was over, is asked for no article page."""
    if trips < 1:
        raise ValueError(f"trips must be at least 1, not {trips}")
    return now + HOST_DELAYS[min(trips, len(HOST_DELAYS)) - 1]
