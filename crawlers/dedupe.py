"""Near-duplicate stories: syndicated copies of one text across outlets.

A copy is counted once as a *story* and once per outlet as a *placement*. The fingerprint is a 64-bit
SimHash over word 3-shingles of :func:`classifier.text.normalize_text` output (lower-cased), so NFC/NFD
and old/new tone placement do not matter. Two texts are one story when their fingerprints differ in at
most :data:`MAX_DISTANCE` bits (Manku et al. 2007 use 3 of 64 bits for near-duplicate web pages; our
test pairs — the same body under different outlet prefixes and bylines — differ by far less, different
articles on one topic by far more). Lookup is exact through the pigeonhole principle: with
``MAX_DISTANCE + 1`` bands, two fingerprints within the distance agree on at least one whole band.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from classifier.text import normalize_text

MAX_DISTANCE = 3
MIN_WORDS = 30  # shorter texts (briefs, captions) are never merged: too few shingles to tell apart
_SHINGLE = 3
_BITS = 64


def _shingles(words: list[str]) -> set[str]:
    if len(words) < _SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def _words(text: str) -> list[str]:
    return [w for w in normalize_text(text).lower().split() if any(c.isalnum() for c in w)]


def text_fingerprint(text: str) -> int:
    """64-bit SimHash of a text, as an unsigned int in [0, 2**64).

    Deterministic across processes (blake2b, not ``hash()``). Store it as text or subtract 2**63
    before putting it in a signed 64-bit column (SQLite INTEGER).
    """
    counts = [0] * _BITS
    for shingle in _shingles(_words(text)):
        value = int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest())
        for bit in range(_BITS):
            counts[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit in range(_BITS) if counts[bit] > 0)


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


@dataclass
class StoryClusterer:
    """Assigns each article to a story; the story id is the id of the first article seen in it.

    Deterministic: among several matching earlier articles, the earliest assigned one wins.
    Feed it existing ``(article_id, fingerprint, story_id)`` rows with :meth:`add` after a restart.
    """

    max_distance: int = MAX_DISTANCE
    _stories: dict[str, str] = field(default_factory=dict)
    _order: dict[str, int] = field(default_factory=dict)
    _fingerprints: dict[str, int] = field(default_factory=dict)
    _bands: dict[tuple[int, int], list[str]] = field(default_factory=dict)

    def _band_keys(self, fingerprint: int) -> list[tuple[int, int]]:
        count = self.max_distance + 1
        width = -(-_BITS // count)
        mask = (1 << width) - 1
        return [(i, fingerprint >> (i * width) & mask) for i in range(count)]

    def add(self, article_id: str, fingerprint: int, story_id: str) -> None:
        """Register an already-clustered article (e.g. loaded from the archive)."""
        if article_id in self._stories:
            return
        self._stories[article_id] = story_id
        self._order[article_id] = len(self._order)
        self._fingerprints[article_id] = fingerprint
        for key in self._band_keys(fingerprint):
            self._bands.setdefault(key, []).append(article_id)

    def match(self, fingerprint: int) -> str | None:
        """The story of the earliest article within ``max_distance`` bits, if any."""
        best: str | None = None
        for key in self._band_keys(fingerprint):
            for other in self._bands.get(key, ()):
                if hamming(fingerprint, self._fingerprints[other]) <= self.max_distance and (
                    best is None or self._order[other] < self._order[best]
                ):
                    best = other
        return None if best is None else self._stories[best]

    def assign(self, article_id: str, text: str) -> str:
        """The story id for an article; the same article always gets the same answer."""
        if article_id in self._stories:
            return self._stories[article_id]
        fingerprint = text_fingerprint(text)
        story = self.match(fingerprint) if len(_words(text)) >= MIN_WORDS else None
        story_id = story or article_id
        self.add(article_id, fingerprint, story_id)
        return story_id
