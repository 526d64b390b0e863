"""Cue patterns matched as typed or folded.

A pattern written with diacritics is compiled twice: as written, for text typed with
diacritics, and folded, for text typed without (folding text typed with diacritics would read
"kéo" as "kẻo"). Each pattern is searched on its own: Python's `re` scans a literal-led pattern
fast, while one big alternation tries every branch at every position.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from vntext.normalize import fold


@dataclass(frozen=True)
class Hit:
    index: int  # which pattern of the set
    start: int
    end: int
    words: str  # the matched words, folded


class PatternSet:
    """Patterns (regular expressions written with diacritics) searched together."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.size = len(patterns)
        self._marked = [compile_cue(p) for p in patterns]
        self._folded = [compile_cue(fold(p)) for p in patterns]

    def hits(self, text: str, *, marked: bool) -> list[Hit]:
        """Every match of every pattern, by pattern then position."""
        if not text:
            return []
        return [
            Hit(i, m.start(), m.end(), fold(m.group(0)))
            for i, pattern in enumerate(self._marked if marked else self._folded)
            for m in word_matches(pattern, text)
        ]

    def first(self, text: str, *, marked: bool, skip_negated: bool = False) -> dict[int, Hit]:
        """The first match of each pattern found; with `skip_negated`, the first not negated
        by the words just before it (`negated`)."""
        if not text:
            return {}
        out = {}
        for i, pattern in enumerate(self._marked if marked else self._folded):
            m = next(
                (
                    m
                    for m in word_matches(pattern, text)
                    if not (skip_negated and negated(text, m.start(), marked=marked))
                ),
                None,
            )
            if m:
                out[i] = Hit(i, m.start(), m.end(), fold(m.group(0)))
        return out


# Words that turn a request into advice ("không cung cấp mã OTP", "đừng bấm vào đường dẫn"),
# written with diacritics and matched as typed or folded, with at most one word in between.
NEGATION = r"(?:không|ko|kg|đừng|chớ|tuyệt đối không|không bao giờ|không được)"
_NEGATED_MARKED = re.compile(rf"\b{NEGATION}(?: [^\s|]+)?\s*$")
_NEGATED_FOLDED = re.compile(rf"\b{fold(NEGATION)}(?: [^\s|]+)?\s*$")


def negated(text: str, start: int, *, marked: bool) -> bool:
    """Whether the words just before `start` in lower-case `text` negate what follows.

    Text typed with diacritics is read as typed, so "dùng" (use) is not read as "đừng" (don't).
    """
    before = text[max(0, start - 30) : start]
    if marked:
        return bool(_NEGATED_MARKED.search(before))
    return bool(_NEGATED_FOLDED.search(fold(before)))


def compile_cue(pattern: str) -> re.Pattern[str]:
    # No leading \b: it would stop `re` from scanning for the pattern's first characters, which
    # is what makes a miss cheap. `word_matches` checks the leading boundary instead.
    return re.compile(rf"(?:{pattern})\b")


def word_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of `pattern` that start at a word boundary, leftmost first, not overlapping."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        start = m.start()
        if (
            start == 0
            or not (text[start - 1].isalnum() or text[start - 1] == "_")
            or not (text[start].isalnum() or text[start] == "_")
        ):
            yield m
            pos = max(m.end(), start + 1)
        else:
            pos = start + 1
