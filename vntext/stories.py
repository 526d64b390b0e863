"""Near-duplicate stories: syndicated copies of one text across outlets.

A copy is counted once as a *story* and once per outlet as a *placement*. Texts are compared by the
Jaccard similarity of their word 3-shingles (after :func:`vntext.normalize.normalize_text` and
lower-casing, so NFC/NFD and old/new tone placement do not matter), estimated with a 64-value
MinHash. Copies syndicated with a different outlet prefix ("(TTXVN) -"), byline, "Xem thêm" footer
or light edits keep a Jaccard of 0.6-0.95; different articles on the same topic share almost no
3-shingles (< 0.1). Two texts are one story at an estimated Jaccard >= :data:`THRESHOLD` (0.5).

SimHash was tried first and rejected: on 150-300-word news texts a different header and footer
already move it 10-15 bits of 64, beyond any threshold that keeps same-topic articles apart.

Candidates come from LSH banding (16 bands of 4 values: a pair at Jaccard 0.8 becomes a candidate
with probability 0.9995, at 0.7 with 0.99, at 0.6 with 0.89), then the full signature decides.
Memory is about 3 KiB per remembered article (signature + band entries).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

import numpy as np

from vntext.normalize import normalize_text

THRESHOLD = 0.5
MIN_WORDS = 30  # shorter texts (briefs, captions) are never merged: too few shingles to tell apart
PERMUTATIONS = 64
_BANDS, _ROWS = 16, 4
_SHINGLE = 3
_PRIME = (1 << 31) - 1  # a < p and x < p keep a * x + b inside uint64
_VALUE_BITS = 31
_RNG = np.random.default_rng(20_260_307)  # fixed seed: fingerprints must match across processes
_A = _RNG.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _RNG.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)


def _words(text: str) -> list[str]:
    return [w for w in normalize_text(text).lower().split() if any(c.isalnum() for c in w)]


def _signature(words: list[str]) -> np.ndarray:
    count = max(len(words) - _SHINGLE + 1, 1)
    shingles = {" ".join(words[i : i + _SHINGLE]) for i in range(count)} if words else set()
    if not shingles:
        return np.full(PERMUTATIONS, _PRIME, dtype=np.uint32)
    hashes = np.fromiter(
        (zlib.crc32(s.encode("utf-8")) % _PRIME for s in shingles),
        dtype=np.uint64,
        count=len(shingles),
    )
    return ((np.outer(_A, hashes) + _B[:, None]) % _PRIME).min(axis=1).astype(np.uint32)


def _pack(signature: np.ndarray) -> int:
    value = 0
    for part in signature.tolist():
        value = value << _VALUE_BITS | part
    return value


def _unpack(fingerprint: int) -> np.ndarray:
    mask = (1 << _VALUE_BITS) - 1
    parts = [(fingerprint >> (_VALUE_BITS * i)) & mask for i in range(PERMUTATIONS)]
    return np.array(parts[::-1], dtype=np.uint32)


def text_fingerprint(text: str) -> int:
    """The MinHash signature of a text packed into one int (64 values of 31 bits).

    Deterministic across processes. Store it as ``fingerprint.to_bytes(248, "big")`` or as hex.
    """
    return _pack(_signature(_words(text)))


def similarity(a: int, b: int) -> float:
    """Estimated Jaccard similarity of the texts behind two fingerprints."""
    return float(np.mean(_unpack(a) == _unpack(b)))


@dataclass
class StoryClusterer:
    """Assigns each article to a story; the story id is the id of the first article seen in it.

    Deterministic: among several matching earlier articles, the earliest assigned one wins.
    Feed it existing ``(article_id, fingerprint, story_id)`` rows with :meth:`add` after a restart.
    """

    threshold: float = THRESHOLD
    _stories: dict[str, str] = field(default_factory=dict)
    _order: dict[str, int] = field(default_factory=dict)
    _signatures: dict[str, np.ndarray] = field(default_factory=dict)
    _bands: dict[int, list[str]] = field(default_factory=dict)

    @staticmethod
    def _band_keys(signature: np.ndarray) -> list[int]:
        # In-memory keys only (never persisted), so Python's per-process hash is fine; a collision
        # merely adds a candidate that the full-signature check then rejects.
        return [
            hash((band, signature[band * _ROWS : (band + 1) * _ROWS].tobytes()))
            for band in range(_BANDS)
        ]

    def _add(self, article_id: str, signature: np.ndarray, story_id: str, indexed: bool) -> None:
        self._stories[article_id] = story_id
        self._order[article_id] = len(self._order)
        self._signatures[article_id] = signature
        if indexed:
            for key in self._band_keys(signature):
                self._bands.setdefault(key, []).append(article_id)

    def add(self, article_id: str, fingerprint: int, story_id: str) -> None:
        """Register an already-clustered article (e.g. loaded from the archive)."""
        if article_id not in self._stories:
            self._add(article_id, _unpack(fingerprint), story_id, indexed=True)

    def fingerprint_of(self, article_id: str) -> int:
        """The packed signature of an assigned article, to persist and :meth:`add` back later."""
        return _pack(self._signatures[article_id])

    def _match(self, signature: np.ndarray) -> str | None:
        candidates = {
            other for key in self._band_keys(signature) for other in self._bands.get(key, ())
        }
        matching = [
            other
            for other in candidates
            if np.mean(self._signatures[other] == signature) >= self.threshold
        ]
        if not matching:
            return None
        return self._stories[min(matching, key=self._order.__getitem__)]

    def assign(self, article_id: str, text: str) -> str:
        """The story id for an article; the same article always gets the same answer."""
        if article_id in self._stories:
            return self._stories[article_id]
        words = _words(text)
        signature = _signature(words)
        long_enough = len(words) >= MIN_WORDS
        story_id = (self._match(signature) if long_enough else None) or article_id
        self._add(article_id, signature, story_id, indexed=long_enough)
        return story_id
