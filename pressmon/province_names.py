"""A province typed by a user → the current province it names, and a note for an old unit's name.

Staff type a current name ("Nghe An", "TP.HCM"), a unit merged in 2025 ("Quảng Bình") or an
older one ("Hà Tây", merged into Hà Nội in 2008). Every old name, its aliases too, is read as its
current province with a note saying so, so nobody is silently given another province's figures.
This reads typed filter values only; names in article text are the gazetteer's (vntext.provinces).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from vntext.normalize import fold, normalize_spelling
from vntext.provinces import Unit

# "Tỉnh Nghệ An", "TP. Hồ Chí Minh": the kind of unit is not part of its name.
_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp\.?)\s+")


def typed_key(text: str) -> str:
    """Case, diacritics, tone placement, hyphens and spacing do not matter."""
    folded = fold(normalize_spelling(text)).casefold()
    return " ".join(folded.replace("_", " ").replace("-", " ").split())


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
    def of(cls, units: Iterable[Unit]) -> ProvinceNames:
        found: dict[str, set[Reading]] = {}
        for unit in units:
            for spelling in (unit.name, *unit.aliases):
                found.setdefault(typed_key(spelling), set()).add(Reading.of(unit))
        return cls({k: frozenset(v) for k, v in found.items()})

    def read(self, typed: str) -> Reading | None:
        """The one province `typed` names; None when it names none or several."""
        whole = typed_key(typed)
        for candidate in dict.fromkeys((whole, _PREFIX.sub("", whole))):
            readings = self.readings.get(candidate, frozenset())
            if len({r.province for r in readings}) == 1:
                # a current name over an old one of the same province: no note is due
                return min(readings, key=lambda r: (r.old is not None, r.old or ""))
        return None

    def provinces(self) -> dict[str, str]:
        """Each spelling that names one province → that province (for suggestions)."""
        return {
            k: next(iter(provinces))
            for k, readings in self.readings.items()
            if len(provinces := {r.province for r in readings}) == 1
        }
