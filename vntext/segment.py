"""Sentence segmentation of Vietnamese text, by underthesea."""

from __future__ import annotations

import re
from functools import lru_cache

from vntext.deobfuscate import EMAIL, LINK_INSIDE, LONGEST_LINK, UNWORDLY_TLDS

# A top-level domain that is no Vietnamese word: "bhxh-vn.top" is a link without a scheme,
# "trung thuong.co" (a missing space) is not.
_UNWORDLY_END = re.compile(
    rf"(?i)\.(?:{UNWORDLY_TLDS}|app|link|io|live|asia|pro|win|life|cn|one|today|work|ru|tv)$"
)
# Links that start at a word's edge only: a scan from every letter of a long run is quadratic.
_LINK = re.compile(r"(?i)(?<![a-z0-9.-])" + LINK_INSIDE.pattern.removeprefix("(?i)"))
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{LONGEST_LINK + 1},}}")
_SCHEMES = ("http://", "https://", "www.")
_EDGE = re.compile(r"^[^\w@]+|[^\w/]+$")


def split_sentences(text: str) -> list[str]:
    """The sentences of `text` in order (underthesea knows abbreviations, numbers and quotes).

    A link, domain or e-mail address stays whole ("Truy cập bhxh-vn.top để nhận tiền."):
    underthesea ends a sentence at every dot, "?" or "!" in it. Sentences are slices of `text`.
    """
    # A run longer than any link is no text to split: underthesea walks back over the whole run
    # at each of its dots, so a hostile page's one "word" of 40,000 dots would take minutes.
    sentences, pos = [], 0
    for run in _LONG_RUN.finditer(text):
        sentences += [*_split(text[pos : run.start()]), run.group(0)]
        pos = run.end()
    return [*sentences, *_split(text[pos:])]


def _split(text: str) -> list[str]:
    # Imported on first use: underthesea is slow to import and most callers never split.
    from underthesea import sent_tokenize

    if not text.strip():
        return []
    sentences = sent_tokenize(text)
    spans = _spans(text, sentences)
    if spans is None or len(spans) < 2:
        return sentences
    merged = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = merged[-1]
        # Only a cut with nothing between the two sentences can fall inside a word.
        if last_end == start and _inside_link(text, start):
            merged[-1] = (last_start, end)
        else:
            merged.append((start, end))
    if len(merged) == len(spans):
        return sentences
    return [text[start:end] for start, end in merged]


def _spans(text: str, sentences: list[str]) -> list[tuple[int, int]] | None:
    """Where each sentence lies in `text` (underthesea returns stripped slices, in order)."""
    spans = []
    pos = 0
    for sentence in sentences:
        start = text.find(sentence, pos)
        if start < 0:
            return None
        pos = start + len(sentence)
        spans.append((start, pos))
    return spans


def _inside_link(text: str, cut: int) -> bool:
    """Whether a cut between text[cut - 1] and text[cut] falls inside a link or e-mail address."""
    # The word around the cut, read no further than a link reaches on either side; `str.split`
    # finds its edges in C (a loop per character here took seconds on a page of long runs).
    before = text[max(0, cut - LONGEST_LINK) : cut]
    after = text[cut : cut + LONGEST_LINK]
    start = cut - (len(before.rsplit(None, 1)[-1]) if before and not before[-1].isspace() else 0)
    end = cut + (len(after.split(None, 1)[0]) if after and not after[0].isspace() else 0)
    at = cut - start
    # A bare domain is not cut before a capitalised word ("thuong.Co the": a missing space).
    titled = text[cut].isupper() and text[cut + 1 : cut + 2].islower()
    return any(
        first < at < last and not (bare and titled)
        for first, last, bare in _links_in(text[start:end])
    )


@lru_cache(maxsize=4096)
def _links_in(word: str) -> tuple[tuple[int, int, bool], ...]:
    """(start, end, whether a bare domain) of each link or e-mail address in a word."""
    core = _EDGE.sub("", word)
    if "@" in core and EMAIL.match(core):
        offset = word.find(core)
        return ((offset, offset + len(core), False),)
    found = []
    for m in _LINK.finditer(word):
        link = m.group(0)
        if link.lower().startswith(_SCHEMES) or any(c in link for c in "/?#"):
            found.append((m.start(), m.end(), False))
        elif _UNWORDLY_END.search(link):
            # Without scheme or path only a top-level domain that is no word makes a link.
            found.append((m.start(), m.end(), True))
    return tuple(found)
