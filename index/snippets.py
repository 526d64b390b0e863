"""HTML-safe highlighted snippets, built the same way for every backend.

The document text is untrusted: it is escaped, and the only markup added is <mark>…</mark>
around the query's matches: a word, or a phrase (quoted, or a synonym form such as "bảo hiểm y
tế" for BHYT) where its words stand together, as the index matched them. A word typed without
diacritics marks its accented forms in every hit (`thai san` marks "thai sản" in a hit found
exactly by an unrelated "san"); a word typed with them only in a folded hit, when its
diacritics did not constrain it (a form of a group with a bare form). A body gets the window
showing the most of the query (`make_snippet`), a title is marked whole (`mark_title`); marks
apart only by spaces are one (`joined_marks`).
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
    """The window of `text` that shows the query best, escaped, matches in <mark>.

    The best window holds the most distinct query words and phrases (an OR group counts once);
    among those, the one with the most query words standing next to each other in the order
    typed (`lương hưu` prefers "lương hưu" to a "Lương" in a name and a "hưu" further on); then
    the earliest. Each window starts a little before a match, as the first match's did.

    Words equal to a query word typed without diacritics once both are folded are marked too,
    in any hit. With `folded` (a hit found only by the no-diacritics fallback), so are those of
    the other words the hit may have met without their diacritics; a word typed with diacritics
    matched as typed (`ParsedQuery.accented_part`), so only that spelling is marked.

    >>> make_snippet("Cảnh báo <b>tin giả</b>", ParsedQuery(terms=("giả",)))
    'Cảnh báo &lt;b&gt;tin <mark>giả</mark>&lt;/b&gt;'
    """
    matcher = _Matcher(query, folded=folded)
    found: list[_Match] = []
    best: _Window | None = None
    judged = 0  # windows judged: those ending before the word read
    position = 0  # of the word fed, one more after a word not fed: adjacent words differ by one
    previous_end = None
    for span in matcher.words(text):
        while judged < len(found) and found[judged].window[1] <= span[0]:
            best = _better(best, _judged(found, judged, matcher.in_order))
            judged += 1
        if best is not None and best.score == matcher.full_score:
            break  # no later window does better: most articles are not read to their end
        if previous_end is not None:
            gap = _WORD_CHAR.search(text, previous_end, span[0]) is not None
            if gap:
                matcher.forget()  # a phrase's words stand together
            position += 2 if gap else 1
        previous_end = span[1]
        match = matcher.feed_match(text[span[0] : span[1]], span)
        if match is not None:
            start = _window_start(text, match[1][0][0], width)
            window = (start, _window_end(text, start, width))
            found.append(_Match(match[0], position, match[1], window))
    for i in range(judged, len(found)):
        best = _better(best, _judged(found, i, matcher.in_order))
    start, end = best.bounds if best is not None else (0, _window_end(text, 0, width))
    # A phrase the window cuts is not marked: a half-marked phrase would say it was found.
    hits = [s for m in found if m.spans[0][0] >= start and m.spans[-1][1] <= end for s in m.spans]
    return "".join(
        (
            "…" if start > 0 else "",
            _marked(text, start, end, hits),
            "…" if end < len(text) else "",
        )
    )


@dataclass(frozen=True)
class _Match:
    unit: int  # which query word, phrase or OR group (`_Patterns.units`)
    position: int  # of its last word (`make_snippet`)
    spans: list[Span]
    window: Span  # the window starting before it


@dataclass(frozen=True)
class _Window:
    score: tuple[int, int]  # distinct units, then query words side by side in the order typed
    bounds: Span


def _judged(found: list[_Match], first: int, in_order: frozenset[tuple[int, int]]) -> _Window:
    """The window starting before `found[first]`, scored by the matches it shows whole."""
    start, end = found[first].window
    # Matches are in text order: only the neighbours of the first can be inside.
    low = first
    while low > 0 and found[low - 1].spans[0][0] >= start:
        low -= 1
    high = first
    while high < len(found) and found[high].spans[-1][1] <= end:
        high += 1
    inside = found[low:high]
    # Each pair counts once, as each unit does: a passage repeating "lương hưu" shows no more.
    side_by_side = {
        (a.unit, b.unit)
        for a, b in zip(inside, inside[1:], strict=False)
        if b.position - len(b.spans) == a.position and (a.unit, b.unit) in in_order
    }
    return _Window((len({m.unit for m in inside}), len(side_by_side)), (start, end))


def _better(best: _Window | None, window: _Window) -> _Window:
    """The better window, the earlier (`best`, judged first) of two as good."""
    return window if best is None or window.score > best.score else best


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
    units: dict[Phrase, int]  # pattern -> its term, phrase or OR group (alternatives share one)
    in_order: frozenset[tuple[int, int]]  # units of the terms typed one after the other
    full_score: tuple[int, int]  # a window holding every unit, every pair side by side
    # Finds, in the lower-cased text (with `folded` the folded text), the words that may match.
    candidates: re.Pattern[str]


@lru_cache(maxsize=256)
def _patterns(query: ParsedQuery, folded: bool) -> _Patterns:
    """Built once for the snippets of a page (and the pages after it)."""
    units: dict[Phrase, int] = {}
    for unit, alternatives in enumerate(
        (*(((t,),) for t in query.terms), *((p,) for p in query.phrases), *query.any_of)
    ):
        for alternative in alternatives:
            units.setdefault(alternative, unit)
    patterns = tuple(units)
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
        units,
        frozenset((i, i + 1) for i in range(len(query.terms) - 1)),
        (len(set(units.values())), max(0, len(query.terms) - 1)),
        _any_word({fold(w) if folded else w for p in patterns for w in p}),
    )


def _any_word(words: set[str]) -> re.Pattern[str]:
    """Finds any of `words` standing whole, as `index.text.words` splits them."""
    if not words:
        return re.compile(r"(?!)")  # an empty alternative would find every word boundary
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


class _Matcher:
    """Reads the words of a text in order and tells which of them a match of the query ends
    at. A word that ends no pattern costs one lookup; the words before it are compared only
    then."""

    def __init__(self, query: ParsedQuery, *, folded: bool) -> None:
        self._patterns = _patterns(query, folded)
        self._recent: deque[tuple[Span, str]] = deque(maxlen=self._patterns.longest)

    @property
    def in_order(self) -> frozenset[tuple[int, int]]:
        """Pairs of units typed one after the other (`_Patterns.in_order`)."""
        return self._patterns.in_order

    @property
    def full_score(self) -> tuple[int, int]:
        """A window's best score: every unit, every pair typed in order side by side."""
        return self._patterns.full_score

    def words(self, text: str) -> Iterator[Span]:
        """The spans of the words of `text` that may match, in order, found in one pass of the
        lower-cased (or folded) text. A word's lower case (folded form) stands at the word's own
        place when lowering (folding) keeps every character in place: no one-to-many mapping,
        which the length tells, and no capital sigma, lowered by the letters around it.
        Otherwise every word."""
        seen = fold(text) if self._patterns.folded else text.lower()
        if len(seen) != len(text) or "Σ" in text:
            return iter_word_spans(text)
        return (m.span() for m in self._patterns.candidates.finditer(seen))

    def forget(self) -> None:
        """Words were left out before the next one fed: no phrase runs across them."""
        self._recent.clear()

    def feed(self, word: str, span: Span) -> list[Span]:
        """The spans of the match (if any) ending at `word`, the word after the last one fed."""
        match = self.feed_match(word, span)
        return match[1] if match is not None else []

    def feed_match(self, word: str, span: Span) -> tuple[int, list[Span]] | None:
        """The unit and spans of the match (if any) ending at `word`, as `feed`."""
        patterns = self._patterns
        if patterns.longest > 1:
            self._recent.append((span, word))
        key = _folded_word(word) if patterns.folded else word.lower()
        for pattern in patterns.by_last.get(key, ()):
            if len(pattern) == 1:
                if self._same(pattern[0], word):
                    return patterns.units[pattern], [span]
                continue
            if len(pattern) > len(self._recent):
                continue
            read = list(self._recent)[-len(pattern) :]
            if all(self._same(w, text) for w, (_, text) in zip(pattern, read, strict=True)):
                return patterns.units[pattern], [s for s, _ in read]
        return None

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
