"""One exception root for the crawlers package."""


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
