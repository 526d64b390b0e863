"""Text as scammers write it, read back as Vietnamese: de-obfuscation with offsets kept.

Scam SMS disguise words so that filters miss them: digits and symbols for letters ("h0 tr0",
"t!en", "nh4n", "1OO%"), punctuation inside words ("B.H.X.H", "tai_khoan", "N'ha'nL,jen"),
stretched or spaced letters ("Ngayyy", "n å p"), look-alike letters from other scripts (Cyrillic
"а", Greek "ο", "ø", "ä"), full-width and zero-width characters, links written with spaces or
"[.]". `clean` undoes these and returns tokens that still know where they came from, so that a
reason can highlight the span in the text as the reader received it.

Every matcher downstream reads `Cleaned.folded`: lower case, no diacritics, no punctuation but
inside links and numbers. Whether a text was typed with diacritics, in capitals or with odd
punctuation therefore cannot change what it is judged to say.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import takewhile
from typing import NamedTuple

from vntext.normalize import INVISIBLE, VI_MARKED, fold

# Vietnamese letters keep their marks; any other accented Latin letter is a disguise.
_VI_MARKED = VI_MARKED
# Letters from other scripts and Latin letters that only look like Vietnamese ones.
_HOMOGLYPHS = dict(
    pair.split(":")
    for pair in (
        # Cyrillic
        "а:a А:A в:B В:B е:e Е:E к:k К:K м:m М:M н:H Н:H о:o О:O р:p Р:P с:c С:C т:T Т:T "
        "у:y У:Y х:x Х:X і:i І:I ј:j Ј:J ѕ:s Ѕ:S ԁ:d ӏ:l ѵ:v Ѵ:V "
        # Greek
        "α:a Α:A β:B Β:B ε:e Ε:E ζ:z Ζ:Z η:n Η:H ι:i Ι:I κ:k Κ:K μ:u Μ:M ν:v Ν:N ο:o Ο:O "
        "ρ:p Ρ:P τ:t Τ:T υ:u Υ:Y χ:x Χ:X "
        # Latin letters that Vietnamese does not use
        "ɡ:g ı:i ℓ:l ø:o Ø:O æ:a ¡:i"
    ).split()
)
# Text made only of these needs no character-level repair (the common case).
_PLAIN = re.compile("[\\x20-\\x7e\\t\\n\\r" + "".join(sorted(_VI_MARKED)) + "“”‘’–—…«»•·°€₫]*")
# Compatibility forms (full-width, circled, mathematical letters) fold into plain ones by NFKC;
# NFKC is applied per character so that Vietnamese letters are left as NFC has them.


def _clean_char(ch: str) -> str:
    if ch in INVISIBLE:
        return ""
    if ch.isascii():
        return ch
    if ch in _HOMOGLYPHS:
        return _HOMOGLYPHS[ch]
    if ch in _VI_MARKED:
        return ch
    compat = unicodedata.normalize("NFKC", ch)
    if compat != ch:
        return "".join(_clean_char(c) for c in compat) if len(compat) > 1 or compat != ch else ch
    if unicodedata.category(ch) == "Mn":
        return ""  # a stray combining mark that NFC could not attach to a Vietnamese letter
    if ch.isalpha():
        base = "".join(
            c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn"
        )
        if base and base.isascii():
            return base
    return ch


# A quote is cut to its start beyond this: the words of a hostile page's one 40,000-character
# "word" share its span, and a reviewer needs where a cue is, not all of it.
LONGEST_QUOTE = 400


class Token(NamedTuple):
    """One word, link or number: `text` as read back, [start, end) in the original text.

    A named tuple: a long article has thousands, and tuples are cheap to make.
    """

    text: str
    start: int
    end: int
    changed: bool = False
    disguised: bool = False  # read back from look-alikes or punctuation inside a word


# A token standing for the end of a clause (. , ; : ! ?): phrases are not matched across it.
BOUNDARY = "|"


@dataclass(frozen=True)
class Cleaned:
    """A text read back token by token, in two lower-case forms that matchers read.

    `marked` keeps the diacritics (where the writer typed them), `folded` drops them. Both hold
    the same tokens in the same order, clause ends as `BOUNDARY`, so offsets in one map to the
    other token by token.
    """

    original: str
    tokens: tuple[Token, ...]
    folded: str
    starts: tuple[int, ...]  # offset of each token in `folded`
    marked: str = ""
    marked_starts: tuple[int, ...] = ()

    def span(self, start: int, end: int, *, in_marked: bool = False) -> tuple[int, int]:
        """Offsets in `folded` (or `marked`) -> the covering [start, end) in the original text."""
        if not self.tokens:
            return (0, 0)
        starts = self.marked_starts if in_marked else self.starts
        first = max(0, bisect_right(starts, start) - 1)
        last = max(first, bisect_right(starts, max(start, end - 1)) - 1)
        return (self.tokens[first].start, self.tokens[last].end)

    def excerpt(self, start: int, end: int, *, in_marked: bool = False) -> str:
        """The original words behind offsets [start, end) of `folded` (or `marked`), at most
        `LONGEST_QUOTE` characters of them."""
        a, b = self.span(start, end, in_marked=in_marked)
        return self.original[a : min(b, a + LONGEST_QUOTE)]

    @cached_property
    def words(self) -> str:
        """`folded` without clause boundaries: what the model reads."""
        return " ".join(w for w in self.folded.split(" ") if w != BOUNDARY)

    @cached_property
    def marked_share(self) -> float:
        """Share of word tokens typed with Vietnamese diacritics."""
        words = [t.text for t in self.tokens if t.text.isalpha()]
        if not words:
            return 0.0
        return sum(1 for w in words if not _VI_MARKED.isdisjoint(w)) / len(words)

    def words_before(self, end: int) -> str:
        """`words` of the tokens that start before offset `end` of the original text."""
        return " ".join(
            w for t in self.tokens if t.start < end and (w := _fold_word(t.text)) != BOUNDARY
        )

    @property
    def disguised_tokens(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.disguised)

    @property
    def syllable_share(self) -> float:
        """Share of word tokens that are well-formed Vietnamese syllables (diacritics or not)."""
        words = [w for w in self.folded.split(" ") if w.isalpha()]
        if not words:
            return 0.0
        return sum(1 for w in words if is_syllable(w)) / len(words)


# An unaccented Vietnamese syllable: optional onset, one to three vowels, optional coda.
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(uye|uya|oai|oay|uoi|uou|ieu|yeu|uay|uai|[aeiouy]{1,2})"
    r"(ch|ng|nh|[cmnpt])?$"
)
# Abbreviations and loan words that are common in what we read and are no disguise.
_KNOWN_WORDS = frozenset(
    "bhxh bhyt bhtn vssid cccd cmnd otp sms zalo momo atm vnd usd tphcm hcm ubnd hdnd tp sdt "
    "stk tk gd ct km qc tb lh dk dky ib app web link online ok http https www com vn net "
    "internet website email banking mobile facebook google youtube tiktok shopee data wifi "
    "iphone samsung video game live".split()
)


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """A folded lower-case word that is a Vietnamese syllable or a known abbreviation."""
    return syllable_shaped(word) or word in _KNOWN_WORDS


def syllable_shaped(word: str) -> bool:
    """A folded lower-case word shaped as a Vietnamese syllable: typed without diacritics, it may
    stand for one that has them ("nghi" for "nghỉ"), unlike "bhxh" or "2025".

    >>> syllable_shaped("nghi"), syllable_shaped("bhxh")
    (True, False)
    """
    return bool(_SYLLABLE.match(word))


# Look-alikes inside words; each may stand for more than one letter.
_LEET: dict[str, tuple[str, ...]] = {
    "0": ("o",),
    "1": ("i", "l"),
    "3": ("e",),
    "4": ("a",),
    "5": ("s",),
    "7": ("t",),
    "8": ("b",),
    "@": ("a",),
    "!": ("i",),
    "$": ("s",),
    "|": ("l", "i"),
    "€": ("e",),
    "j": ("i",),  # teencode "tjen", "tjnh" for "tiền", "tình"
}
# Teencode letter pairs ("ck0" cho, "nk4t" nhất, "tk0ai" thoải), read only in a word that also
# has a look-alike digit: alone, "ck" is a bank transfer, "tk" an account, "nk" a name's initials.
_TEEN_PAIRS = re.compile(r"[cnt]k")
# Chat apps named with look-alikes ("t3le", "z4lo"): no syllable, but the channel a scam gives.
_CHAT_APPS = frozenset({"tele", "zalo"})
_DIGITISH = {"o": "0", "O": "0", "l": "1", "I": "1"}
_NUMBER_WITH_OS = re.compile(r"^[0-9OolI]*[0-9][0-9OolI]*(?:[kK]|tr|%)?$")

_LINK_TLDS = (
    "com|net|org|vn|info|biz|co|top|xyz|site|online|app|me|link|cc|io|club|shop|store|live|icu|"
    "asia|pro|tk|ml|ga|cf|gq|vip|win|life|cfd|tech|sh|ly|de|cn|onl|space|fun|bet|one|today|"
    "click|buzz|work|pw|ws|us|la|in|to|gd|at|su|ru|nu|gl|lc|tv"
)
# Links written to escape filters: "abc[.]com", "abc (.) xyz", "abc. com", "https:// abc.top".
# Top-level domains that are no Vietnamese word: "abc. com" is a link, "X0S0. Co Hoi" is not.
UNWORDLY_TLDS = (
    "com|net|org|vn|xyz|top|vip|icu|cc|info|biz|site|online|club|cfd|tk|ml|ga|cf|gq|pw|shop|"
    "store|tech|click|buzz|space|fun|bet"
)
_DOT_DISGUISE = re.compile(
    rf"(?i)(?<=[a-z0-9])(?:\s*(?:\[\s*\.\s*\]|\(\s*\.\s*\)|\{{\s*\.\s*\}})\s*(?=(?:{_LINK_TLDS})\b)"
    rf"|(?:\s+dot\s+|\.\s+|\s+\.\s*)(?=(?:{UNWORDLY_TLDS})\b))"
)


def _joined_dot(m: re.Match[str]) -> str:
    """The dot of a link written apart ("ho-tro. com", "abc[.]top"). A dot only spaced out after
    a word with Vietnamese letters stays: links are written in ASCII, and "thôi. Cf giúp em" (a
    sentence ending before chat slang) or "dép .ga" is no domain."""
    if any(bracket in m.group(0) for bracket in "[({"):
        return "."
    # The end of the word before is enough, and keeps a text of many such dots linear.
    word = m.string[max(0, m.start() - 40) : m.start()].split()[-1:]
    return "." if not word or word[0].isascii() else m.group(0)


_SCHEME_GAP = re.compile(r"(?i)\b(https?://|www\.)\s+(?=[a-z0-9])")
# "https//", "hxxps://", "http:/": a scheme broken on purpose so that filters miss the link.
_BROKEN_SCHEME = re.compile(r"(?i)\bh(?:tt|xx)ps?(?::?/{1,2}|:)(?=[a-z0-9])")
_LINK_TOKEN = re.compile(
    rf"(?i)^(?:https?://|www\.)?[a-z0-9\u00c0-\u1ef9-]+(?:\.[a-z0-9\u00c0-\u1ef9-]+)*\.(?:{_LINK_TLDS})"
    r"(?:[/:?#][^\s]*)?$"
)
# Phone numbers in any common grouping: 0912.345.678, 0912 345 678, +84 912 345 678, 1900 9068.
_PHONE_GROUPS = re.compile(
    r"(?<![\w.])(?:\+?84[\s.-]?|0)(?:\d[\s.-]?){8,9}\d(?![\w])|(?<![\w.])1[89]00(?:[\s.-]?\d){4,6}(?!\w)"
)
# Phone numbers written digit by digit between symbols: "1>9>0>0>1>9>9>5", "0.9.8.7…".
_SPELLED_DIGITS = re.compile(r"(?<![\w])(?:\d[>.\-_/|*~]){7,11}\d(?![\w])")
# 2.000.000đ, 17h, 24/05/2004, 500k; a time of day with its minutes, 7h30, 17g45, 7h30p.
_NUMBER = re.compile(r"[\d.,:/%+-]+[a-zA-Zđ%]{0,4}|\d{1,2}[hHgG]\d{2}(?:ph?)?")
# A class or product code of dotted parts ("CS101.O21.1", "IE224.P11"): a letter O in it is a
# section's name, not a zero in disguise.
_DOTTED_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,}\d{2,}(?:\.[A-Z]{0,2}\d+)+(?![A-Za-z0-9])")
# An account or card number masked by the bank that prints it: 123456xxxxxx7890, 12***789.
# Each look-ahead is read once from the start, so a long run of "x" is no quadratic search.
_MASKED_NUMBER = re.compile(r"(?=\D*\d)(?=.*?[xX*]{2})[\dxX*]+")
_NON_DIGIT = re.compile(r"\D")
_PHONE_SEPARATOR = re.compile(r"[\s.-]")
_INNER_PUNCT = re.compile(r"[.,;:'\"`~^*_/\\|+=<>()\[\]{}-]+")
_EDGE_PUNCT = re.compile(r"^[^\w@$]+|[^\w%]+$")
_STRETCH = re.compile(r"([^\W\d_])\1{2,}")


def _rewrite(
    pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str], text: str, origin: list[int]
) -> tuple[str, list[int]]:
    """`pattern.sub(replace, text)` that also carries each character's original offset."""
    if pattern.search(text) is None:
        return text, origin  # the usual case: nothing to rewrite, nothing to copy
    parts: list[str] = []
    mapped: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        parts.append(text[pos : m.start()])
        mapped += origin[pos : m.start()]
        new = replace(m)
        parts.append(new)
        # The last character stands for the end of what it replaces, so that a token read from
        # a rewritten run ("0912 345 678" -> "0912345678") still covers all of it.
        if new:
            mapped += [origin[m.start()]] * (len(new) - 1) + [origin[m.end() - 1]]
        pos = m.end()
    parts.append(text[pos:])
    mapped += origin[pos:]
    return "".join(parts), mapped


def _chunks(text: str, origin: list[int]) -> list[tuple[str, int, int]]:
    """Whitespace-separated chunks with their [start, end) in the original text."""
    return [
        (m.group(0), origin[m.start()], origin[m.end() - 1] + 1) for m in re.finditer(r"\S+", text)
    ]


def _deleet(word: str) -> str | None:
    """A word with look-alike digits/symbols read as letters, if that makes a syllable."""
    low = word.lower()
    if _NUMBER_WITH_OS.match(word) and any(c.isdigit() for c in word):
        # "1OO%", "5Ok", "6OOk": letters that stand for digits inside a number.
        return "".join(_DIGITISH.get(c, c) for c in word)
    slots = [i for i, c in enumerate(low) if c in _LEET]
    letters = [c for c in word if c.isalpha() and c.lower() not in _LEET]
    if not slots or len(slots) > 4 or not letters:
        return None
    if len(letters) == 1 and letters[0].isupper():
        return None  # "B4", "A1": a room, a class, a licence category
    digits = any(c.isdigit() for c in low)
    if digits:
        low = _TEEN_PAIRS.sub(lambda m: m.group(0)[0] + "h", low)  # same length: case still maps
    candidates = [""]
    for c in low:
        options = _LEET.get(c, (c,))
        candidates = [p + o for p in candidates for o in options][:16]
    for candidate in candidates:
        # A real syllable, not just a well-formed one: "P11" is a code, not "pii".
        if candidate.isalpha() and fold(candidate) in lexicon():
            return _match_case(word, candidate)
        if digits and candidate in _CHAT_APPS:
            return _match_case(word, candidate)
        if digits and candidate.isalpha():
            lead, trimmed = _trim_doubled(candidate, word)
            if trimmed in lexicon():
                return _match_case(word[lead:], trimmed)
    return None


def _trim_doubled(word: str, typed: str) -> tuple[int, str]:
    """ "gaii" -> "gai", "mmuon" -> "muon": a lower-case letter doubled at an edge of the word as
    `typed` to stretch it (capitals doubled are initials: "TT" thanh toán); with how many letters
    were cut from its start."""
    lead = 0
    if len(word) > 3 and word[-1] == word[-2] and typed[-2:].islower():
        word = word[:-1]
    if len(word) > 3 and word[0] == word[1] and typed[:2].islower():
        word, lead = word[1:], 1
    return lead, word


def _match_case(original: str, replacement: str) -> str:
    return (
        "".join(
            r.upper() if o.isupper() else r for o, r in zip(original, replacement, strict=False)
        )
        + replacement[len(original) :]
    )


def _unstretch(word: str) -> str:
    word = _STRETCH.sub(r"\1", word)
    low = fold(word.lower())
    # "Ngayy", "nhann": a doubled last letter that no syllable has.
    if len(low) > 2 and low[-1] == low[-2] and not is_syllable(low) and is_syllable(low[:-1]):
        return word[:-1]
    return word


def _readable(words: list[str]) -> float:
    alpha = [w for w in words if w.isalpha()]
    if not alpha:
        return 0.0
    return sum(1 for w in alpha if is_syllable(fold(w.lower()))) / len(alpha)


def _camel_parts(word: str) -> list[str]:
    """ "NhanNgayQuaTang" -> ["Nhan", "Ngay", "Qua", "Tang"]; "iPhone", "BHXH" stay whole."""
    cuts = [i for i in range(2, len(word)) if word[i].isupper() and word[i - 1].islower()]
    bounds = [0, *cuts, len(word)]
    return [word[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _split_word(word: str) -> list[str]:
    """Split CamelCase runs ("NhanNgayQuaTang") and glued syllables ("nhanngay"), and read
    back look-alikes and stretching."""
    out = []
    for part in _camel_parts(word):
        if not part:
            continue
        fixed = _unstretch(_deleet(part) or part)
        out += _syllables(fixed)
    return out


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """Folded Vietnamese syllables of the Viet74K word list that underthesea ships (offline)."""
    from importlib.resources import files

    path = files("underthesea").joinpath("corpus", "data", "Viet74K.txt")
    words = path.read_text(encoding="utf-8").lower().split()
    return frozenset(f for w in words if (f := fold(w)).isalpha())


@lru_cache(maxsize=65536)
def _syllables(word: str) -> list[str]:
    """A run of syllables typed without spaces, split back; any other word unchanged.

    The split uses the fewest syllables of the lexicon, each of two letters or more, and is
    taken only if it covers the whole word ("nhanngay" -> "nhan ngay"; "online" stays whole).
    """
    low = fold(word.lower())
    if len(low) < 5 or not low.isalpha() or is_syllable(low):
        return [word]
    if not (word.islower() or word.isupper()):
        return [word]  # "Baccarat", "Samsung": a name, not syllables glued to hide them
    known = lexicon()
    best: list[list[int] | None] = [[]] + [None] * len(low)  # cut positions of the best split
    for end in range(2, len(low) + 1):
        for start in range(max(0, end - 7), end - 1):
            before = best[start]
            if before is not None and low[start:end] in known:
                if best[end] is None or len(before) + 1 < len(best[end] or []):
                    best[end] = [*before, end]
    cuts = best[len(low)]
    if not cuts or len(cuts) < 2:
        return [word]
    bounds = [0, *cuts]
    return [word[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
# A link inside a word or glued to words, scheme and path included (also for vntext.segment).
# Labels and their count are bounded as DNS bounds them, so a hostile chain of dots with no
# domain at its end is searched in linear time, not once more from every letter of it.
LINK_INSIDE = re.compile(
    rf"(?i)(?:https?://)?(?:www\.)?[a-z0-9-]{{1,63}}(?:\.[a-z0-9-]{{1,63}}){{0,10}}\.(?:{_LINK_TLDS})\b"
    r"(?:[/?#][^\s<>\]\)]*)?"
)

# A link glued to words, but not a "domain" inside a chain of syllables joined by dots
# ("Ma.o.cay.lay.ma.o.co.chi.chua": "ma.o.co" ends on a top-level domain that is also a word);
# a link glued to the next sentence keeps it ("bhxh.gov.vn.Sau đó"), its capital tells.
_GLUED_LINK = re.compile(LINK_INSIDE.pattern + r"(?-i:(?!\.[a-zà-ỹđ]))")


@lru_cache(maxsize=262144)
def _read_chunk(chunk: str) -> tuple[tuple[str, ...], bool, bool]:
    """One whitespace-separated chunk -> the words it stands for (each `_capped`), whether it
    was disguised, and whether reading changed it beyond its edge punctuation.

    Cached: words repeat.
    """
    read, disguised = _read(chunk)
    words = tuple(_capped(w) for w in read if w)
    changed = len(words) != 1 or words[0] != _EDGE_PUNCT.sub("", chunk)
    return words, disguised, changed


_SUBSTITUTES = re.compile(r"(?<=[^\W\d_])[0-9@!$|€]|[0-9@!$|€](?=[^\W\d_])")


# A product named as brands name them, one small letter before a capitalised word ("iBanking").
_BRAND_CAMEL = re.compile(r"[a-z][A-Z][a-z]{2,}")
_INITIALS = re.compile(r"[A-Z]{2,5}")


def _is_product_name(pieces: list[str]) -> bool:
    """A company's initials and its product, "VCB-iBanking". Only that shape: a disguise cuts
    every word of a message with punctuation, and some pieces then look alike ("Nh:aNqua'T,ang")."""
    return len(pieces) == 2 and bool(
        _INITIALS.fullmatch(pieces[0]) and _BRAND_CAMEL.fullmatch(pieces[1])
    )


_CLAUSE_END = re.compile(r"[.,;!?…]+[\"'”’)\]}»]*$")
# The card networks' merchant descriptor, "PREFIX*Name" ("AMZ*Amazon.com", "PAYPAL*Steam"): a
# star after a short capitalised prefix, not a star hiding a letter.
_MERCHANT_PREFIX = re.compile(r"[A-Z0-9]{2,12}\*")


def _read(chunk: str) -> tuple[list[str], bool]:
    words, disguised = _read_core(chunk)
    if words and _CLAUSE_END.search(chunk) and not _LINK_TOKEN.match(words[-1]):
        words = [*words, BOUNDARY]
    return words, disguised


def _is_glued_link(match: re.Match[str]) -> bool:
    return len(match.group(0)) >= 6 and "." in match.group(0)


def _read_around(
    core: str, kept: list[re.Match[str]], words_of: Callable[[str], list[str]]
) -> tuple[list[str], bool]:
    """`core` with each match in `kept` read by `words_of` and the text between read as a chunk
    of its own. A loop, not a recursion: a hostile chunk of thousands of links stays in bounds."""
    words: list[str] = []
    disguised = False
    start = 0
    for match in kept:
        between, between_disguised = _read_core(core[start : match.start()])
        words += [*between, *words_of(match.group(0))]
        disguised = disguised or between_disguised
        start = match.end()
    rest, rest_disguised = _read_core(core[start:])
    return [*words, *rest], disguised or rest_disguised


def _read_core(chunk: str) -> tuple[list[str], bool]:
    core = _EDGE_PUNCT.sub("", chunk)
    if not core:
        return [], False
    if _LINK_TOKEN.match(core) or "://" in core or EMAIL.match(core):
        return [core], False
    inner = _GLUED_LINK.search(core)
    if inner and _MERCHANT_PREFIX.fullmatch(core[: inner.start()]) and inner.end() == len(core):
        # "AMZ*Amazon.com": a card payment's merchant descriptor, as banks' notices print it.
        return [core[: inner.start() - 1], inner.group(0)], False
    links = list(takewhile(_is_glued_link, _GLUED_LINK.finditer(core)))
    if links:
        # "Tặi*i<fr3e.win/z1r5Dd>": a link glued to disguised words.
        words, _ = _read_around(core, links, lambda link: [_EDGE_PUNCT.sub("", link)])
        return words, True
    if _MASKED_NUMBER.fullmatch(core):
        return [core], False
    codes = list(_DOTTED_CODE.finditer(core))
    if codes:
        return _read_around(core, codes, lambda code: code.split("."))
    if _NUMBER_WITH_OS.match(core) and any(c in "OolI" for c in core):
        return ["".join(_DIGITISH.get(c, c) for c in core)], True  # "1OOk", "5Ok"
    if _NUMBER.fullmatch(core):
        return [core], False  # numbers, amounts, dates, times: 2.000.000đ, 17h, 24/05/2004, 500k
    substituted = bool(_SUBSTITUTES.search(core))
    if not _INNER_PUNCT.search(core):
        words = _split_word(core)
        return words, substituted and "".join(words) != core
    pieces = [p for p in _INNER_PUNCT.split(core) if p]
    if len(pieces) > 2 and all(len(p) == 1 and p.isalpha() for p in pieces):
        return ["".join(pieces)], True  # B.H.X.H, B/H/T/N, V..N..D
    split = [w for p in pieces for w in _split_word(p)]
    if _is_product_name(pieces):
        return split, False  # "VCB-iBanking": a bank's product name, not a word cut apart
    joined = _split_word("".join(pieces))
    # Punctuation is either a disguise inside one word or a missing space between two.
    if _readable(joined) > _readable(split):
        return joined, True
    return split, substituted and "".join(split) != "".join(pieces)


@lru_cache(maxsize=4096)
def _is_fragment(word: str) -> bool:
    return len(word) <= 2 and word.isalpha() and not is_syllable(fold(word.lower()))


def _is_word_of_its_own(piece: str) -> bool:
    """A piece with a small letter that the lexicon holds: "ơi", "hỏi", "ạ" (not "A" of "C A")."""
    return not piece.isupper() and fold(piece.lower()) in lexicon()


def _merge_fragments(words: list[str]) -> list[str]:
    """Join runs of letters and fragments that only together make a syllable ("n å p").

    Chat writes a pronoun or a word as one letter before a word ("c ơi" chị ơi, "t hỏi" tôi
    hỏi, "k hay" không hay): a run is not joined across a word of two letters or more, nor is
    one letter joined to a single word.
    """
    if not any(len(w) <= 2 and _is_fragment(w) for w in words):
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        prev = out[-1] if out else ""
        if (
            _is_fragment(w)
            and prev.isalpha()
            and not is_syllable(fold(prev.lower()))
            and is_syllable(fold((prev + w).lower()))
        ):
            out[-1] = prev + w  # "thuon" + "g"
            i += 1
            continue
        if _is_fragment(w):
            best_j, best = i, None
            acc = w
            for j in range(i + 1, min(len(words), i + 6)):
                nxt = words[j]
                if not nxt.isalpha() or len(nxt) > 3:
                    break
                own_word = _is_word_of_its_own(nxt)
                if own_word and len(nxt) >= 2:
                    break
                acc += nxt
                if is_syllable(fold(acc.lower())) and not (own_word and j == i + 1):
                    best_j, best = j, acc
            if best is not None:
                out.append(best)
                i = best_j + 1
                continue
        out.append(w)
        i += 1
    return out


# No word reads longer than this, no link longer than `LONGEST_LINK` (also vntext.segment's bound):
# a hostile page's one "word" of thousands of digits and dots would make every cue's search of it
# quadratic.
_LONGEST_WORD = 64
LONGEST_LINK = 400


def _capped(word: str) -> str:
    if len(word) <= _LONGEST_WORD:
        return word
    return word[: LONGEST_LINK if "://" in word or _LINK_TOKEN.match(word) else _LONGEST_WORD]


def clean(text: str) -> Cleaned:
    """Read `text` back as plain Vietnamese tokens, each pointing at its original span."""
    text = unicodedata.normalize("NFC", text)
    swapped: set[int] = set()  # original offsets of letters from other scripts, invisibles
    if _PLAIN.fullmatch(text):
        cleaned, origin = text, list(range(len(text)))  # nothing to swap: skip the char loop
    else:
        chars: list[str] = []
        origin = []
        for i, ch in enumerate(text):
            out = _clean_char(ch)
            if out != ch and not ch.isspace():
                swapped.add(i)
            for c in out:
                chars.append(c)
                origin.append(i)
        cleaned = "".join(chars)
    cleaned, origin = _rewrite(_SCHEME_GAP, lambda m: m.group(1), cleaned, origin)
    cleaned, origin = _rewrite(_BROKEN_SCHEME, lambda m: "https://", cleaned, origin)
    cleaned, origin = _rewrite(_DOT_DISGUISE, _joined_dot, cleaned, origin)
    cleaned, origin = _rewrite(
        _SPELLED_DIGITS, lambda m: _NON_DIGIT.sub("", m.group(0)), cleaned, origin
    )
    cleaned, origin = _rewrite(
        _PHONE_GROUPS, lambda m: _PHONE_SEPARATOR.sub("", m.group(0)), cleaned, origin
    )
    tokens: list[Token] = []
    for chunk, start, end in _chunks(cleaned, origin):
        chunk_words, disguised, changed = _read_chunk(chunk)
        if not chunk_words:
            continue
        look_alike = bool(swapped) and any(i in swapped for i in range(start, end))
        tokens += [Token(w, start, end, changed, disguised or look_alike) for w in chunk_words]
    words = [t.text for t in tokens]
    merged = _merge_fragments(words)
    if merged is not words and len(merged) != len(tokens):
        tokens = _remap(tokens, merged)
        words = merged
    folded_words = [_fold_word(w) for w in words]
    marked_words = [w.lower() for w in words]
    return Cleaned(
        text,
        tuple(tokens),
        " ".join(folded_words),
        _offsets(folded_words),
        " ".join(marked_words),
        _offsets(marked_words),
    )


def _offsets(words: list[str]) -> tuple[int, ...]:
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    return tuple(starts)


@lru_cache(maxsize=262144)
def _fold_word(word: str) -> str:
    return fold(word).lower()


def _remap(tokens: list[Token], merged: list[str]) -> list[Token]:
    out, k = [], 0
    for word in merged:
        first = tokens[k]
        acc = first.text
        last = first
        k += 1
        while acc != word and k < len(tokens):
            last = tokens[k]
            acc += last.text
            k += 1
        joined = first is not last
        out.append(
            Token(word, first.start, last.end, joined or first.changed, joined or first.disguised)
        )
    return out
