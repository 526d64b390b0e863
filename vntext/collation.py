"""Vietnamese alphabetical order (pure): ă after a, â after ă, đ after d, ơ after ô, ư after u;
tones only break ties, in dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng). Python's own
string order compares code points, which puts "Hưng Yên" before "Hải Phòng"."""

from __future__ import annotations

import unicodedata

_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_SHAPE_MARKS = frozenset("\u0306\u0302\u031b")  # breve, circumflex, horn: letters of their own
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

SortKey = tuple[tuple[int, ...], tuple[int, ...]]


def _rank(letter: str) -> int:
    """Non-letters (spaces, digits, punctuation) before letters, other letters after
    Vietnamese ones, each by code point."""
    found = _LETTERS.find(letter)
    if found >= 0:
        return found
    return len(_LETTERS) + ord(letter[0]) if letter.isalpha() else ord(letter[0]) - 0x110000


def vietnamese_sort_key(text: str) -> SortKey:
    """A key sorting `text` as a Vietnamese dictionary does, case-insensitively."""
    letters: list[int] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFC", text).casefold():
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        shaped = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _SHAPE_MARKS))
        letters.append(_rank(shaped))
        tones.append(next((_TONE_MARKS[m] for m in marks if m in _TONE_MARKS), 0))
    return tuple(letters), tuple(tones)
