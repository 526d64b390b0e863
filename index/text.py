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


def iter_word_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every word in `text`, found as they are asked for."""
    return (m.span() for m in _WORD_RE.finditer(text))
