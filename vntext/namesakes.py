"""Namesakes: a province name that is part of a person's or a street's name is not a place.

Vietnamese given names are often province names ("anh Nguyễn Hà Nam", "ông Lê Văn Thái Bình",
"ông Phú Yên") and every city has streets and wards named after provinces ("đường Hà Giang,
quận 10", "phố Lạng Sơn", "phường Thái Bình"). The gazetteer asks only when no tỉnh / TP / BHXH
/ tại / ở comes right before; the rule reads the words right before the name, with the word lists
of the `namesakes:` section of config/provinces.yaml:

- a person: a kinship word or title right before ("ông Phú Yên"), or before a capitalised name
  that ends with it ("anh Tư Hà Nam"), or a capitalised run of name words that starts with a
  surname ("Nguyễn Hà Nam", "Bộ trưởng Nguyễn Thái Bình") or ends with Văn / Thị ("Lò Văn Hà
  Giang"); at most four syllables in all, so "Trường THPT Lê Hồng Phong Nam Định" is a school in
  Nam Định, and never after a division word ("quận Hoàng Mai Hà Nội" is a district of Hà Nội). A
  capitalised kinship word is a title only where a sentence starts ("Ông Nguyễn Hà Nam"; "huyện
  Cô Tô Quảng Ninh", "Đại sứ quán Anh Hà Nội");
- a street: a street or ward word right before, as typed in lower case ("đường Hà Giang";
  "Công ty CP Đường Quảng Ngãi" makes sugar), or "số" and a house number that start an address
  ("tại số 7 Điện Biên Phủ"; "đội CSGT số 3 Hà Nội" is a unit of Hà Nội).

Not a namesake: a company name ("Công ty TNHH MTV Nguyễn Kim Bình Dương": a company named after
its province is in it), a kinship or street word after a plural or classifier ("các em Hà
Giang", "con phố Hà Nội") or inside a compound ("trẻ em", "đường phố", "thị xã", "nông thôn"),
and a run that reaches back into the previous province name ("Cao Bằng Lạng Sơn" is two
provinces).

Pure: built from word lists; `kind` is a function of its arguments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from vntext.normalize import normalize_text

Namesake = Literal["person", "street"]

# How far back the words before a province name are read (a title, a three-word name, a compound).
_WINDOW = 80
_HOUSE_NUMBER = re.compile(r"^\d+[^\W\d_]?(?:[/-]\d+[^\W\d_]?)*$")
_BUSINESS_WORDS = 6  # "Công ty TNHH Địa ốc Hoàng Anh Sài Gòn"
_NAME_SYLLABLES = 4  # "Nguyễn Thị Hà Giang", "Lê Văn Thái Bình"
_SENTENCE_END = tuple(".!?:;\"“”'‘’(-–—…")
_PHRASE_BREAK = (*_SENTENCE_END, ",")
_OPENING = "(\"“‘'"


def _phrase(words: str) -> tuple[str, ...]:
    return tuple(normalize_text(words).casefold().split())


def _key(token: str) -> str:
    """A word as the lists hold it: "(số" → "số", "TS." → "ts", but "anh." ends a sentence."""
    token = token.lstrip(_OPENING)
    if token.endswith(".") and token[:-1] != token[:-1].lower():
        token = token[:-1]  # an abbreviation: "TS.", "Q.", "TP."
    return token.casefold()


class Namesakes:
    """Which province mentions name a person or a street (word lists from provinces.yaml)."""

    def __init__(
        self,
        *,
        titles: Iterable[str] = (),
        surnames: Iterable[str] = (),
        middle_names: Iterable[str] = (),
        streets: Iterable[str] = (),
        house_numbers: Iterable[str] = (),
        addresses: Iterable[str] = (),
        divisions: Iterable[str] = (),
        businesses: Iterable[str] = (),
        plurals: Iterable[str] = (),
        compounds: Iterable[str] = (),
    ) -> None:
        self._titles = {_phrase(t) for t in titles}
        self._surnames = {w for s in surnames for w in _phrase(s)}
        self._middle_names = {w for s in middle_names for w in _phrase(s)}
        self._streets = {_phrase(s) for s in streets}
        self._house_numbers = {_phrase(h) for h in house_numbers}
        self._addresses = {_phrase(a) for a in addresses}
        self._divisions = {tuple(w.rstrip(".") for w in _phrase(d)) for d in divisions}
        self._businesses = {_phrase(b) for b in businesses}
        self._plurals = {w for p in plurals for w in _phrase(p)}
        self._compounds = {_phrase(c) for c in compounds}
        self._single_titles = {t[0] for t in self._titles if len(t) == 1}

    def __bool__(self) -> bool:
        return bool(self._titles or self._surnames or self._streets or self._house_numbers)

    def kind(self, text: str, start: int, end: int, floor: int = 0) -> Namesake | None:
        """Whether text[start:end], a province name in normalised text, names a person or a
        street; None when it is a place. `floor` is where the previous province name ended: a
        name never reaches back into it.

        >>> namesakes = Namesakes(titles=["ông"], surnames=["Nguyễn"], streets=["đường"])
        >>> [namesakes.kind(t, len(t) - 7, len(t)) for t in ("ông Phú Yên", "tại Phú Yên")]
        ['person', None]
        >>> namesakes.kind("anh Nguyễn Hà Nam", 11, 17), namesakes.kind("đường Hà Nam", 6, 12)
        ('person', 'street')
        """
        window_start = max(floor, start - _WINDOW)
        before = text[window_start:start]
        if not before or not before[-1].isspace():
            return None  # "(Hà Nội)", "Quảng Nam-Đà Nẵng", the start of the text
        words = before.split()
        if window_start > floor and not text[window_start - 1].isspace():
            words = words[1:]  # the window cut a word in two
        reached_floor = window_start == floor and floor > 0
        surface = text[start:end]
        caps = surface.isupper()
        syllables = len(re.findall(r"[^\W\d_]+", surface))
        run = self._name_run(words, caps)
        prefix = words[: len(words) - len(run)]
        if reached_floor and len(run) == len(words):
            return None  # the run starts right after another province: a list, not a name
        if self._in_business_name(prefix):
            return None  # "Công ty TNHH MTV Nguyễn Kim Bình Dương", "Công ty CP đường Bình Định"
        if run or self._title_before(prefix):
            return self._person(run, prefix, syllables)
        return self._street(prefix, caps)

    def _name_run(self, words: list[str], caps: bool) -> list[str]:
        """The capitalised words right before the name: a person's surname and middle names."""
        run: list[str] = []
        for at in range(len(words) - 1, -1, -1):
            word = words[at]
            if not word.isalpha() or not word[:1].isupper():
                break
            if word.isupper() and len(word) > 1 and not caps:
                break  # an acronym (THPT, MTV, UBND, PGS), not a name
            if word.casefold() in self._single_titles and (
                word != word.capitalize() or at == 0 or words[at - 1][-1:] in _SENTENCE_END
            ):
                break  # "Ông Nguyễn Hà Nam", "ThS Trần Hà Nam"; but "huyện Cô Tô Quảng Ninh"
            run.insert(0, word)
        return run

    def _person(self, run: list[str], prefix: list[str], syllables: int) -> Namesake | None:
        if len(run) + syllables > _NAME_SYLLABLES:
            return None
        if self._title_before(prefix):
            return "person"
        if not run or self._ends_with(prefix, self._divisions):
            return None  # "quận Hoàng Mai Hà Nội": a district, then its city
        first, last = run[0].casefold(), run[-1].casefold()
        if first in self._surnames or last in self._middle_names:
            return "person"
        return None

    def _street(self, prefix: list[str], caps: bool) -> Namesake | None:
        if not prefix:
            return None
        if _HOUSE_NUMBER.match(prefix[-1]) and self._address(prefix[:-1]):
            return "street"
        for street in self._streets:
            n = len(street)
            typed = prefix[-n:]
            if len(typed) == n and tuple(_key(w) for w in typed) == street:
                # "Xa lộ Hà Nội": a proper name of two words or more may start capitalised
                as_typed = all(
                    w == w.lower() or (caps and w.isupper()) or (at == 0 and n > 1)
                    for at, w in enumerate(typed)
                )
                if as_typed and not self._common_noun(prefix, n):
                    return "street"
        return None

    def _address(self, prefix: list[str]) -> bool:
        """Whether `prefix` ends with "số" (or "số nhà") that starts an address: at the start of
        a phrase or after tại / ở / trụ sở ("tại số 7 Điện Biên Phủ", "(số 12 Hà Giang"); "đội
        CSGT số 3 Hà Nội" is a unit of Hà Nội."""
        for words in self._house_numbers:
            n = len(words)
            if len(prefix) < n or tuple(_key(w) for w in prefix[-n:]) != words:
                continue
            rest = prefix[:-n]
            if not rest or prefix[-n][:1] in _OPENING or rest[-1][-1:] in _PHRASE_BREAK:
                return True
            if self._ends_with(rest, self._addresses):
                return True
        return False

    def _title_before(self, prefix: list[str]) -> bool:
        for title in self._titles:
            n = len(title)
            if len(prefix) >= n and tuple(_key(w) for w in prefix[-n:]) == title:
                if not self._common_noun(prefix, n):
                    return True
        # "PGS.TS", "ThS.BS": titles written together
        last = prefix[-1] if prefix else ""
        parts = [p for p in last.casefold().split(".") if p]
        return len(parts) > 1 and all((p,) in self._titles for p in parts)

    def _common_noun(self, prefix: list[str], n: int) -> bool:
        """Whether the last `n` words of `prefix` (a title or street word) are a common noun
        here: after a plural or classifier ("các em", "con phố") or inside a compound ("trẻ
        em", "đường phố", "thị xã")."""
        if len(prefix) > n and _key(prefix[-n - 1]) in self._plurals:
            return True
        return any(
            len(c) > n and tuple(_key(w) for w in prefix[-len(c) :]) == c for c in self._compounds
        )

    def _in_business_name(self, prefix: list[str]) -> bool:
        """A company word among the few words before, in the same phrase: a company named
        after its province is in it."""
        words: list[str] = []
        for word in reversed(prefix[-_BUSINESS_WORDS:]):
            if not word.isalnum():
                break
            words.insert(0, _key(word))
        return any(
            tuple(words[at : at + len(b)]) == b
            for b in self._businesses
            for at in range(len(words))
        )

    def _ends_with(self, prefix: list[str], phrases: set[tuple[str, ...]]) -> bool:
        return any(tuple(_key(w) for w in prefix[-len(p) :]) == p for p in phrases if p)
