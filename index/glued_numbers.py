"""Numbers typed with separators in a query: `1/7`, `115/2015/NĐ-CP`, `7,19%`, `Covid-19`.

Read as loose words, `1/7` asked for a 1 and a 7 anywhere in an article (any "tăng 7%" on the
1st of a month) and `153/2018/NĐ-CP` found articles citing another decree of 2018. Typed as one
chunk, such a number means its words together and in order: a phrase. A day and month (`1/7`,
`01/07/2025`, `1.7`) also stands for its other spelling, with or without the leading zeros, as
the press writes both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.dotted_abbreviations import QueryWord
from index.synonyms import Phrase

# Day, month and an optional year joined by / . or - (a comma joins a decimal: "7,19%").
_DATE = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})(?:\2(\d{2}|\d{4}))?")


def glued_number(found: Sequence[QueryWord]) -> bool:
    """Several words typed without a space between them, one of them a number (no dotted
    abbreviation: B.H.Y.T has its own reading).

    >>> from index.dotted_abbreviations import query_words
    >>> glued_number(query_words("1/7")), glued_number(query_words("TP.HCM"))
    (True, False)
    """
    return (
        len(found) > 1
        and any(w.word.isdigit() for w in found)
        and all(len(w.indexed) == 1 for w in found)
    )


def date_spellings(chunk: str) -> tuple[Phrase, ...]:
    """The other spellings of a day and month typed as `chunk`: without, then with, leading
    zeros (none when `chunk` is no date).

    >>> date_spellings("1/7"), date_spellings("(01-07-2025),"), date_spellings("7,19%")
    ((('01', '07'),), (('1', '7', '2025'),), ())
    """
    core = re.sub(r"^\W+|\W+$", "", chunk)
    match = _DATE.fullmatch(core)
    if match is None:
        return ()
    day, _, month, year = match.groups()
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return ()
    tail = (year,) if year else ()
    typed = (day, month, *tail)
    spellings = (
        (str(int(day)), str(int(month)), *tail),
        (f"{int(day):02d}", f"{int(month):02d}", *tail),
    )
    return tuple(s for s in dict.fromkeys(spellings) if s != typed)
