"""Search folding and FTS words shared by every backend.

Spelling (NFC, tone placement) is `vntext.normalize`'s; the user-query parser that splits text
into these words is `index.query_parser`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# A word is a run of letters and digits, as FTS5's unicode61 tokenizer sees it.
_WORD_RE = re.compile(r"[^\W_]+")
# Vietnamese diacritics decompose (NFD) into the Combining Diacritical Marks block.
_COMBINING_MARKS = re.compile("[\u0300-\u036f]+")


def fold(text: str) -> str:
    """Lower case, diacritics removed and đ→d: only for the ranked no-diacritics fallback.

    Not `vntext.normalize.fold`: archives store this output in their folded FTS index (and delete
    rows by it), so it must stay exactly what it was, marks of any script stripped included.

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
