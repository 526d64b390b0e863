"""A province typed by a user → the current province it names, and a note for an old unit's name.

Staff type a current name ("Nghe An", "TP.HCM", "Hanoi", "Ho Chi Minh City"), a unit merged in
2025 ("Quảng Bình") or an older one ("Hà Tây", merged into Hà Nội in 2008). Every old name, its
aliases too, is read as its current province with a note saying so, so nobody is silently given
another province's figures.
This reads typed filter values only; names in article text are the gazetteer's (vntext.provinces).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from vntext.normalize import fold, normalize_spelling
from vntext.provinces import Unit

# "Tỉnh Nghệ An", "TP. Hồ Chí Minh", "Hanoi City", "Nghe An Province": the kind of unit is not
# part of its name (matched on folded text; "tphcm" keeps its "tp", which is not a word of its own).
_WRAPPER = re.compile(r"^\s*(?:tinh|thanh pho|tp)\b|\b(?:city|province)\s*$")
_NOT_LETTER = re.compile(r"[\W_]+")

# Shorthands people type in a filter or a config file but that are no name in article text: "HCM"
# alone is the city only when someone means a province, so it is kept out of the gazetteer
# (config/provinces.yaml, read by text matching too). "HN" is not one: it is also Hà Nam's
# initials (merged into Ninh Bình in 2025), whose figures "HN" must not silently give as Hà Nội's.
TYPED_SHORTHANDS: Mapping[str, str] = {"HCM": "Hồ Chí Minh"}


def typed_key(text: str) -> str:
    """Case, diacritics, tone placement, spaces, hyphens and dots do not matter: "Hà Nội",
    "Hanoi", "HA-NOI" are one key ("hanoi"), as are "Đắk Lắk" and "Daklak", "TP.HCM" and "TPHCM"."""
    return _NOT_LETTER.sub("", fold(normalize_spelling(text)).casefold())


def typed_keys(text: str) -> tuple[str, ...]:
    """The keys `text` is looked up by: as typed, then without a "Tỉnh"/"TP"/"City" wrapper."""
    folded = fold(normalize_spelling(text)).casefold()
    return tuple(dict.fromkeys(typed_key(t) for t in (folded, _WRAPPER.sub("", folded))))


@dataclass(frozen=True)
class Reading:
    """The current province a typed name is read as; `old` the old unit it names, if any."""

    province: str
    old: str | None = None
    merged_2025: bool = False

    @property
    def note(self) -> str | None:
        """ "Quảng Bình → Quảng Trị (sáp nhập 2025)", "Hà Tây → Hà Nội (đơn vị hành chính cũ)"."""
        if self.old is None:
            return None
        why = "sáp nhập 2025" if self.merged_2025 else "đơn vị hành chính cũ"
        return f"{self.old} → {self.province} ({why})"

    @classmethod
    def of(cls, unit: Unit) -> Reading:
        if unit.kind == "current":
            return cls(unit.province)
        return cls(unit.province, unit.name, unit.kind == "merged")


@dataclass(frozen=True)
class ProvinceNames:
    """Every spelling of every unit (`typed_key`) → the readings it may have."""

    readings: Mapping[str, frozenset[Reading]]

    @classmethod
    def of(
        cls, units: Iterable[Unit], shorthands: Mapping[str, str] = TYPED_SHORTHANDS
    ) -> ProvinceNames:
        """`shorthands`: typed-only spelling → current province (one the units do not name is
        left out)."""
        found: dict[str, set[Reading]] = {}
        current: set[str] = set()
        for unit in units:
            for spelling in (unit.name, *unit.aliases):
                found.setdefault(typed_key(spelling), set()).add(Reading.of(unit))
            if unit.kind == "current":
                current.add(unit.province)
        for spelling, province in shorthands.items():
            if province in current:
                found.setdefault(typed_key(spelling), set()).add(Reading(province))
        return cls({k: frozenset(v) for k, v in found.items()})

    def read(self, typed: str) -> Reading | None:
        """The one province `typed` names; None when it names none or several."""
        for candidate in typed_keys(typed):
            readings = self.readings.get(candidate, frozenset())
            if len({r.province for r in readings}) == 1:
                # a current name over an old one of the same province: no note is due
                return min(readings, key=lambda r: (r.old is not None, r.old or ""))
        return None
