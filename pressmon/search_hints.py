"""What to try when a search finds nothing: rewrites of the query that do find articles.

The rewrites are pure (`rewrites`); `suggestions` asks the archive how many articles each finds
and keeps those that find some, for the CLI and the web search page alike. A word one typing
slip away from an abbreviation of config/synonyms.yaml (BHXN, VSSDI) is offered corrected: the
archive cannot tell, it holds articles, not the Center's list of forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from index.base import Archive
from index.errors import QueryError
from index.query_parser import (
    AND_OPERATOR,
    EXCLUDE_MARK,
    NOT_OPERATOR,
    OR_OPERATOR,
    with_ascii_minus,
)
from index.synonyms import Synonyms
from index.text import fold, words
from index.types import Query

MAX_SUGGESTIONS = 3
# Shorter words and forms are one slip away from too many others (BHX from BHXH, BHYT, BHTN).
MIN_CORRECTED_LETTERS = 4
# Words as `index.text.words` splits them, in the case they were typed.
_AS_TYPED = re.compile(r"[^\W_]+")
# What the query parser reads as one thing: a quoted phrase, excluded when a dash is glued to its
# opening quote (an unbalanced quote runs to the end), or a run of other characters.
_CHUNK = re.compile(r'-?"[^"]*"?|[^\s"]+')


@dataclass(frozen=True)
class Suggestion:
    text: str
    total: int
    total_exact: bool = True  # False: more than `total` articles (the archive's count limit)


def rewrites(text: str, synonyms: Synonyms | None = None) -> tuple[str, ...]:
    """Looser forms of `text`, most faithful first: without diacritics, with the words one slip
    away from a form of `synonyms` corrected (`corrected`), with a lower-case or, and
    or not written as the operator (`bhxh or bhyt`: BHXH OR BHYT was meant, the parser reads a
    word "or"), without quotes, without exclusions, then any of its words. Exclusions stay whole
    (an excluded phrase keeps its quotes) or go whole: none of their words becomes a word to
    find. They are written without AND and with `-` for NOT and for a dash the parser reads as
    `-` (`–giả`), which it reads the same.

    >>> rewrites('"bảo hiểm thất nghiệp" -Hà')
    ('"bao hiem that nghiep" -ha', 'bảo hiểm thất nghiệp -Hà', '"bảo hiểm thất nghiệp"', \
'bảo OR hiểm OR thất OR nghiệp')
    """
    typed = _CHUNK.findall(with_ascii_minus(text))
    chunks = _without_and_not(typed)
    operators = " ".join(_without_and_not([_as_operator(c) for c in typed]))
    required = [c for c in chunks if not _excluded(c)]
    folded = " ".join(c if c == OR_OPERATOR else fold(c) for c in chunks)
    unquoted = " ".join(c if _excluded(c) else c.strip('"') for c in chunks)
    kept = " ".join(required)
    loose = [w for c in required if c != OR_OPERATOR for w in _AS_TYPED.findall(c)]
    any_word = f" {OR_OPERATOR} ".join(dict.fromkeys(loose)) if len(set(loose)) > 1 else ""
    fixed = corrected(chunks, synonyms) if synonyms is not None else ()
    candidates = (folded, *fixed, operators, " ".join(unquoted.split()), kept, any_word)
    return tuple(c for c in dict.fromkeys(candidates) if c and c != " ".join(chunks))


def corrected(chunks: list[str], synonyms: Synonyms) -> tuple[str, ...]:
    """The query of `chunks` with every required word that is one edit (a letter replaced, added
    or left out, two neighbours swapped) from a one-word form of `synonyms`, both of at least
    MIN_CORRECTED_LETTERS letters, written as that form: in capitals when typed so. A word as
    near to two forms (BHXN: BHXH, BHTN) gives a query for each, the others corrected to their
    first form in the file's order.

    >>> bhxh = Synonyms.from_forms([["BHXH", "bảo hiểm xã hội"], ["BHTN", "bảo hiểm thất nghiệp"]])
    >>> corrected(["BHXN", "-BHYY", "tháng", "7"], bhxh)
    ('BHXH -BHYY tháng 7', 'BHTN -BHYY tháng 7')
    """
    forms = [form[0] for group in synonyms.groups for form in group if len(form) == 1]
    slips = [
        (i, match, near)
        for i, chunk in enumerate(chunks)
        if chunk != OR_OPERATOR and not _excluded(chunk)
        for match in _AS_TYPED.finditer(chunk)
        if (near := _one_slip_from(match.group(), forms))
    ]
    texts = []
    for chosen, (_, _, near) in enumerate(slips):
        for form in near:
            fixed = list(chunks)
            for k, (i, match, others) in reversed(list(enumerate(slips))):
                word = match.group()
                new = form if k == chosen else others[0]
                new = new.upper() if word.isupper() else new
                fixed[i] = fixed[i][: match.start()] + new + fixed[i][match.end() :]
            texts.append(" ".join(fixed))
    return tuple(dict.fromkeys(texts))


def _one_slip_from(word: str, forms: list[str]) -> tuple[str, ...]:
    """The `forms` one edit from `word` once both are folded (none when it is a form itself)."""
    typed = fold(word)
    if len(typed) < MIN_CORRECTED_LETTERS or typed in map(fold, forms):
        return ()
    return tuple(
        dict.fromkeys(
            f for f in forms if len(fold(f)) >= MIN_CORRECTED_LETTERS and _one_edit(typed, fold(f))
        )
    )


def _one_edit(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter replaced, added or left out, or two neighbours swapped.

    >>> [_one_edit("bhxn", w) for w in ("bhxh", "bhxnh", "bh", "hbxn", "bhtm")]
    [True, True, False, True, False]
    """
    if len(a) == len(b):
        differ = [i for i in range(len(a)) if a[i] != b[i]]
        if len(differ) == 1:
            return True
        return (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and (a[differ[0]], a[differ[1]]) == (b[differ[1]], b[differ[0]])
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) - len(short) != 1:
        return False
    first = next((i for i in range(len(short)) if short[i] != long[i]), len(short))
    return short[first:] == long[first + 1 :]


def _as_operator(chunk: str) -> str:
    """`chunk` in capitals when it is an operator typed in another case ("or", "Not")."""
    upper = chunk.upper()
    return upper if upper in (OR_OPERATOR, AND_OPERATOR, NOT_OPERATOR) else chunk


def _without_and_not(chunks: list[str]) -> list[str]:
    """The chunks with AND dropped and `NOT x` written `-x`, as `parse_query` reads them: NOT
    applies to the next chunk unless that is OR or AND, and a dash already there stays one."""
    plain: list[str] = []
    negate = False
    for chunk in chunks:
        if chunk == NOT_OPERATOR:
            negate = True
            continue
        if negate and chunk not in (OR_OPERATOR, AND_OPERATOR):
            chunk = chunk if chunk.startswith(EXCLUDE_MARK) else EXCLUDE_MARK + chunk
        negate = False
        if chunk != AND_OPERATOR:
            plain.append(chunk)
    return plain


def _excluded(chunk: str) -> bool:
    return chunk.startswith(EXCLUDE_MARK) and bool(words(chunk))


def suggestions(archive: Archive, query: Query, synonyms: Synonyms) -> tuple[Suggestion, ...]:
    """Up to MAX_SUGGESTIONS rewrites of `query.text` that find articles (same filters),
    `synonyms` the groups of config/synonyms.yaml the archive searches with."""
    found: list[Suggestion] = []
    for text in rewrites(query.text, synonyms):
        try:
            page = archive.search(replace(query, text=text, page=1, page_size=1))
        except QueryError:
            continue  # a rewrite the parser refuses is no suggestion
        if page.total:
            found.append(Suggestion(text, page.total, page.total_exact))
        if len(found) == MAX_SUGGESTIONS:
            break
    return tuple(found)
