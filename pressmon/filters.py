"""Filter values as people type them → the values the archive stores.

Staff type "Nghe An", "nghệ an", "Vĩnh Phúc" (merged into Phú Thọ in 2025), "Hà Tây" (into Hà
Nội in 2008), "vnexpress", "Báo ngành" or "bảo hiểm y tế"; the archive stores the current province
name, the source id, the kind code and the topic id. One resolver serves the CLI and the web
filters, so both accept the same spellings (provinces: pressmon.province_names). Matching ignores
case and diacritics: a filter value is a name, not search text, and "Nghe An" can only mean one
province. An unknown value is an error listing the closest valid ones, never an empty result that
looks like "no coverage".
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Annotated, Literal

from pydantic import BeforeValidator

from crawlers.sources import OutletKind, Source
from pressmon.errors import PressmonError
from pressmon.outlets import OutletResolver
from pressmon.province_names import ProvinceNames
from pressmon.review.labels import KIND_LABELS, TOPIC_LABELS
from vntext.normalize import fold, normalize_spelling
from vntext.provinces import Gazetteer

FilterField = Literal["province", "outlet", "kind", "topic"]
_SUGGESTIONS = 10  # enough for every kind and topic, which are listed whole when nothing is close


def key(text: str) -> str:
    """Case, diacritics, underscores and spacing do not matter: "Nghệ  An" = "nghe_an"."""
    folded = fold(normalize_spelling(text)).casefold()
    return " ".join(folded.replace("_", " ").replace("-", " ").split())


@dataclass(frozen=True)
class Resolved:
    """What the archive stores for one typed value, and a note when it was renamed."""

    value: str
    name: str  # how people call it, for notes and tables
    note: str | None = None  # "Vĩnh Phúc → Phú Thọ (sáp nhập 2025)", for an old province


class UnknownFilterValue(PressmonError):
    """A filter value that names nothing; the message lists the closest valid values."""

    def __init__(self, field: str, value: str, suggestions: Iterable[str]) -> None:
        close = list(suggestions)
        message = f"{field} «{value}» không có trong danh sách"
        if close:
            message += "; gần nhất: " + ", ".join(close)
        super().__init__(message, hint=f"dùng một giá trị đúng cho {field} (tên hoặc mã)")
        self.field = field
        self.value = value
        self.suggestions = tuple(close)


@dataclass(frozen=True)
class Vocabulary:
    """The valid values of one filter: stored value → display name, and every accepted spelling.

    `spellings` maps `key(spelling)` → stored value.
    """

    label: str  # the filter as people call it, for messages
    names: Mapping[str, str]
    spellings: Mapping[str, str]

    @classmethod
    def of(cls, label: str, names: Mapping[str, str]) -> Vocabulary:
        """Each value by itself and by its name, also without the name's parenthesis ("Nguồn
        khác" for "Nguồn khác (diễn đàn, mạng xã hội)")."""
        short = {key(n.split(" (")[0]): v for v, n in names.items() if " (" in n}
        spellings = short | {key(v): v for v in names} | {key(n): v for v, n in names.items()}
        return cls(label, dict(names), spellings)

    def resolve(self, value: str) -> Resolved:
        """Raises: UnknownFilterValue, listing the closest valid values."""
        typed = key(value)
        stored = self.spellings.get(typed)
        if stored is None:
            raise UnknownFilterValue(self.label, value, self.closest(typed))
        return Resolved(stored, self.names[stored])

    def closest(self, typed: str) -> list[str]:
        """Near misses first, then values containing what was typed ("bhxh" → both BHXH topics);
        a short list with nothing close is shown whole."""
        close = difflib.get_close_matches(typed, list(self.spellings), n=20, cutoff=0.6)
        if len(typed) >= 3:
            close += [k for k in self.spellings if typed in k]
        if not close and len(self.names) <= _SUGGESTIONS:
            close = [key(v) for v in self.names]
        shown = dict.fromkeys(self._shown(self.spellings[k]) for k in close)
        return list(shown)[:_SUGGESTIONS]

    def _shown(self, stored: str) -> str:
        name = self.names[stored]
        return name if name == stored else f"{name} ({stored})"


KINDS = Vocabulary.of("loại hình", KIND_LABELS)


def kind_code(value: object) -> object:
    """An input line's `kind` read as a filter reads it: its code, or its name as the product
    shows it ("Báo địa phương", "bao dia phuong"); a value that is not text is left for the
    line's validation to refuse.

    Raises:
        ValueError: text naming no kind, the message listing each code with its name.
    """
    if not isinstance(value, str):
        return value
    try:
        return KINDS.resolve(value).value
    except UnknownFilterValue:
        valid = ", ".join(f"'{code}' ({name})" for code, name in KIND_LABELS.items())
        raise ValueError(f"phải là một trong: {valid}; nhận được {value!r}") from None


# An input line's `kind` (`ingest`, `classify`): read by `kind_code`, then validated as a code.
LineKind = Annotated[OutletKind | None, BeforeValidator(kind_code)]


@dataclass(frozen=True)
class FilterResolver:
    """Province, outlet, kind and topic vocabularies; outlets also by domain and edition name."""

    provinces: Vocabulary
    outlets: Vocabulary
    kinds: Vocabulary
    topics: Vocabulary
    outlet_names: OutletResolver
    province_names: ProvinceNames

    @classmethod
    def build(cls, gazetteer: Gazetteer, sources: Iterable[Source]) -> FilterResolver:
        sources = tuple(sources)
        current = {p: p for p in gazetteer.provinces}
        spellings = {key(s): u.province for u in gazetteer.units for s in (u.name, *u.aliases)}
        return cls(
            # read by `province_names`; here for the suggestions when a name is unknown
            provinces=Vocabulary("tỉnh/thành", current, spellings),
            outlets=Vocabulary.of("cơ quan báo chí", {s.id: s.name for s in sources}),
            kinds=KINDS,
            topics=Vocabulary.of("chủ đề", TOPIC_LABELS),
            outlet_names=OutletResolver(sources),
            province_names=ProvinceNames.of(gazetteer.units),
        )

    def province(self, value: str) -> Resolved:
        """Raises: UnknownFilterValue, listing the closest provinces."""
        found = self.province_names.read(value)
        if found is None:
            raise UnknownFilterValue(
                self.provinces.label, value, self.provinces.closest(key(value))
            )
        return Resolved(found.province, found.province, found.note)

    def outlet(self, value: str) -> Resolved:
        try:
            return self.outlets.resolve(value)
        except UnknownFilterValue:
            # "VnExpress Online", "vnexpress.net", a link: the classify input's resolver knows them.
            source = self.outlet_names.resolve(value).source
            if source is None:
                raise
            return Resolved(source.id, source.name)

    def with_archived_outlets(self, archived: Mapping[str, str]) -> FilterResolver:
        """Also the outlets `archived` (id → the name stored with their articles) that
        sources.yaml lacks, as `ingest` stores them: `counts --by outlet` shows them, so
        `--outlet` must take them."""
        names = {**archived, **self.outlets.names}
        return replace(self, outlets=Vocabulary.of(self.outlets.label, names))

    def kind(self, value: str) -> Resolved:
        return self.kinds.resolve(value)

    def topic(self, value: str) -> Resolved:
        return self.topics.resolve(value)

    def resolve(self, field: FilterField, value: str) -> Resolved:
        return {
            "province": self.province,
            "outlet": self.outlet,
            "kind": self.kind,
            "topic": self.topic,
        }[field](value)
