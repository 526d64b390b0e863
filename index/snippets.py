"""HTML-safe highlighted snippets, built the same way for every backend.

The document text is untrusted: it is escaped, and the only markup added is <mark>…</mark>
around words of the query (exact words first; folded words when nothing matched exactly).
"""

from __future__ import annotations

from html import escape

from index.text import ParsedQuery, fold, word_spans

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
    spans = word_spans(text)
    wanted = set(query.all_words())
    hits = [(s, e) for s, e in spans if text[s:e].lower() in wanted]
    if folded and wanted:
        targets = {fold(w) for w in wanted}
        hits = [(s, e) for s, e in spans if fold(text[s:e]) in targets]
    start = _window_start(text, hits[0][0] if hits else 0, width)
    end = min(len(text), start + width)
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


def _window_start(text: str, first_hit: int, width: int) -> int:
    """Start a little before the first hit, at a word boundary."""
    if first_hit < width // 4:
        return 0
    start = first_hit - width // 4
    space = text.find(" ", start, first_hit)
    return space + 1 if space != -1 else start
