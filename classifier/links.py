"""Links and phone numbers in a text, and whether they lead somewhere official.

A link is judged by its registrable domain (public suffix list bundled with tldextract; no network):
"vietcombank.vn-ms.top" is registered under "vn-ms.top", so the bank's name in front of it is a
disguise. Verdicts, from most to least telling:

- `lookalike`: names or misspells a brand (config/channels.yaml) on a domain the brand does not own,
  or in the handle of a social-network page that is not one of the brand's own pages;
- `support-page`: a social-network page that calls itself customer care or support and names no
  brand (the fake fanpage of the warnings);
- `wrapped`: a search or free-hosting page that anyone can fill (google.com/search?q=…,
  sites.google);
- `throwaway`: a top-level domain used mostly for throw-away sites (.top, .xyz, .vip, .icu…);
- `messenger`: a chat link that moves the talk to a private channel (t.me, zalo.me);
- `shortener`: hides where it leads (bit.ly, t.ly…);
- `unknown`: any other domain;
- `official`: a brand's own domain, or under .gov.vn / .edu.vn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote

from classifier.config_file import FileModel, load_yaml
from classifier.errors import ReferenceDataError
from vntext.normalize import fold

if TYPE_CHECKING:  # for the annotation only; _extractor imports it when first called
    from tldextract import TLDExtract

UNTRUSTED = ("lookalike", "support-page", "wrapped", "throwaway", "messenger", "shortener")


@dataclass(frozen=True)
class Brand:
    id: str
    name: str
    kind: str
    tokens: tuple[str, ...]
    domains: tuple[str, ...]
    pages: tuple[str, ...] = ()  # "host/handle" of its own social-network pages


@dataclass(frozen=True)
class Link:
    """A link found in folded text: [start, end) are offsets in that text."""

    text: str
    host: str
    registrable: str
    verdict: str
    brand: str | None
    start: int
    end: int


@dataclass(frozen=True)
class BrandMention:
    """A brand named as words in a folded text: [start, end) are the offsets of its first name."""

    brand: Brand
    start: int
    end: int


@dataclass(frozen=True)
class Phone:
    digits: str  # national form, 0xxxxxxxxx or 1900xxxx
    kind: str  # mobile | hotline | landline
    start: int
    end: int


_LINK = re.compile(
    r"(?<![\w@.-])(?:https?://)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]{1,12})"
    r"\b((?:[/?#:][^\s]*)?)"
)
_PHONE = re.compile(
    r"(?<![\w.,])(\+?84|0)([35789]\d{8}|2\d{9})(?!\d)|(?<![\w.,])(1[89]00\d{4,6})(?!\d)"
)
# Words that end like domains but are not ("tp.hcm", "v.v", "2.000.000", "15.000.000đ").
_NOT_HOSTS = frozenset({"tp.hcm", "v.v", "t.p", "q.1", "p.1"})


@dataclass(frozen=True)
class Channels:
    """Brands with their official domains, and the kinds of hosts that hide a link's sender."""

    brands: tuple[Brand, ...]
    trusted_suffixes: tuple[str, ...]
    shorteners: frozenset[str]
    deep_links: frozenset[str]
    messengers: frozenset[str]
    free_hosts: tuple[str, ...]
    throwaway_tlds: frozenset[str]
    generic_tokens: tuple[str, ...] = ()
    support_page_words: tuple[str, ...] = ()
    social_hosts: frozenset[str] = frozenset()
    social_aliases: tuple[tuple[str, str], ...] = ()  # (other host, the host it stands for)
    lure_words: frozenset[str] = frozenset()
    initialisms: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path) -> Channels:
        """Read config/channels.yaml; a missing or malformed file raises ReferenceDataError."""
        data = load_yaml(path, ChannelsFile, ReferenceDataError)
        brands = tuple(
            Brand(
                id=b.id,
                name=b.name,
                kind=b.kind,
                tokens=tuple(t.lower() for t in b.tokens),
                domains=tuple(d.lower() for d in b.domains),
                pages=tuple(p.lower() for p in b.pages),
            )
            for b in data.brands
        )
        return cls(
            brands=brands,
            trusted_suffixes=data.trusted_suffixes,
            shorteners=frozenset(data.shorteners),
            deep_links=frozenset(data.deep_links),
            messengers=frozenset(data.messengers),
            free_hosts=data.free_hosts,
            throwaway_tlds=frozenset(data.throwaway_tlds),
            generic_tokens=data.generic_tokens,
            support_page_words=data.support_page_words,
            social_hosts=frozenset(data.social_hosts),
            social_aliases=tuple(data.social_aliases.items()),
            lure_words=frozenset(data.lure_words),
            initialisms=frozenset(data.initialisms),
        )

    def links(self, folded: str) -> list[Link]:
        """Every link in a folded text, with its verdict."""
        found = []
        for m in _candidates(_LINK, folded, "."):
            host, path = m.group(1), m.group(2) or ""
            if host in _NOT_HOSTS or host.split(".")[0].isdigit():
                continue  # "tp.hcm", "1900545415.xin chao": a number, not a host
            registrable, suffix = _registrable(host)
            if not suffix and m.group(0).startswith("http"):
                # "https://vi.ecmjj7u4frh": a scheme before no real domain is a broken link.
                found.append(Link(m.group(0), host, host, "throwaway", None, m.start(), m.end()))
                continue
            if not suffix:
                continue  # "chap.nhan", "x0s0.co hoi" is caught by the suffix list
            verdict, brand = self.judge(host, registrable, suffix, path)
            found.append(Link(m.group(0), host, registrable, verdict, brand, m.start(), m.end()))
        return found

    def judge(self, host: str, registrable: str, suffix: str, path: str) -> tuple[str, str | None]:
        site = host.removeprefix("www.").removeprefix("ww.")
        site = self._site_of.get(site, site)  # "fb.com/x", "m.facebook.com/x": facebook.com/x
        page, name = _page(path)
        if owner := self._owner_by_page.get(f"{site}/{page}"):
            return "official", owner
        if site in self.social_hosts and (verdict := self._social_page(name, registrable)):
            return verdict
        if any(f"{host}{path}".startswith(h) or host.endswith("." + h) for h in self.free_hosts):
            return "wrapped", None  # anyone can fill a page there, whatever the domain
        owner = self._owner_by_domain.get(registrable)
        if owner or any(("." + host).endswith(s) for s in self.trusted_suffixes):
            return "official", owner
        if registrable in self.deep_links:
            # Each app gets its own sub-domain ("vtmoney.onelink.me"): the app's account.
            owner = self._imitated(host.removesuffix("." + registrable))
            return ("official", owner) if owner else ("shortener", None)
        if registrable in self.shorteners or host in self.shorteners:
            return "shortener", None
        if registrable in self.messengers or host in self.messengers:
            return "messenger", None
        imitated = self._imitated(host)
        if imitated and (not suffix.endswith("vn") or self._misspelt(host)):
            return "lookalike", imitated
        if imitated:
            # A .vn name is registered with an identity in Việt Nam: a brand word spelt right in
            # it ("vietteltelecom.vn") is less telling than on a foreign domain or a typo.
            return "unknown", None
        if suffix.split(".")[-1] in self.throwaway_tlds:
            return "throwaway", None
        if not suffix.endswith("vn") and _random_looking(host, registrable):
            return "throwaway", None
        return "unknown", None

    def _social_page(self, name: str, registrable: str) -> tuple[str, str | None] | None:
        """A page on a social network judged by its name, or None for the network's own verdict.

        A handle is read as a host is ("@viettelcskh", "bhxh.hotro.vn"): one that names a brand
        other than the network itself imitates that brand; one that calls itself customer care
        and names nobody is the fake fanpage of the warnings. A bank-like or payout-like word alone
        ("khuyenmai", "quatang") names no brand: shops use them for their own pages.
        """
        name = name.removeprefix("@").replace("_", "-")
        imitated = self._imitated(name) if name else None
        if imitated and imitated not in ("generic", self._owner_by_domain.get(registrable)):
            return "lookalike", imitated
        if any(w in name for w in self.support_page_words):
            return "support-page", None
        return None

    def phones(self, folded: str) -> list[Phone]:
        found = []
        for m in _candidates(_PHONE, folded, None):
            if m.group(3):
                found.append(Phone(m.group(3), "hotline", m.start(), m.end()))
                continue
            digits = "0" + m.group(2)
            kind = "landline" if digits.startswith("02") else "mobile"
            found.append(Phone(digits, kind, m.start(), m.end()))
        return found

    def brand(self, brand_id: str) -> Brand | None:
        return next((b for b in self.brands if b.id == brand_id), None)

    def brands_named(self, folded: str) -> list[BrandMention]:
        """Brands whose name appears as words in a folded text, each where it is first named."""
        words = f" {folded} "
        present = set(folded.split(" "))
        mentions = []
        for brand, first_words in self._brand_first_words:
            if first_words.isdisjoint(present):
                continue
            # `words` has one space more in front than `folded`: a find's offset is the name's.
            spans = [(at, at + len(t)) for t in brand.tokens if (at := words.find(f" {t} ")) >= 0]
            if spans:
                mentions.append(BrandMention(brand, *min(spans)))
        return mentions

    @cached_property
    def _brand_first_words(self) -> list[tuple[Brand, frozenset[str]]]:
        # A brand is named only if the first word of one of its names is in the text: a set
        # test that spares most brands the substring search.
        return [(b, frozenset(t.split(" ")[0] for t in b.tokens)) for b in self.brands]

    @cached_property
    def _owner_by_domain(self) -> dict[str, str]:
        return {d: b.id for b in self.brands for d in b.domains}

    @cached_property
    def _site_of(self) -> dict[str, str]:
        return dict(self.social_aliases)

    @cached_property
    def _owner_by_page(self) -> dict[str, str]:
        return {p: b.id for b in self.brands for p in b.pages}

    @cached_property
    def _host_tokens(self) -> list[tuple[str, str]]:
        """(token without spaces, brand id) for every brand token, in brand order."""
        return [(t.replace(" ", ""), b.id) for b in self.brands for t in b.tokens if t]

    def _misspelt(self, host: str) -> bool:
        parts = [p for p in _HOST_PARTS.split(host) if p]
        return any(_misspells(p, t) for p in parts for t, _ in self._host_tokens)

    def _imitated(self, host: str) -> str | None:
        """The brand a host names at a boundary or misspells, or "generic" for a bank-like or
        payout-like name that no known brand owns."""
        return _imitated(self, host)

    @cached_property
    def _lures(self) -> frozenset[str]:
        """Words a scam host puts before or after a brand ("ebidv", "acbbank", "myvtkhuyenmai")."""
        return self.lure_words | frozenset(self.generic_tokens)


_HOST_PARTS = re.compile(r"[.-]")
_HANDLE_END = ".,;:!?)…"


# A first path segment that is no account of its own: the account's name follows it
# ("facebook.com/groups/<name>", "facebook.com/people/<name>/<id>", "youtube.com/c/<name>").
_NAMED_AFTER = frozenset({"groups", "people", "pages", "pg", "c", "user"})


def _page(path: str) -> tuple[str, str]:
    """The page a link's path is on ("@viettelcskh" in "/@viettelcskh/video/1",
    "groups/cskh.viettel" in "/groups/cskh.viettel/posts/1") and the name it goes by, without
    the punctuation that ends the sentence around the link. A page known by number only
    ("profile.php?id=1", "groups/123") goes by no name."""
    segments = [
        s.rstrip(_HANDLE_END) for s in re.split(r"[?#]", path)[0].removeprefix("/").split("/")
    ]
    first = segments[0]
    if first in _NAMED_AFTER and len(segments) > 1 and segments[1]:
        name = segments[1]
        # "people/B%E1%BA%A3o-Hi%E1%BB%83m-X%C3%A3-H%E1%BB%99i/1" is named "bao-hiem-xa-hoi".
        return f"{first}/{name}", "" if name.isdigit() else fold(unquote(name)).lower()
    return first, "" if first.endswith(".php") else first


_LETTER_RUNS = re.compile(r"[a-z]+")
_VOWELS = frozenset("aeiouy")


def _candidates(pattern: re.Pattern[str], folded: str, needle: str | None) -> list[re.Match[str]]:
    """Matches of `pattern` in the words of `folded` that could hold one (links hold a dot,
    phone numbers start with a digit or +): a scan of the whole text with the pattern's
    look-behind is slow.
    """
    found = []
    pos = 0
    for word in folded.split(" "):
        if (needle in word) if needle else (word[:1] in "+0123456789" and len(word) >= 8):
            found += list(pattern.finditer(folded, pos, pos + len(word)))
        pos += len(word) + 1
    return found


@lru_cache(maxsize=65536)
def _imitated(channels: Channels, host: str) -> str | None:
    parts = {p for p in _HOST_PARTS.split(host) if p and p != "www"}
    # Digits bound a name as hyphens do ("acb247", "momo88").
    words = {w for p in parts for w in _LETTER_RUNS.findall(p)}
    squashed = host.replace(".", "").replace("-", "")
    for token, brand in channels._host_tokens:
        # A short token counts as a word of its own or beside a lure word, not inside a longer
        # name: "myvtc" is VTC's, not Viettel's "myvt". Initials ("bhxh", "bhyt") are inside
        # no Vietnamese word, so they count anywhere ("bhxhtructuyen", "tracuubhyt").
        if (
            (len(token) >= 5 or token in channels.initialisms) and token in squashed
        ) or token in words:
            return brand
        if any(_lured(w, token, channels._lures) for w in words):
            return brand
        if any(_misspells(p, token) for p in parts):
            return brand
    if any(token in squashed for token in channels.generic_tokens):
        return "generic"
    return None


def _lured(word: str, token: str, lures: frozenset[str]) -> bool:
    """`word` is `token` with a lure word stuck before or after it."""
    if len(word) <= len(token):
        return False
    return (word.startswith(token) and word[len(token) :] in lures) or (
        word.endswith(token) and word[: -len(token)] in lures
    )


def _misspells(label: str, token: str) -> bool:
    """`label` is `token` misspelt the way scams disguise a name.

    A long name survives one letter changed, added or dropped ("vietinbnk"). One letter off a
    name of four or five letters is most often another word ("memo", "toan", "vnplay", "myvtc"),
    so there only a changed letter counts, and only in a name that reads as no word: a digit for a
    letter ("b1dv") or no vowel, as acronyms ("bhxk"). A three-letter word ("pay", "vtc") is one
    letter away from too many names to say which one it imitates.
    """
    if len(token) < 4 or len(label) < 4:
        return False
    if len(token) >= 6:
        return _one_edit(label, token)
    wordless = any(c.isdigit() for c in label) or _VOWELS.isdisjoint(label)
    return len(label) == len(token) and wordless and _one_edit(label, token)


@lru_cache(maxsize=65536)
def _registrable(host: str) -> tuple[str, str]:
    """(registrable domain, public suffix) by the suffix list bundled with tldextract."""
    extracted = _extractor()(host)
    if not extracted.suffix or not extracted.domain:
        return host, ""
    return f"{extracted.domain}.{extracted.suffix}", extracted.suffix


@lru_cache(maxsize=1)
def _extractor() -> TLDExtract:
    import tldextract

    # The bundled snapshot only: never fetch the list at run time.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


_MIXED = re.compile(r"(?=.*\d)(?=.*[a-z])")
_CONSONANT_RUN = re.compile(r"[bcdfghjklmnpqrstvwxz]{5,}")


def _random_looking(host: str, registrable: str) -> bool:
    """A machine-made name: letters and digits mixed ("d82yy"), unpronounceable, or buried
    under four or more labels ("jp.zaloapp.com.660316.castexfc.com")."""
    labels = host.removesuffix("." + registrable.split(".", 1)[-1]).split(".")
    return host.count(".") >= 4 or any(
        (_MIXED.match(label) and sum(c.isdigit() for c in label) >= 2 and len(label) >= 5)
        or _CONSONANT_RUN.search(label)
        for label in labels
        if label != "www"
    )


def _one_edit(a: str, b: str) -> bool:
    """`a` differs from `b` by exactly one substituted, inserted or deleted letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


class BrandEntry(FileModel):
    id: str
    name: str
    kind: str
    tokens: tuple[str, ...]
    domains: tuple[str, ...]
    pages: tuple[str, ...] = ()


class ChannelsFile(FileModel):
    """config/channels.yaml."""

    version: Literal[1] = 1
    brands: tuple[BrandEntry, ...]
    trusted_suffixes: tuple[str, ...] = ()
    shorteners: tuple[str, ...]
    deep_links: tuple[str, ...] = ()
    messengers: tuple[str, ...]
    free_hosts: tuple[str, ...]
    throwaway_tlds: tuple[str, ...]
    generic_tokens: tuple[str, ...] = ()
    support_page_words: tuple[str, ...] = ()
    social_hosts: tuple[str, ...] = ()
    social_aliases: dict[str, str] = {}
    lure_words: tuple[str, ...] = ()
    initialisms: tuple[str, ...] = ()
