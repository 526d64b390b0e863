"""One exception root for the crawlers package."""

import sqlite3
from pathlib import Path


class CrawlError(Exception):
    """Root of every error raised by `crawlers`."""


class ExtractionError(CrawlError):
    """A page is not an article we can extract (no title, no body, a challenge page, ...)."""


class ChallengePage(ExtractionError):
    """The response is an anti-bot / JavaScript challenge, not content; counted, never stored."""


class DateError(ExtractionError):
    """No plausible publication date: missing, in the future, or before the outlet could exist."""


class InvalidURL(CrawlError):
    """A URL cannot be canonicalised: not absolute http(s), or no host."""


class CrawlStateError(CrawlError):
    """The crawl state's SQLite file could not be read or written (held by another process past
    the wait, damaged, read-only); `cause` is SQLite's error."""

    def __init__(self, path: Path, cause: sqlite3.Error) -> None:
        super().__init__(f"crawl state {str(path)!r}: {cause}")
        self.path = path
        self.cause = cause


class SharedStoriesError(CrawlError):
    """The stories shared through Redis (distributed mode) could not be read or written: Redis
    unreachable past the client's retries, full, or its log of stories lost or held too long."""


# The finish reason of a crawl that SharedStoriesError stopped (its batch kept this run's stories).
STORIES_UNAVAILABLE = "stories_unavailable"

# The finish reason of a crawl that CrawlStateError stopped (crawlers.state_failures); kept here,
# free of Scrapy, so the CLI can name it without importing Scrapy at start-up.
STATE_UNAVAILABLE = "state_unavailable"
