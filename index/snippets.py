"""HTML-safe highlighted snippets, built the same way for every backend.

The document text is untrusted: it is escaped, and the only markup added is <mark>…</mark>
around words of the query (exact words first; folded words when nothing matched exactly).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from html import escape

from index.query_parser import ParsedQuery
from index.text import fold, iter_word_spans

SNIPPET_CHARS = 240
# One character of a word, as `index.text.words` splits them.
_WORD_CHAR = re.compile(r"[^\W_]")


def make_snippet(
    text: str, query: ParsedQuery, *, folded: bool = False, width: int = SNIPPET_CHARS
) -> str:
    """A window of `text` around the first query word, escaped, query words in <mark>.

    With `folded`, words equal to a query word once diacritics are removed are marked too
    (for hits found only by the no-diacritics fallback).

    >>> make_snippet("Cảnh báo <b>tin giả</b>", ParsedQuery(terms=("giả",)))
    'Cảnh báo &lt;b&gt;tin <mark>giả</mark>&lt;/b&gt;'
    """
    is_hit = _hit_test(query, folded=folded)
    skip = 0 if folded else _words_before_first_hit(text, set(query.all_words()))
    # Only the first hit and the hits inside the window matter: start reading words where the
    # first can be and stop after the window (a search page makes 20 snippets of whole articles).
    spans: Iterator[tuple[int, int]] = iter(())
    if skip is not None:
        spans = ((s + skip, e + skip) for s, e in iter_word_spans(text[skip:]))
    first = next(((s, e) for s, e in spans if is_hit(text[s:e])), None)
    start = _window_start(text, first[0] if first else 0, width)
    end = min(len(text), start + width)
    hits = [] if first is None else [first]
    if first is not None:
        for s, e in spans:
            if s >= end:
                break
            if is_hit(text[s:e]):
                hits.append((s, e))
    parts = ["…" if start > 0 else ""]
    cursor = start
    for s, e in hits:
        if s < start or e > end:
            continue
        parts.append(escape(text[cursor:s]))
        parts.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    parts.append(escape(text[cursor:end]))
    parts.append("…" if end < len(text) else "")
    return "".join(parts)


def _hit_test(query: ParsedQuery, *, folded: bool) -> Callable[[str], bool]:
    """Whether a word of the text is marked: equal to a query word once lower-cased, or with
    `folded` once folded (memoised in `_folded_word`)."""
    wanted = set(query.all_words())
    if not (folded and wanted):
        return lambda word: word.lower() in wanted
    targets = {fold(w) for w in wanted}
    return lambda word: _folded_word(word) in targets


# Memoised for every snippet (a pure function): the 20 snippets of a page and the pages after
# it repeat the few thousand syllables of the language, and folding is the slow part.
_folded_word = lru_cache(maxsize=65_536)(fold)


def _words_before_first_hit(text: str, wanted: set[str]) -> int | None:
    """Where a word-by-word search for an exact hit can start: the start of the word holding
    the first occurrence of a query word in the lower-cased text (None: there is no hit).

    A hit is a word whose lower case is a query word, so its lower case is found at its own
    place when lowering keeps every character in place: no one-to-many mapping (the length
    tells) and no capital sigma (its lower case depends on the letters around it). Otherwise
    0: every word is read.

    >>> _words_before_first_hit("Tin BHYT mới", {"bhyt"}), _words_before_first_hit("x", {"y"})
    (4, None)
    """
    low = text.lower()
    if len(low) != len(text) or "Σ" in text:
        return 0
    found = [i for word in wanted if (i := low.find(word)) != -1]
    if not found:
        return None
    start = min(found)
    while start > 0 and _WORD_CHAR.match(text, start - 1):
        start -= 1
    return start


def _window_start(text: str, first_hit: int, width: int) -> int:
    """Start a little before the first hit, at a word boundary."""
    if first_hit < width // 4:
        return 0
    start = first_hit - width // 4
    space = text.find(" ", start, first_hit)
    return space + 1 if space != -1 else start
