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
        """The first match of each pattern found; with `skip_negated`, the first that no
        negation governs, next to it (`negated`) or further on in its clause
        (`negation_scopes`: "không nhắn tin yêu cầu cung cấp mã OTP" asks for nothing)."""
        if not text:
            return {}
        scopes = negation_scopes(text, marked=marked) if skip_negated else []

        def governed(start: int) -> bool:
            return negated(text, start, marked=marked) or any(a <= start < b for a, b in scopes)

        out = {}
        for i, pattern in enumerate(self._marked if marked else self._folded):
            if pattern.search(text) is None:
                continue  # most patterns miss: skip building the generator below
            m = next(
                (
                    m
                    for m in word_matches(pattern, text)
                    if not (skip_negated and governed(m.start()))
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


# A negation reaches to the end of its clause ("không bao giờ yêu cầu người dân cung cấp mã
# OTP"), or to a word that starts a new one. "Nếu không" is a condition, the shape of a threat
# ("…sẽ bị khóa nếu không bấm vào đường link"), not advice.
_CLAUSE_END = re.compile(r"[.,;:!?()\[\]\n]|\b(?:nhưng|nhung|mà|thì|thi|hãy|chỉ cần|chi can)\b")
_SCOPED_MARKED = re.compile(rf"(?<!nếu )\b{NEGATION}\b")
_SCOPED_FOLDED = re.compile(rf"(?<!neu )\b{fold(NEGATION)}\b")
# Typed without diacritics, "cho" is "cho" (for), never read as "chớ", and "dung" is mostly
# "dùng"/"dụng"/"đúng": it counts as "đừng" only where a warning puts it, opening a clause or
# after the person addressed ("Quý khách đừng…", "Vui lòng đừng…").
_FOLDED_AMBIGUOUS = frozenset({"cho"})
_FOLDED_ADDRESSED = frozenset({"dung"})
_ADDRESSED = re.compile(
    r"(?:^|[.,;:!?()\[\]\n-]|\b(?:vui long|xin|hay|quy khach|ban|ba con|nguoi dan|anh chi|"
    r"moi nguoi|cac ban|tuyet doi))\s*$"
)


def negation_scopes(text: str, *, marked: bool) -> list[tuple[int, int]]:
    """(start, end) of the stretches of lower-case `text` that a negation word governs.

    The same negation words as `negated`, read as typed when the text has diacritics. Offsets
    hold for `fold(text)` too (folding keeps one character per character of NFC text).
    """
    scopes = []
    for m in (_SCOPED_MARKED if marked else _SCOPED_FOLDED).finditer(text):
        word = m.group(0)
        if not marked and (
            word in _FOLDED_AMBIGUOUS
            or (word in _FOLDED_ADDRESSED and not _ADDRESSED.search(text, 0, m.start()))
        ):
            continue
        start = m.end()
        stop = _CLAUSE_END.search(text, start)
        end = stop.start() if stop else len(text)
        if end > start:
            scopes.append((start, end))
    return scopes


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
