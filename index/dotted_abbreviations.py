"""Dotted abbreviations in a query: `B.H.Y.T` is the word BHYT.

The press writes BHYT and B.H.Y.T alike. The FTS tokenizer (and the Elasticsearch analysers, made
to split alike) keeps the dotted spelling as separate letters, so a query reads a dotted
abbreviation as its word (which finds the articles writing it whole and its synonym forms) and
keeps the letters as the spelling the index holds. Only single letters count: "TP.HCM" stays
"tp" "hcm", and "1.7.2025" or "10.5" stay numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.synonyms import Phrase
from index.text import words

# Two or more single letters joined by dots (a last dot is punctuation), alone between
# non-word characters: a letter glued to a longer word or a digit ("TP.H", "Q.1") is not one.
_DOTTED = re.compile(r"(?<![\w.])[^\W\d_](?:\.[^\W\d_])+(?![\w]|\.[^\W_])")


@dataclass(frozen=True)
class QueryWord:
    """A word of a query and how the index spells it: ("bhyt", ("b", "h", "y", "t")) for
    B.H.Y.T; (word,) for any other word."""

    word: str
    indexed: Phrase


def query_words(text: str) -> list[QueryWord]:
    """The lower-cased words of NFC `text` (as `index.text.words`), a dotted abbreviation as one.

    >>> [w.word for w in query_words("Thẻ B.H.Y.T ở TP.HCM")]
    ['thẻ', 'bhyt', 'ở', 'tp', 'hcm']
    """
    found: list[QueryWord] = []
    end = 0
    for match in _DOTTED.finditer(text):
        found.extend(QueryWord(w, (w,)) for w in words(text[end : match.start()]))
        letters = tuple(words(match.group()))
        found.append(QueryWord("".join(letters), letters))
        end = match.end()
    found.extend(QueryWord(w, (w,)) for w in words(text[end:]))
    return found
