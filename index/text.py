"""Search folding, FTS words and the user-query parser shared by every backend.

Spelling (NFC, tone placement) is `vntext.normalize`'s. Backends never see raw user syntax:
`parse_query` turns any string into plain terms and phrases, which each backend re-quotes for its
own engine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from index.errors import QueryError
from vntext.normalize import normalize_spelling

MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 32

# A word is a run of letters and digits, as FTS5's unicode61 tokenizer sees it.
_WORD_RE = re.compile(r"[^\W_]+")
# Vietnamese diacritics decompose (NFD) into the Combining Diacritical Marks block. Runs of
# anything else outside ASCII are rare in press text (quotes, dashes); between them the folded
# text is the ASCII of the decomposed text, which the ASCII codec extracts in one C call where
# substituting each mark cost a regex match (every third letter of Vietnamese, measured).
_OTHER_NON_ASCII = re.compile("([^\x00-\x7f\u0300-\u036f]+)")


def fold(text: str) -> str:
    """Lower case, diacritics removed and đ→d: only for the ranked no-diacritics fallback.

    Not `vntext.normalize.fold`: archives store this output in their folded FTS index (and delete
    rows by it), so it must stay exactly what it was, marks of any script stripped included.

    >>> fold("Bảo hiểm xã hội Đà Nẵng")
    'bao hiem xa hoi da nang'
    """
    # đ has no decomposition: it becomes d first, so the ASCII runs take it in.
    decomposed = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    parts = _OTHER_NON_ASCII.split(decomposed)  # even: ASCII and marks; odd: kept as they are
    for i in range(0, len(parts), 2):
        parts[i] = parts[i].encode("ascii", "ignore").decode("ascii")
    return "".join(parts)


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
    text = normalize_spelling(text)
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
