"""The counters a crawl keeps per source, and which of them are problems.

The spider and the item pipeline count by name; crawl summaries, crawl_runs rows and source health
read the counts back. A counter not named here is a problem kind: a fetch that failed
(``timeout``, ``dns``, ``http_5xx``, ...) or a page that could not be used (``bad_date``, ...).
"""

from __future__ import annotations

from collections.abc import Mapping

FETCHED = "fetched"  # a response reached a callback: feed, sitemap, listing or article page
EXTRACTED = "extracted"
KNOWN = "known"  # an article URL a previous run finished, not fetched again
STORED = "stored"  # a new article in the archive
UPDATED = "updated"  # a stored article fetched again (it changed) whose text or date changed
UNCHANGED = "unchanged"  # a stored article fetched again: 304, or the same text and date
REFETCH_DEFERRED = "refetch_deferred"  # changed, left for a later run (refetch_per_source)
IRRELEVANT = "irrelevant"  # extracted, not about social insurance
NOT_ARTICLE = "not_article"  # a linked page that is no article (a video, a section page)
DATE_DISAGREEMENT = "date_disagreement"  # an extracted article whose date candidates disagreed
# A page that was, for now, not the article (a shell: crawlers.extract.shell), its URL to be
# fetched again after a wait (crawlers.retry): a problem kind. RETRY_WAITING: such a URL whose
# wait is not over, not fetched this run.
RETRY_LATER = "retry_later"
RETRY_WAITING = "retry_waiting"
# A recognised anti-bot challenge page (crawlers.extract.challenge), its URL to be fetched again
# on the challenge schedule (crawlers.retry); CHALLENGE_GIVEN_UP: one after the last retry, the URL
# given up (a final outcome too); CHALLENGE_WAITING: such a URL not fetched this run, its wait not
# over. All three are problems: the site is keeping the crawler from its articles.
CHALLENGE = "challenge"
CHALLENGE_GIVEN_UP = "challenge_given_up"
CHALLENGE_WAITING = "challenge_waiting"
# An article page with no plausible publication date (crawlers.errors.DateError), its URL to be
# fetched again on the shell schedule (a future date comes due, a page gets its date);
# BAD_DATE_GIVEN_UP: one after the last retry, given up (a final outcome too). Both are problems.
BAD_DATE = "bad_date"
BAD_DATE_GIVEN_UP = "bad_date_given_up"

NOT_PROBLEMS = frozenset(
    {
        FETCHED,
        EXTRACTED,
        KNOWN,
        STORED,
        UPDATED,
        UNCHANGED,
        REFETCH_DEFERRED,
        IRRELEVANT,
        NOT_ARTICLE,
        DATE_DISAGREEMENT,
        RETRY_WAITING,
    }
)


def problems(counters: Mapping[str, int]) -> dict[str, int]:
    """The problem kinds among `counters` with their non-zero counts."""
    return {kind: n for kind, n in sorted(counters.items()) if kind not in NOT_PROBLEMS and n}
