"""Which configured outlet a text comes from: by id, display name, domain or a URL.

`classify` input and hand-fed articles name their outlet as people do ("VnExpress", "Tuổi Trẻ",
"vnexpress.net", "vnexpress") or not at all but for a link. The resolver maps all of these to one
`Source` of sources.yaml, so the outlet's kind (sector, national, provincial) applies, and says so
when nothing matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from crawlers.sources import Source
from vntext.normalize import fold

# Words that name a kind of publication, not the publication ("Báo Nghệ An" is "Nghệ An").
_GENERIC = re.compile(
    r"^(?:bao dien tu|bao|tap chi|cong thong tin dien tu|cong thong tin|dai|"
    r"bao va phat thanh, truyen hinh|trang)\s+"
)
# Edition words after the name ("Tuổi Trẻ Online" is "Tuổi Trẻ").
_EDITION = re.compile(r"\s+(?:online|dien tu|news)$")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


def _key(name: str) -> str:
    """Folded, lower case, single-spaced, without parenthesised notes."""
    return " ".join(fold(_PARENTHESES.sub("", name)).lower().replace("&", " ").split())


def _variants(key: str) -> list[str]:
    """The name as given, without the kind of publication, without the edition, unspaced."""
    bare = _EDITION.sub("", _GENERIC.sub("", key))
    return list(
        dict.fromkeys(
            [key, _GENERIC.sub("", key), bare, key.replace(" ", ""), bare.replace(" ", "")]
        )
    )


def _host(value: str) -> str | None:
    candidate = value if "//" in value else f"//{value}"
    try:
        host = (urlsplit(candidate).hostname or "").lower().removeprefix("www.")
    except ValueError:  # "[2J]" and the like: brackets that are no IPv6 host, so no host at all
        return None
    return host if "." in host else None


@dataclass(frozen=True)
class Resolution:
    source: Source | None
    how: str  # id | domain | name | url | none

    @property
    def note(self) -> str | None:
        """A reason line for the flagger when the outlet could not be identified."""
        if self.source:
            return None
        return (
            "Không xác định được nguồn tin trong danh sách nguồn (sources.yaml): không áp dụng "
            "mức tin cậy theo loại báo; đánh giá như nội dung không rõ nguồn."
        )


class OutletResolver:
    """Resolves outlet names and URLs against the configured sources."""

    def __init__(self, sources: tuple[Source, ...]) -> None:
        self._by_id = {s.id: s for s in sources}
        # Outlets sharing a host (the demo's, all on loopback): the first in sources.yaml owns it.
        self._by_domain: dict[str, Source] = {}
        self._by_name: dict[str, Source] = {}
        for source in sources:
            for domain in source.domains:
                self._by_domain.setdefault(domain.lower(), source)
            full = _key(source.name)
            for key in _variants(full):
                self._by_name.setdefault(key, source)

    def resolve(self, outlet: str | None, url: str | None = None) -> Resolution:
        """By outlet id, domain or name first, then by the URL's host."""
        if outlet and outlet.strip():
            given = outlet.strip()
            if given in self._by_id:
                return Resolution(self._by_id[given], "id")
            host = _host(given)
            if host and (source := self._by_host(host)):
                return Resolution(source, "domain")
            for candidate in _variants(_key(given)):
                if candidate in self._by_name:
                    return Resolution(self._by_name[candidate], "name")
        if url and (host := _host(url)) and (source := self._by_host(host)):
            return Resolution(source, "url")
        return Resolution(None, "none")

    def _by_host(self, host: str) -> Source | None:
        # "thanhnien.vn", "m.thanhnien.vn", "tuoitre.vn/..." all belong to their outlet.
        parts = host.split(".")
        for i in range(len(parts) - 1):
            if (source := self._by_domain.get(".".join(parts[i:]))) is not None:
                return source
        return None
