"""Which version of an article page was read, and whether a newer one is worth fetching: pure.

Discovery documents say when an article last changed (sitemap ``<lastmod>``, Atom ``<updated>``);
the crawl state keeps, per stored URL, that value and the response's validators (``ETag``,
``Last-Modified``) from its last fetch. A later crawl fetches the URL again only when discovery
shows a newer modification time, asking conditionally so an unchanged page costs a 304.

RSS ``<pubDate>`` is when an article was published, not when it changed: it is no signal here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

# Light: the state reads versions in commands that must not load the extractors.
VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True)
class PageVersion:
    """What identifies the version of an article page that was read."""

    modified: datetime | None = None  # discovery's signal, timezone-aware; None: none was given
    etag: str | None = None  # the response's ETag header, as received
    last_modified: str | None = None  # the response's Last-Modified header, as received


@dataclass(frozen=True)
class KnownPage:
    """An article URL the crawl state remembers."""

    outcome: str  # crawlers.state outcome: stored, irrelevant, timeout, ...
    fetched_at: datetime  # when its last fetch was recorded, timezone-aware
    version: PageVersion
    attempts: int = 0  # shell pages read at it so far (crawlers.retry)
    retry_at: datetime | None = None  # when it may be fetched again, after a shell page
    recheck: bool = False  # a not_article from before shells were retried, to be fetched once more


def parse_modified(text: str) -> datetime | None:
    """A W3C / RFC 3339 date-time (``2026-05-12``, ``2026-05-12T08:30:00+07:00``, ``...Z``) as an
    aware datetime; None when empty or unreadable, which discovery treats as no signal at all.

    A value without an offset is read as Vietnam time, as the sites this crawls write it.
    """
    text = text.strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=VN_TZ)


def should_refetch(known: KnownPage, discovered: datetime | None) -> bool:
    """Whether a stored article should be fetched again: discovery shows a modification newer
    than the one recorded at its last fetch (or, when none was recorded, newer than that fetch).

    Only stored articles are fetched again; pages found irrelevant or not articles stay final.
    """
    if known.outcome != "stored" or discovered is None:
        return False
    return discovered > (known.version.modified or known.fetched_at)


def conditional_headers(version: PageVersion) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the validators of the last fetch (none: {})."""
    headers: dict[str, str] = {}
    if version.etag:
        headers["If-None-Match"] = version.etag
    if version.last_modified:
        headers["If-Modified-Since"] = version.last_modified
    return headers


def fetched_version(
    discovered: datetime | None,
    previous: PageVersion,
    etag: str | None,
    last_modified: str | None,
    *,
    not_modified: bool,
) -> PageVersion:
    """The version to record after a fetch: discovery's signal (else the one recorded before) and
    the response's validators; a 304 need not repeat them, so there the previous ones stay."""
    if not_modified:
        etag, last_modified = etag or previous.etag, last_modified or previous.last_modified
    return PageVersion(discovered or previous.modified, etag or None, last_modified or None)
