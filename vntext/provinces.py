"""Province gazetteer: names (current, pre-2025 and variants) → one of the 34 current provinces.

Pure: `Gazetteer.load` reads config/provinces.yaml once; `current`, `mentions` and `attribute` are
functions of their arguments. Matching runs on `normalize_text` output (NFC, modern tone marks),
keeps diacritics, and checks capitalisation so that "hòa bình" (peace) or "bình định" (to pacify)
never count as a province; a name that is part of a person's or a street's name ("anh Nguyễn Hà
Nam", "đường Hà Giang") is not a place either (`vntext.namesakes`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from vntext import lead
from vntext.errors import VntextError
from vntext.namesakes import Namesakes
from vntext.normalize import fold, normalize_text
from vntext.syntax_text import read_problem, syntax_problem
from vntext.unique_yaml import safe_load_unique
from vntext.validation_text import problem_lines

# Words before a name that make it an administrative reference ("BHXH tỉnh Nghệ An").
_ADMIN_CONTEXT = re.compile(
    r"(?:\b(?:tỉnh|thành phố|TP\.?|Tp\.?|BHXH|Bảo hiểm xã hội|UBND|HĐND)\s*)$", re.IGNORECASE
)
# Weaker, locative context: enough to disambiguate, not to make an article "about" a province.
_PLACE_CONTEXT = re.compile(r"(?:\b(?:tại|ở|địa bàn|về|đến|vào)\s*)$", re.IGNORECASE)
_CONTEXT_WINDOW = 40
_TOKEN_SPLIT = re.compile(r"\s*[-–—]\s*|\s+")
_SEPARATOR = r"(?:\s*[-–—]\s*|\s+)"
_WORD = r"[^\W_]"
# The lead (sapo) is the first paragraph when it ends within _LEAD_PARAGRAPH_MAX characters,
# else the first _LEAD_CHARS characters cut at a word boundary (`vntext.lead`).
_LEAD_CHARS = 400
_LEAD_PARAGRAPH_MAX = 800


class GazetteerError(VntextError):
    """config/provinces.yaml is missing, malformed, or names a province twice."""


@dataclass(frozen=True)
class ProvinceMention:
    """One match of a province name in normalised text; `start`/`end` index normalize_text(text)."""

    province: str  # current (post-2025) province
    surface: str  # the text as written
    start: int
    end: int
    # the surface names a unit that no longer exists (Hà Giang, Thừa Thiên Huế, ...)
    pre_merger: bool
    context: str | None  # "tỉnh", "BHXH", "tại", ... right before the name, if any

    @property
    def administrative(self) -> bool:
        return self.context is not None and _ADMIN_CONTEXT.search(self.context + " ") is not None


@dataclass(frozen=True)
class Attribution:
    """Which province(s) an article counts for; `province` is the main one, first in `provinces`."""

    province: str | None
    provinces: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Unit:
    """A province as people name it: a current one, or an older unit now inside `province`.

    Read by what resolves a province typed by a user (pressmon.province_names), never by
    `mentions`: a typed name of an old unit deserves a note saying which province it is read as.
    """

    name: str
    province: str
    aliases: tuple[str, ...] = ()
    kind: Literal["current", "merged", "historical"] = "current"


@dataclass(frozen=True)
class _Name:
    surface: str  # as written in the gazetteer, normalised
    province: str
    pre_merger: bool
    needs_context: bool
    blocked: bool = False


class Gazetteer:
    """The 34 current provinces, the 63 pre-merger units and their spellings."""

    def __init__(
        self,
        provinces: Iterable[str],
        pre_2025: Mapping[str, str],
        names: Iterable[_Name],
        namesakes: Namesakes | None = None,
        units: Iterable[Unit] = (),
    ) -> None:
        self.provinces: tuple[str, ...] = tuple(provinces)
        # the current provinces and the old units inside them, with their aliases
        self.units: tuple[Unit, ...] = tuple(units)
        self.namesakes = namesakes or Namesakes()
        # each of the 63 pre-2025 units → the current province it belongs to
        self.pre_2025: dict[str, str] = dict(pre_2025)
        self._names = {_canonical_key(n.surface): n for n in names}
        self._folded: dict[str, set[str]] = {}
        for key, name in self._names.items():
            if not name.blocked:
                self._folded.setdefault(fold(key), set()).add(name.province)
        alternatives = sorted(self._names.values(), key=lambda n: len(n.surface), reverse=True)
        # Matched case-sensitively against lowercased text (three times faster than IGNORECASE);
        # capitalisation is then checked on the original text at the same offsets.
        self._pattern = re.compile(
            rf"(?<!{_WORD})(?:"
            + "|".join(_alias_regex(n.surface.lower()) for n in alternatives)
            + rf")(?!{_WORD})"
        )

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError as err:
            raise GazetteerError(f"{path}: không tìm thấy tệp") from err
        except (OSError, UnicodeDecodeError) as err:
            raise GazetteerError(f"{path}: không đọc được: {read_problem(err)}") from err
        try:
            data = safe_load_unique(text)
        except yaml.YAMLError as err:
            raise GazetteerError(f"{path}: không phải YAML hợp lệ: {syntax_problem(err)}") from err
        try:
            return cls._from_data(_GazetteerFile.model_validate({} if data is None else data))
        except ValidationError as err:
            raise GazetteerError("\n".join(problem_lines(err, str(path)))) from err
        except ValueError as err:
            raise GazetteerError(f"{path}: {err}") from err

    @classmethod
    def _from_data(cls, data: _GazetteerFile) -> Gazetteer:
        needs_context = {_canonical_key(normalize_text(s)) for s in data.needs_context}
        names: dict[str, _Name] = {}

        def add(surface: str, province: str, pre_merger: bool) -> None:
            surface = normalize_text(surface)
            key = _canonical_key(surface)
            if key in names and names[key].province != province:
                raise ValueError(
                    f"{surface!r} được ghi cho cả {names[key].province!r} và {province!r}"
                )
            names[key] = _Name(surface, province, pre_merger, key in needs_context)

        current: list[str] = []
        pre_2025: dict[str, str] = {}
        units: list[Unit] = []
        for entry in data.provinces:
            province = normalize_text(entry.name)
            if province in current:
                raise ValueError(f"tỉnh {province!r} được ghi hai lần")
            current.append(province)
            pre_2025[province] = province
            add(province, province, False)
            for alias in entry.aliases:
                add(alias, province, False)
            units.append(Unit(province, province, tuple(map(normalize_text, entry.aliases))))
            for olds, is_pre_2025 in ((entry.merged, True), (entry.historical, False)):
                for unit in olds:
                    unit_name = normalize_text(unit.name)
                    if is_pre_2025:
                        pre_2025[unit_name] = province
                    add(unit_name, province, True)
                    for alias in unit.aliases:
                        add(alias, province, True)
                    aliases = tuple(map(normalize_text, unit.aliases))
                    kind: Literal["merged", "historical"] = (
                        "merged" if is_pre_2025 else "historical"
                    )
                    units.append(Unit(unit_name, province, aliases, kind))
        for phrase in data.blocked:
            phrase = normalize_text(phrase)
            names[_canonical_key(phrase)] = _Name(phrase, "", False, False, blocked=True)
        namesakes = Namesakes(**data.namesakes.model_dump())
        return cls(current, pre_2025, names.values(), namesakes, units)

    def current(self, name: str) -> str | None:
        """Old or current name, alias or spelling variant → current province; None if unknown.

        Accepts "Tỉnh X" / "TP. X" prefixes; falls back to a diacritic-free match only when it
        names exactly one province ("Ha Giang" → "Tuyên Quang").
        """
        written = normalize_text(name)
        for key in (_canonical_key(written), _canonical_key(_strip_prefix(written))):
            found = self._names.get(key)
            if found is not None:
                return None if found.blocked else found.province
        candidates = self._folded.get(fold(_canonical_key(_strip_prefix(written))), set())
        return next(iter(candidates)) if len(candidates) == 1 else None

    def mentions(self, text: str) -> list[ProvinceMention]:
        """Province names in `text`, in order, with ambiguous and blocked phrases filtered out."""
        return self._mentions(normalize_text(text))

    def _mentions(self, text: str) -> list[ProvinceMention]:
        lowered = text.lower()
        if len(lowered) != len(text):  # a rare character whose lowercase is longer: keep offsets
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        found: list[ProvinceMention] = []
        previous_end = 0
        for match in self._pattern.finditer(lowered):
            floor, previous_end = previous_end, match.end()
            surface = text[match.start() : match.end()]
            name = self._names.get(_canonical_key(surface))
            if name is None or name.blocked or not _capitalised_like(surface, name.surface):
                continue
            before = text[max(0, match.start() - _CONTEXT_WINDOW) : match.start()]
            context = _context(before)
            if name.needs_context and context is None:
                continue
            if (
                context is None
                and not _PREFIX.match(surface)  # "TP HCM", "Thành phố Huế" name the place
                and self.namesakes.kind(text, match.start(), match.end(), floor)
            ):
                continue  # "anh Nguyễn Hà Nam", "đường Hà Giang": a person, a street
            found.append(
                ProvinceMention(
                    name.province, surface, match.start(), match.end(), name.pre_merger, context
                )
            )
        return found

    def attribute(
        self, title: str, body: str, outlet_kind: str | None, outlet_province: str | None
    ) -> Attribution:
        """The province(s) an article counts for.

        A provincial outlet counts for its own province, plus any other it writes about strongly.
        Other articles count for the provinces they are about: named in the title or the lead
        (the first paragraph of `body`), or at least twice in the body. One passing mention in
        the body does not count.
        """
        home = self.current(outlet_province) if outlet_province else None
        if outlet_kind == "provincial" and outlet_province and home is None:
            raise GazetteerError(
                f"tỉnh của nguồn không có trong danh sách tỉnh: {outlet_province!r}"
            )
        scores, evidence, first = self._scores(title, body)
        about = sorted(
            (p for p, s in scores.items() if s >= 2.0), key=lambda p: (-scores[p], first[p])
        )
        if outlet_kind == "provincial" and home is not None:
            others = [p for p in about if p != home]
            reason = f"báo địa phương: {home}"
            if others:
                reason += "; cũng viết về " + ", ".join(f"{p} ({evidence[p]})" for p in others)
            return Attribution(home, (home, *others), reason)
        if not about:
            return Attribution(None, (), "không nêu rõ tỉnh, thành phố nào")
        return Attribution(about[0], tuple(about), "; ".join(f"{p}: {evidence[p]}" for p in about))

    def _scores(
        self, title: str, body: str
    ) -> tuple[dict[str, float], dict[str, str], dict[str, int]]:
        """Per province: evidence score, its description, and where it is first named.

        A title mention scores 3, a lead mention 2, a later body mention 1; a province counts
        from 2: named in the title or the lead, or twice in the body.
        """
        body_norm = normalize_text(body)
        lead_end = lead.lead_end(body, _LEAD_CHARS, paragraph_within=_LEAD_PARAGRAPH_MAX)
        scores: dict[str, float] = {}
        parts: dict[str, list[str]] = {}
        first: dict[str, int] = {}

        def credit(province: str, weight: float, label: str, position: int) -> None:
            scores[province] = scores.get(province, 0.0) + weight
            parts.setdefault(province, []).append(label)
            first.setdefault(province, position)

        for mention in self.mentions(title):
            credit(mention.province, 3.0, f"tiêu đề «{mention.surface}»", -1)
        by_province: dict[str, list[ProvinceMention]] = {}
        for mention in self._mentions(body_norm):
            by_province.setdefault(mention.province, []).append(mention)
        for province, found in by_province.items():
            in_lead = sum(m.start < lead_end for m in found)
            weight = 2.0 * in_lead + 1.0 * (len(found) - in_lead)
            label = f"sapo ×{in_lead}, thân bài ×{len(found) - in_lead}" if in_lead else ""
            credit(province, weight, label or f"thân bài ×{len(found)}", found[0].start)
        return scores, {p: ", ".join(labels) for p, labels in parts.items()}, first


class _FileModel(BaseModel):
    # Strings are NFC-normalised by normalize_text when the gazetteer is built.
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator(
        "aliases",
        "merged",
        "historical",
        "needs_context",
        "blocked",
        "titles",
        "surnames",
        "middle_names",
        "streets",
        "house_numbers",
        "addresses",
        "divisions",
        "businesses",
        "plurals",
        "compounds",
        mode="before",
        check_fields=False,
    )
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return () if value is None else value  # an empty `aliases:` reads as None


class _Unit(_FileModel):
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()


class _Province(_Unit):
    type: Literal["city", "province"] | None = None
    code: str | None = Field(None, pattern=r"^\d{2}$")  # statistics-office code
    merged: tuple[_Unit, ...] = ()
    historical: tuple[_Unit, ...] = ()


class _NamesakesFile(_FileModel):
    """The word lists of `Namesakes` (see its docstring and the comment in provinces.yaml)."""

    titles: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    middle_names: tuple[str, ...] = ()
    streets: tuple[str, ...] = ()
    house_numbers: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    divisions: tuple[str, ...] = ()
    businesses: tuple[str, ...] = ()
    plurals: tuple[str, ...] = ()
    compounds: tuple[str, ...] = ()


class _GazetteerFile(_FileModel):
    """config/provinces.yaml."""

    needs_context: tuple[str, ...] = ()
    blocked: tuple[str, ...] = ()
    namesakes: _NamesakesFile = _NamesakesFile()
    provinces: tuple[_Province, ...] = Field(min_length=1)

    @field_validator("namesakes", mode="before")
    @classmethod
    def _no_namesakes(cls, value: Any) -> Any:
        return {} if value is None else value  # an empty `namesakes:` reads as None


def _alias_regex(surface: str) -> str:
    tokens = [t for t in _TOKEN_SPLIT.split(surface) if t]
    return _SEPARATOR.join(re.escape(t) for t in tokens)


def _canonical_key(surface: str) -> str:
    return " ".join(t for t in _TOKEN_SPLIT.split(surface.casefold()) if t)


def _capitalised_like(found: str, written: str) -> bool:
    """Every token capitalised in the gazetteer is capitalised in the text too."""
    found_tokens = [t for t in _TOKEN_SPLIT.split(found) if t]
    written_tokens = [t for t in _TOKEN_SPLIT.split(written) if t]
    if len(found_tokens) != len(written_tokens):
        return False
    return all(
        not w[:1].isupper() or f[:1].isupper()
        for f, w in zip(found_tokens, written_tokens, strict=True)
    )


def _context(before: str) -> str | None:
    for pattern in (_ADMIN_CONTEXT, _PLACE_CONTEXT):
        match = pattern.search(before)
        if match:
            return match.group(0).strip()
    return None


_PREFIX = re.compile(r"^(?:tỉnh|thành phố|TP\.?|Tp\.?)\s+", re.IGNORECASE)


def _strip_prefix(name: str) -> str:
    stripped = _PREFIX.sub("", name)
    return stripped or name
