"""Text normalisation and the user-query parser shared by every backend.

`index` is a leaf package, so it keeps its own copy of the few text rules it needs instead of
importing `classifier.text`. Backends never see raw user syntax: `parse_query` turns any string
into plain terms and phrases, which each backend re-quotes for its own engine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from index.errors import QueryError

MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 32

# Old-style tone placement on the first vowel of oa/oe/uy -> modern placement on the second.
# NFC keeps "hoá" and "hóa" distinct, so both documents and queries get one spelling.
_TONE_PAIRS = (
    ("oà", "òa"),
    ("oá", "óa"),
    ("oả", "ỏa"),
    ("oã", "õa"),
    ("oạ", "ọa"),
    ("oè", "òe"),
    ("oé", "óe"),
    ("oẻ", "ỏe"),
    ("oẽ", "õe"),
    ("oẹ", "ọe"),
    ("uỳ", "ùy"),
    ("uý", "úy"),
    ("uỷ", "ủy"),
    ("uỹ", "ũy"),
    ("uỵ", "ụy"),
)
_TONE_PLACEMENT = {
    old: new
    for pair in _TONE_PAIRS
    for old, new in (
        pair,
        (pair[0].capitalize(), pair[1].capitalize()),
        (pair[0].upper(), pair[1].upper()),
    )
}
# Only at a syllable end ("hoàng", "khuya" keep their marks) and never after "q" ("quý", checked
# in `_modern_tone`: a look-behind here makes the scan ten times slower).
_TONE_RE = re.compile(r"[oOuU][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?![^\W\d_])")
# A word is a run of letters and digits, as FTS5's unicode61 tokenizer sees it.
_WORD_RE = re.compile(r"[^\W_]+")


def nfc(text: str) -> str:
    """Unicode NFC with modern tone placement: the one spelling stored and matched.

    >>> nfc("Thanh Hoa\u0301") == "Thanh Hóa"
    True
    """
    text = unicodedata.normalize("NFC", text)
    return _TONE_RE.sub(_modern_tone, text) if _TONE_RE.search(text) else text


def _modern_tone(match: re.Match[str]) -> str:
    old = match.group()
    if match.start() > 0 and match.string[match.start() - 1] in "qQ":
        return old
    return _TONE_PLACEMENT.get(old, old)


# Vietnamese diacritics decompose (NFD) into the Combining Diacritical Marks block.
_COMBINING_MARKS = re.compile("[\u0300-\u036f]+")


def fold(text: str) -> str:
    """Lower case, diacritics removed and đ→d: only for the ranked no-diacritics fallback.

    >>> fold("Bảo hiểm xã hội Đà Nẵng")
    'bao hiem xa hoi da nang'
    """
    decomposed = unicodedata.normalize("NFD", text.lower())
    return _COMBINING_MARKS.sub("", decomposed).replace("đ", "d")


def words(text: str) -> list[str]:
    """Lower-cased words of NFC `text`, split where the FTS5 tokenizer splits."""
    return [w.lower() for w in _WORD_RE.findall(text)]


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word in `text`."""
    return list(iter_word_spans(text))


def iter_word_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every word in `text`, found as they are asked for."""
    return (m.span() for m in _WORD_RE.finditer(text))


@dataclass(frozen=True)
class ParsedQuery:
    """User text as backend-neutral parts: every term and every phrase must match."""

    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.terms and not self.phrases

    def all_words(self) -> tuple[str, ...]:
        return self.terms + tuple(w for phrase in self.phrases for w in phrase)

    def accented_words(self) -> tuple[str, ...]:
        """Words typed with diacritics: they match only that spelling."""
        return tuple(w for w in dict.fromkeys(self.all_words()) if fold(w) != w)

    @property
    def all_accented(self) -> bool:
        """Every word was typed with diacritics, so only exact matches count."""
        return not self.empty and len(self.accented_words()) == len(set(self.all_words()))

    def folded(self) -> ParsedQuery:
        return ParsedQuery(
            terms=tuple(fold(t) for t in self.terms),
            phrases=tuple(tuple(fold(w) for w in p) for p in self.phrases),
        )


def parse_query(text: str) -> ParsedQuery:
    """Split user text into lower-cased NFC terms and "quoted phrases"; all are required.

    Operators are not supported: `NOT`, `OR`, `*`, `(`, `:` are ordinary text, so punctuation
    disappears and words stay words. An unbalanced quote runs to the end of the text.

    >>> parse_query('lương hưu "bảo hiểm xã hội" OR')
    ParsedQuery(terms=('lương', 'hưu', 'or'), phrases=(('bảo', 'hiểm', 'xã', 'hội'),))

    Raises:
        QueryError: the text is too long or has too many words.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"Câu tìm kiếm quá dài: tối đa {MAX_QUERY_CHARS} ký tự.")
    text = nfc(text)
    terms: list[str] = []
    phrases: list[tuple[str, ...]] = []
    for i, part in enumerate(text.split('"')):
        found = words(part)
        if i % 2 == 1 and len(found) > 1:
            phrases.append(tuple(found))
        else:
            terms.extend(found)
    parsed = ParsedQuery(terms=tuple(dict.fromkeys(terms)), phrases=tuple(dict.fromkeys(phrases)))
    if len(parsed.all_words()) > MAX_QUERY_TERMS:
        raise QueryError(f"Câu tìm kiếm có quá nhiều từ: tối đa {MAX_QUERY_TERMS} từ.")
    return parsed
