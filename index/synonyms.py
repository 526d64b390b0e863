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

        A form holding a form of another group also stands with that group's other forms in
        it: "BHXH tự nguyện" brings "bảo hiểm xã hội tự nguyện" into its group, so each finds
        the articles written the other way (and the group's other forms).

        >>> Synonyms.from_forms([["BHXH", "Bảo hiểm xã hội"]]).groups
        ((('bhxh',), ('bảo', 'hiểm', 'xã', 'hội')),)
        >>> groups = [["BHXH", "bảo hiểm xã hội"], ["BHXHTN", "BHXH tự nguyện"]]
        >>> voluntary = Synonyms.from_forms(groups)
        >>> voluntary.groups[1]
        (('bhxhtn',), ('bhxh', 'tự', 'nguyện'), ('bảo', 'hiểm', 'xã', 'hội', 'tự', 'nguyện'))
        """
        parsed = []
        for forms in groups:
            phrases = tuple(
                dict.fromkeys(p for p in (tuple(words(normalize_spelling(f))) for f in forms) if p)
            )
            if len(phrases) > 1:
                parsed.append(phrases)
        return cls(groups=_with_nested_forms(tuple(parsed)))

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


def _with_nested_forms(groups: tuple[tuple[Phrase, ...], ...]) -> tuple[tuple[Phrase, ...], ...]:
    """Each group with its forms' variants: the longest form of another group found in a form
    (from each of its words) replaced by each other form of that group. A variant that is
    already a form (of any group) is not added."""
    group_of = {_folded(form): i for i, group in enumerate(groups) for form in group}
    extended = []
    for i, group in enumerate(groups):
        forms = {_folded(form): form for form in group}
        for form in group:
            for start in range(len(form)):
                inner = next(
                    (
                        form[start:end]
                        for end in range(len(form), start, -1)
                        if group_of.get(_folded(form[start:end]), i) != i
                    ),
                    None,
                )
                if inner is None:
                    continue
                for other in groups[group_of[_folded(inner)]]:
                    variant = form[:start] + other + form[start + len(inner) :]
                    if _folded(variant) not in group_of:
                        forms.setdefault(_folded(variant), variant)
        extended.append(tuple(forms.values()))
    return tuple(extended)
