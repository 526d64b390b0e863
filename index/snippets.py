"""HTML-safe highlighted snippets, built the same way for every backend.

The document text is untrusted: it is escaped, and the only markup added is <mark>…</mark>
around the query's matches: a word, or a phrase (quoted, or a synonym form such as "bảo hiểm y
tế" for BHYT) where its words stand together, as the index matched them. A word typed without
diacritics marks its accented forms in every hit (`thai san` marks "thai sản" in a hit found
exactly by an unrelated "san"); a word typed with them only in a folded hit, when its
diacritics did not constrain it (a form of a group with a bare form). A body gets a window
around its first match (`make_snippet`), a title is marked whole (`mark_title`); marks apart only
by spaces are one (`joined_marks`).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from index.query_parser import ParsedQuery
from index.synonyms import Phrase
from index.text import fold, iter_word_spans

SNIPPET_CHARS = 240
# One character of a word, as `index.text.words` splits them.
_WORD_CHAR = re.compile(r"[^\W_]")
# Two marks apart only by spaces: escaped text holds no tag, so these are marks this module
# (or Elasticsearch's highlighter, escaping as well) added.
_ADJACENT_MARKS = re.compile(r"</mark>(\s+)<mark>")

Span = tuple[int, int]


def make_snippet(
    text: str, query: ParsedQuery, *, folded: bool = False, width: int = SNIPPET_CHARS
) -> str:
    """A window of `text` around the first match, escaped, matches in <mark>.

    Words equal to a query word typed without diacritics once both are folded are marked too,
    in any hit. With `folded` (a hit found only by the no-diacritics fallback), so are those of
    the other words the hit may have met without their diacritics; a word typed with diacritics
    matched as typed (`ParsedQuery.accented_part`), so only that spelling is marked.

    >>> make_snippet("Cảnh báo <b>tin giả</b>", ParsedQuery(terms=("giả",)))
    'Cảnh báo &lt;b&gt;tin <mark>giả</mark>&lt;/b&gt;'
    """
    matcher = _Matcher(query, folded=folded)
    skip = (
        0 if folded else _words_before_first_hit(text, set(query.all_words()), matcher.folded_words)
    )
    # Only the first match and the matches inside the window matter: start reading words where
    # the first can be and stop after the window (a search page makes 20 snippets of whole
    # articles).
    spans: Iterator[Span] = iter(())
    if skip is not None:
        spans = ((s + skip, e + skip) for s, e in iter_word_spans(text[skip:]))
    first: list[Span] = []
    for span in spans:
        if first := matcher.feed(text[span[0] : span[1]], span):
            break
    start = _window_start(text, first[0][0] if first else 0, width)
    end = _window_end(text, start, width)
    hits = list(first)
    if first:
        for span in spans:
            if span[0] >= end:
                break
            hits += matcher.feed(text[span[0] : span[1]], span)
    return "".join(
        (
            "…" if start > 0 else "",
            _marked(text, start, end, hits),
            "…" if end < len(text) else "",
        )
    )


def mark_title(title: str, query: ParsedQuery, *, folded: bool = False) -> str:
    """The whole `title` (a title is short: never cut), escaped, its matches in <mark> as
    `make_snippet` marks a body's: the snippet may show none when only the title matched.

    >>> mark_title("<i>Tin giả</i> về BHYT", ParsedQuery(terms=("giả",)))
    '&lt;i&gt;Tin <mark>giả</mark>&lt;/i&gt; về BHYT'
    """
    matcher = _Matcher(query, folded=folded)
    hits = [hit for s, e in iter_word_spans(title) for hit in matcher.feed(title[s:e], (s, e))]
    return _marked(title, 0, len(title), hits)


def _marked(text: str, start: int, end: int, hits: list[Span]) -> str:
    """`text[start:end]` escaped, the `hits` inside it in <mark>."""
    parts = []
    cursor = start
    for s, e in sorted(set(hits)):
        if s < start or e > end:
            continue
        parts.append(escape(text[cursor:s]))
        parts.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    parts.append(escape(text[cursor:end]))
    return joined_marks("".join(parts))


def joined_marks(marked: str) -> str:
    """HTML-safe `marked` text with the marks apart only by spaces made one: a phrase reads as
    one mark, as it was found ("<mark>lương hưu</mark>", «lương hưu» in a terminal).

    >>> joined_marks("<mark>lương</mark> <mark>hưu</mark>, <mark>hưu</mark>")
    '<mark>lương hưu</mark>, <mark>hưu</mark>'
    """
    return _ADJACENT_MARKS.sub(r"\1", marked)


@dataclass(frozen=True)
class _Patterns:
    """The query's words and phrases (terms, phrases and every alternative of an OR group),
    found by their last word's key: its lower case, or with `folded` its folded form."""

    folded: bool  # keys folded: some word may match without its diacritics
    by_last: dict[str, tuple[Phrase, ...]]  # key of a pattern's last word -> patterns
    free: dict[str, str]  # query words that may match folded, and their folded forms
    longest: int  # words in the longest pattern


@lru_cache(maxsize=256)
def _patterns(query: ParsedQuery, folded: bool) -> _Patterns:
    """Built once for the snippets of a page (and the pages after it)."""
    patterns = tuple(
        dict.fromkeys(
            (
                *((t,) for t in query.terms),
                *query.phrases,
                *(alternative for group in query.any_of for alternative in group),
            )
        )
    )
    constrained = set(query.accented_part().all_words())
    # A word typed bare matches its accented forms in an exact hit too: an exact hit of "thai
    # san" may have met a literal "san" elsewhere, while "thai sản" is what the user meant.
    free = {
        w: fold(w)
        for p in patterns
        for w in p
        if w not in constrained and (folded or (fold(w) == w and _may_carry_marks(w)))
    }
    folded = bool(free)
    by_last: dict[str, list[Phrase]] = {}
    for pattern in patterns:
        by_last.setdefault(fold(pattern[-1]) if folded else pattern[-1], []).append(pattern)
    return _Patterns(
        folded,
        {key: _longest_first(found) for key, found in by_last.items()},
        free,
        max((len(p) for p in patterns), default=1),
    )


class _Matcher:
    """Reads the words of a text in order and tells which of them a match of the query ends
    at. A word that ends no pattern costs one lookup; the words before it are compared only
    then."""

    def __init__(self, query: ParsedQuery, *, folded: bool) -> None:
        self._patterns = _patterns(query, folded)
        self._recent: deque[tuple[Span, str]] = deque(maxlen=self._patterns.longest)

    @property
    def folded_words(self) -> frozenset[str]:
        """The folded forms of the query words that match without their diacritics."""
        return frozenset(self._patterns.free.values())

    def feed(self, word: str, span: Span) -> list[Span]:
        """The spans of the match (if any) ending at `word`, the word after the last one fed."""
        patterns = self._patterns
        if patterns.longest > 1:
            self._recent.append((span, word))
        key = _folded_word(word) if patterns.folded else word.lower()
        for pattern in patterns.by_last.get(key, ()):
            if len(pattern) == 1:
                if self._same(pattern[0], word):
                    return [span]
                continue
            if len(pattern) > len(self._recent):
                continue
            read = list(self._recent)[-len(pattern) :]
            if all(self._same(w, text) for w, (_, text) in zip(pattern, read, strict=True)):
                return [s for s, _ in read]
        return []

    def _same(self, query_word: str, word: str) -> bool:
        if word.lower() == query_word:
            return True
        free = self._patterns.free
        return query_word in free and free[query_word] == _folded_word(word)


def _may_carry_marks(bare: str) -> bool:
    """Whether a word typed without diacritics has accented forms: marks sit on vowels, and d
    stands for đ (BHXH has none, so its hits keep the fast exact reading)."""
    return any(letter in "aeiouyd" for letter in bare)


def _longest_first(patterns: list[Phrase]) -> tuple[Phrase, ...]:
    return tuple(sorted(patterns, key=len, reverse=True))


# Memoised for every snippet (a pure function): the 20 snippets of a page and the pages after
# it repeat the few thousand syllables of the language, and folding is the slow part.
_folded_word = lru_cache(maxsize=65_536)(fold)


def _words_before_first_hit(
    text: str, wanted: set[str], folded_wanted: frozenset[str] = frozenset()
) -> int | None:
    """Where a word-by-word search for a hit can start: the start of the word holding the first
    occurrence of a query word in the lower-cased text, or of a `folded_wanted` word in the
    folded text (None: there is no hit).

    A hit is a word whose lower case is a query word, so its lower case is found at its own
    place when lowering keeps every character in place: no one-to-many mapping (the length
    tells) and no capital sigma (its lower case depends on the letters around it); folding
    likewise when it keeps the length. Otherwise 0: every word is read.

    >>> _words_before_first_hit("Tin BHYT mới", {"bhyt"}), _words_before_first_hit("x", {"y"})
    (4, None)
    """
    low = text.lower()
    if len(low) != len(text) or "Σ" in text:
        return 0
    found = [i for word in wanted if (i := low.find(word)) != -1]
    if folded_wanted:
        flat = fold(text)
        if len(flat) != len(text):
            return 0
        found += [i for word in folded_wanted if (i := flat.find(word)) != -1]
    if not found:
        return None
    start = min(found)
    while start > 0 and _WORD_CHAR.match(text, start - 1):
        start -= 1
    return start


def _window_end(text: str, start: int, width: int) -> int:
    """End at most `width` after `start`, at a space: before the run of non-space characters
    the window would cut in two (a word, an amount such as "1.234.567", a link, an emoji
    sequence) and the spaces before it. A window holding no space is cut all the same.

    >>> text = "bảo hiểm 1.234.567 đồng"
    >>> text[: _window_end(text, 0, 10)], text[: _window_end(text, 0, 15)]
    ('bảo hiểm', 'bảo hiểm')
    """
    end = min(len(text), start + width)
    if end == len(text):
        return end
    cut = end
    if not (text[end].isspace() or text[end - 1].isspace()):
        while cut > start and not text[cut - 1].isspace():
            cut -= 1
    while cut > start and text[cut - 1].isspace():
        cut -= 1
    return cut if cut > start else end


def _window_start(text: str, first_hit: int, width: int) -> int:
    """Start a little before the first hit, at a word boundary."""
    if first_hit < width // 4:
        return 0
    start = first_hit - width // 4
    space = text.find(" ", start, first_hit)
    return space + 1 if space != -1 else start
