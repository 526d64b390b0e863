"""Already-decided items resembling a flagged one, for the reviewer's item page.

Decided items are few (hundreds to thousands) next to the archive, so their title words are kept
in memory and matched there: an item page costs no search at all. The copy is rebuilt when it is
older than `max_age` seconds (decisions made by other processes show up by then) and at once
after a decision in this process (`invalidate`). Rebuilding reads the archive (a second or more
on a busy 100,000-article archive): while one page rebuilds an expired copy, the others keep
reading the expired one instead of waiting; after `invalidate` every page waits for the new one.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from index.base import Archive
from index.types import Document, Query
from pressmon.review.statuses import DECISIONS

_STOPWORDS = frozenset(
    "và của cho các những được với là có không trong này đã sẽ về từ người khi đến theo tại "
    "một như bị thì mà nên vì để ra vào lên".split()
)
MAX_DECIDED = 20_000  # decided items kept; older ones beyond this are not offered
_PAGE = 200


def title_words(title: str) -> list[str]:
    return [w for w in re.findall(r"\w+", title.lower()) if len(w) > 1 and w not in _STOPWORDS]


def title_terms(title: str, limit: int = 4) -> list[str]:
    """The title's most telling words: the longest distinct ones that are not stopwords."""
    return sorted(dict.fromkeys(title_words(title)), key=len, reverse=True)[:limit]


@dataclass(frozen=True)
class Decided:
    id: str
    words: frozenset[str]
    published_at: datetime
    story_id: str | None  # its copies share it (`Document.story_id`)


@dataclass(frozen=True)
class SimilarStory:
    document: Document  # the story's decided copy most like the item
    more: int  # its story's other decided copies the session may see


def most_similar(document: Document, decided: list[Decided], limit: int = 5) -> list[str]:
    """Ids of decided items sharing most of the title's telling words (at least one), the newest
    first among equals; never the item itself nor its story's other copies (the item page lists
    them apart, with their status: here they would take every place from the other items)."""
    terms = set(title_terms(document.title))
    scored = [
        (len(terms & d.words), d.published_at, d.id)
        for d in decided
        if d.id != document.id
        and not (document.story_id and d.story_id == document.story_id)
        and terms & d.words
    ]
    scored.sort(reverse=True)
    return [doc_id for _, _, doc_id in scored[:limit]]


class DecidedTitles:
    """The in-memory copy of decided items' title words (thread-safe)."""

    def __init__(
        self,
        archive: Archive,
        *,
        max_age: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._archive = archive
        self._max_age = max_age
        self._clock = clock
        self._lock = threading.Lock()  # guards the fields below
        self._loading = threading.Lock()  # one rebuild at a time
        self._decided: list[Decided] = []
        self._loaded_at: float | None = None  # None: never loaded, or invalidated since
        self._generation = 0  # moved by invalidate: a rebuild begun before it is not fresh

    def invalidate(self) -> None:
        with self._lock:
            self._loaded_at = None
            self._generation += 1

    def warm(self) -> None:
        """Read the copy now (at start-up), so that no page waits for the first one."""
        self._current()

    def similar(
        self, document: Document, limit: int = 5, within: Archive | None = None
    ) -> list[SimilarStory]:
        """The `limit` decided items most like `document` that `within` holds (the session's
        archive: a province sees its own; default: all), one per story: five copies of one
        reposted post would otherwise fill every place with the same content. Those it cannot
        see are passed over before the places are counted, or a province saw none while its own
        were further down; so are their copies in `more`."""
        source = self._archive if within is None else within
        decided = self._current()
        ranked = most_similar(document, decided, len(decided))
        found: dict[str, Document] = {}  # by story: its most similar copy
        start, size = 0, limit
        while len(found) < limit and start < len(ranked):
            for item in source.get_many(ranked[start : start + size]):
                found.setdefault(item.story, item)
            start, size = start + size, size * 2  # few reads however few it may see
        chosen = list(found.values())[:limit]
        shown = {item.id for item in chosen}
        stories = {item.story_id for item in chosen if item.story_id}
        # The chosen stories' other decided copies, as the session sees them: one more read.
        copies = [d.id for d in decided if d.story_id in stories and d.id not in shown]
        more = Counter(item.story for item in (source.get_many(copies) if copies else ()))
        return [SimilarStory(item, more[item.story]) for item in chosen]

    def _fresh(self) -> bool:
        return self._loaded_at is not None and self._clock() - self._loaded_at <= self._max_age

    def _current(self) -> list[Decided]:
        with self._lock:
            if self._fresh():
                return self._decided
            expired = self._decided if self._loaded_at is not None else None
        if expired is not None and not self._loading.acquire(blocking=False):
            return expired  # another page is rebuilding it
        if expired is None:
            self._loading.acquire()
        try:
            with self._lock:
                if self._fresh():  # rebuilt while this page waited
                    return self._decided
                started, generation = self._clock(), self._generation
            decided = self._load()
            with self._lock:
                self._decided = decided
                if generation == self._generation:
                    self._loaded_at = started
            return decided
        finally:
            self._loading.release()

    def _load(self) -> list[Decided]:
        """The newest MAX_DECIDED decided items, read past Elasticsearch's 10,000-hit window
        (`Archive.iter_documents`)."""
        decided = self._archive.iter_documents(
            _PAGE, query=Query(review_statuses=frozenset(DECISIONS))
        )
        return [
            Decided(d.id, frozenset(title_words(d.title)), d.published_at, d.story_id)
            for d in islice(decided, MAX_DECIDED)
        ]
