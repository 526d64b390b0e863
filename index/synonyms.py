"""Words of the field that mean the same thing (BHXH / bảo hiểm xã hội), for query expansion.

The table is data the caller passes in (pressmon reads it from config/synonyms.yaml); the index
never reads files. Forms are compared folded, so "bao hiem xa hoi" typed without diacritics is
recognised as a form of BHXH too; the expansion itself keeps every form as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from index.text import fold, words
from vntext.normalize import normalize_spelling

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Synonyms:
    """Groups of forms (each a phrase of lower-cased NFC words) that match each other."""

    groups: tuple[tuple[Phrase, ...], ...] = ()

    @classmethod
    def from_forms(cls, groups: Iterable[Sequence[str]]) -> Synonyms:
        """Groups given as written ("BHXH", "bảo hiểm xã hội"); forms without words are dropped.

        >>> Synonyms.from_forms([["BHXH", "Bảo hiểm xã hội"]]).groups
        ((('bhxh',), ('bảo', 'hiểm', 'xã', 'hội')),)
        """
        parsed = []
        for forms in groups:
            phrases = tuple(
                dict.fromkeys(p for p in (tuple(words(normalize_spelling(f))) for f in forms) if p)
            )
            if len(phrases) > 1:
                parsed.append(phrases)
        return cls(groups=tuple(parsed))

    @cached_property
    def _by_folded(self) -> dict[Phrase, int]:
        return {_folded(form): i for i, group in enumerate(self.groups) for form in group}

    @cached_property
    def longest_form(self) -> int:
        return max((len(form) for group in self.groups for form in group), default=0)

    def alternatives(self, phrase: Phrase) -> tuple[Phrase, ...]:
        """`phrase` as typed, then the other forms of its group (only itself when it has none).

        >>> bhyt = Synonyms.from_forms([["BHYT", "bảo hiểm y tế"]])
        >>> bhyt.alternatives(("bao", "hiem", "y", "te"))
        (('bao', 'hiem', 'y', 'te'), ('bhyt',))
        """
        group = self._by_folded.get(_folded(phrase))
        if group is None:
            return (phrase,)
        others = (f for f in self.groups[group] if _folded(f) != _folded(phrase))
        return (phrase, *others)

    def form_at(self, run: Sequence[str], start: int) -> int:
        """How many words of `run` from `start` make the longest form of some group (0: none)."""
        for size in range(min(self.longest_form, len(run) - start), 0, -1):
            if _folded(tuple(run[start : start + size])) in self._by_folded:
                return size
        return 0


def _folded(phrase: Phrase) -> Phrase:
    return tuple(fold(w) for w in phrase)
