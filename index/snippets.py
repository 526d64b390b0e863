"""HTML-safe highlighted snippets, built the same way for every backend.

The document text is untrusted: it is escaped, and the only markup added is <mark>…</mark>
around words of the query (exact words first; folded words when nothing matched exactly).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from index.query_parser import ParsedQuery
from index.text import fold, iter_word_spans

SNIPPET_CHARS = 240


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
    spans = iter_word_spans(text)
    # Only the first hit and the hits inside the window matter: stop reading words after it
    # (a search page makes 20 snippets of whole articles).
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
    `folded` once folded (memoised: a text repeats its words, and folding is the slow part)."""
    wanted = set(query.all_words())
    if not (folded and wanted):
        return lambda word: word.lower() in wanted
    targets = {fold(w) for w in wanted}
    seen: dict[str, bool] = {}

    def is_hit(word: str) -> bool:
        found = seen.get(word)
        if found is None:
            found = seen[word] = fold(word) in targets
        return found

    return is_hit


def _window_start(text: str, first_hit: int, width: int) -> int:
    """Start a little before the first hit, at a word boundary."""
    if first_hit < width // 4:
        return 0
    start = first_hit - width // 4
    space = text.find(" ", start, first_hit)
    return space + 1 if space != -1 else start
