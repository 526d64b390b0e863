"""The search box's small language, parsed into backend-neutral parts.

- Every word is required; a "quoted phrase" keeps its word order.
- `a OR b` (OR in capitals, between two words or phrases) requires either of them.
- `a AND b` (AND in capitals) is `a b`: every word is required anyway.
- `-word` or `-"phrase"`, and `NOT word` or `NOT "phrase"` (NOT in capitals), leave out the
  articles that contain it. An en dash, em dash or minus sign (`–giả`, as Word and Outlook write
  a typed minus) is that `-` where it starts a word; between spaces or inside a word (`BHXH –
  BHYT`, `2020–2025`) it is punctuation, as `-` is there.
- A word or phrase that is a form of a synonym group (`index.synonyms`: BHXH, "bảo hiểm xã
  hội") matches any form of its group; loose words that together make a form count as that form.
- A dotted abbreviation (`B.H.Y.T`, `b.h.x.h.`) is its word (BHYT, with its synonyms) or its
  letters next to each other, as the index holds the dotted spelling (`index.dotted_abbreviations`).
- Loose words typed next to each other (`tăng lương hưu`, `so bhxh`) are also read as they stand
  together (`ParsedQuery.together`): a relevance page ranks the articles where they stand together,
  in that order (typed bare, in any spelling: `sổ BHXH`), first.
- A number typed with separators (`1/7`, `115/2015/NĐ-CP`) is its words together, a phrase; a day
  and month also match their spelling with or without leading zeros (`index.glued_numbers`).

Everything else (lower-case or/and/not, *, :, parentheses) is plain text: punctuation disappears
and words stay words (lower-case "and" and "not" may be English words in an article). Invisible
characters (zero-width space, soft hyphen…) are dropped, never word breaks. Text that is not
blank yet has no word (`!!!`, `""`, a lone OR) is refused: only blank text asks for no text.
Backends never see the user's syntax: each re-quotes these parts for its own engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import islice, product

from index.dotted_abbreviations import QueryWord, query_words
from index.errors import QueryError
from index.glued_numbers import date_spellings, glued_number
from index.synonyms import Phrase, Synonyms
from index.text import fold
from vntext.deobfuscate import syllable_shaped
from vntext.normalize import normalize_spelling, without_invisible

MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 32
MAX_TOGETHER_PHRASES = 8  # spellings of words to find together (`ParsedQuery.together`)
OR_OPERATOR = "OR"
AND_OPERATOR = "AND"
NOT_OPERATOR = "NOT"
EXCLUDE_MARK = "-"
# Dashes that stand for a typed minus: Word and Outlook turn `-` into an en or em dash, and text
# copied from documents carries them or the minus sign (U+2013 –, U+2014 —, U+2212 −).
TYPED_MINUSES = "\u2013\u2014\u2212"
# One of them where a `-` is the exclusion mark: starting a chunk (at the start of an unquoted
# part, so also after a closing quote, or after a space), not followed by a space (a dash
# between spaces is punctuation either way: it stays as typed).
_TYPED_MINUS = re.compile(f"(?:^|(?<=\\s))[{TYPED_MINUSES}](?!\\s)")


@dataclass(frozen=True)
class ParsedQuery:
    """User text as backend-neutral parts: every term, every phrase and one alternative of every
    `any_of` group must match; no `excluded` phrase may. `together`: when the words to find
    were typed as loose words and make more than one part, those words in order, with each
    synonym form in turn: a relevance page ranks first the matches where one of these phrases
    stands (`_together`)."""

    terms: tuple[str, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    any_of: tuple[tuple[Phrase, ...], ...] = ()
    excluded: tuple[Phrase, ...] = ()
    together: tuple[Phrase, ...] = ()

    @property
    def empty(self) -> bool:
        """Nothing to match (exclusions alone never make a query: `parse_query` refuses them)."""
        return not self.terms and not self.phrases and not self.any_of

    def all_words(self) -> tuple[str, ...]:
        """The words that can match (exclusions are never marked or scored)."""
        grouped = (w for group in self.any_of for alternative in group for w in alternative)
        return self.terms + tuple(w for phrase in self.phrases for w in phrase) + tuple(grouped)

    def accented_words(self) -> tuple[str, ...]:
        """Required words typed with diacritics: they match only that spelling."""
        required = self.terms + tuple(w for phrase in self.phrases for w in phrase)
        return tuple(w for w in dict.fromkeys(required) if _accented(w))

    def accented_part(self) -> ParsedQuery:
        """What must match with its diacritics: the accented required words, and the groups whose
        every alternative is typed with diacritics throughout (a group with a bare alternative,
        such as "bảo hiểm xã hội" OR "bhxh", may be met by the bare one: no constraint)."""
        groups = tuple(
            group
            for group in self.any_of
            if all(all(_accented(w) for w in alternative) for alternative in group)
        )
        return ParsedQuery(terms=self.accented_words(), any_of=groups)

    @property
    def together_bare(self) -> bool:
        """A word to find together was typed without the diacritics it may have had ("nghi" in
        `tuổi nghi hưu`): their phrases stand in any spelling (folded), while the words typed
        with diacritics still match only as typed. Else they stand as typed, a bare word that
        has no diacritics to drop (BHXH) included."""
        return bool(self.together) and any(
            not _accented(w) and syllable_shaped(w) for w in self.together[0]
        )

    @property
    def all_accented(self) -> bool:
        """Every word was typed with diacritics, so only exact matches count."""
        return not self.empty and all(_accented(w) for w in self.all_words())

    def excluded_exact(self) -> tuple[Phrase, ...]:
        """Exclusions typed with diacritics: they leave out only that spelling."""
        return tuple(p for p in self.excluded if any(_accented(w) for w in p))

    def excluded_folded(self) -> tuple[Phrase, ...]:
        """Exclusions typed bare, folded: they leave out every accented form too."""
        return tuple(_fold_phrase(p) for p in self.excluded if not any(_accented(w) for w in p))

    def folded(self) -> ParsedQuery:
        return ParsedQuery(
            terms=tuple(fold(t) for t in self.terms),
            phrases=tuple(_fold_phrase(p) for p in self.phrases),
            any_of=tuple(_unique(_fold_phrase(a) for a in group) for group in self.any_of),
            excluded=tuple(_fold_phrase(p) for p in self.excluded),
        )


def _accented(word: str) -> bool:
    return fold(word) != word


def _fold_phrase(phrase: Phrase) -> Phrase:
    return tuple(fold(w) for w in phrase)


def _unique(phrases: Iterable[Phrase]) -> tuple[Phrase, ...]:
    return tuple(dict.fromkeys(phrases))


@dataclass(frozen=True)
class _Token:
    """A word or quoted phrase as typed; `loose` words may join into a synonym form. `indexed`:
    its words as the index spells them (B.H.Y.T as the letters, `index.dotted_abbreviations`);
    `variants`: other spellings it stands for (a date without its leading zeros)."""

    words: Phrase
    indexed: Phrase
    loose: bool = False
    excluded: bool = False
    variants: tuple[Phrase, ...] = ()

    @classmethod
    def read(
        cls,
        found: Sequence[QueryWord],
        *,
        loose: bool = False,
        excluded: bool = False,
        variants: tuple[Phrase, ...] = (),
    ) -> _Token:
        typed = tuple(w.word for w in found)
        indexed = tuple(letter for w in found for letter in w.indexed)
        return cls(typed, indexed, loose=loose, excluded=excluded, variants=variants)


@dataclass(frozen=True)
class _Unit:
    """One required (or excluded) thing: any of its alternatives."""

    alternatives: tuple[Phrase, ...]
    excluded: bool = False


def parse_query(text: str, synonyms: Synonyms | None = None) -> ParsedQuery:
    """Split user text into lower-cased NFC terms, phrases, OR groups and exclusions.

    An unbalanced quote runs to the end of the text; an OR without a word on both sides, an
    AND, and a NOT without a word or phrase after it are dropped; lower-case "or", "and" and
    "not" are words.

    >>> parse_query('lương hưu "bảo hiểm xã hội" -"tin giả" BHYT OR KCB or')
    ParsedQuery(terms=('lương', 'hưu', 'or'), phrases=(('bảo', 'hiểm', 'xã', 'hội'),), \
any_of=((('bhyt',), ('kcb',)),), excluded=(('tin', 'giả'),), together=())
    >>> parse_query("so BHXH -lừa").together
    (('so', 'bhxh'),)
    >>> parse_query("tăng lương hưu").together
    (('tăng', 'lương', 'hưu'),)
    >>> parse_query('BHXH AND BHYT NOT "lừa đảo"') == parse_query('BHXH BHYT -"lừa đảo"')
    True

    Raises:
        QueryError: the text is too long, has too many words, only excludes, or is not blank
            yet has no word (`!!!`, `""`, `OR`): only blank text asks for no text.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"Câu tìm kiếm quá dài: tối đa {MAX_QUERY_CHARS} ký tự.")
    visible = with_ascii_minus(normalize_spelling(without_invisible(text)))
    tokens = _tokens(visible)
    if sum(len(t.indexed) for t in tokens if t is not None) > MAX_QUERY_TERMS:
        raise QueryError(f"Câu tìm kiếm có quá nhiều từ: tối đa {MAX_QUERY_TERMS} từ.")
    units = _joined(_expanded(tokens, synonyms or Synonyms()))
    parsed = replace(_assembled(units), together=_together(tokens, units))
    if parsed.empty and parsed.excluded:
        raise QueryError("Câu tìm kiếm chỉ có từ loại trừ (-từ): hãy thêm ít nhất một từ cần tìm.")
    if parsed.empty and any(ch.isprintable() and not ch.isspace() for ch in visible):
        # Typed, yet nothing to match: read as no text, it would list the whole archive.
        raise QueryError(
            "Câu tìm kiếm không có từ nào để tìm (dấu câu, ký hiệu và OR, AND, NOT đứng một "
            "mình bị bỏ qua): hãy gõ ít nhất một chữ hoặc số."
        )
    return parsed


def _together(tokens: Sequence[_Token | None], units: Sequence[_Unit]) -> tuple[Phrase, ...]:
    """The phrases of `ParsedQuery.together`, when every word to find was typed loose (no quotes,
    no OR) and they make more than one unit. Words typed next to each other mostly mean a phrase
    (`tăng lương hưu`, `chậm đóng`), yet bm25 ranks an article holding them far apart ("đóng"
    in one paragraph, "chậm" in another) as high; typed bare, a word that is also a word as
    typed ("so với") is no sign of the one meant ("sổ"), where the words stand together is
    (`sổ BHXH`). The units' alternatives (synonym forms) are combined in order, at most
    MAX_TOGETHER_PHRASES of them."""
    wanted = [t for t in tokens if t is None or not t.excluded]
    found = [u for u in units if not u.excluded]
    if len(found) < 2 or not all(t is not None and t.loose and not t.variants for t in wanted):
        return ()
    combined = product(*(u.alternatives for u in found))
    return tuple(
        tuple(w for part in parts for w in part) for parts in islice(combined, MAX_TOGETHER_PHRASES)
    )


def with_ascii_minus(text: str) -> str:
    """`text` with a TYPED_MINUSES dash written `-` exactly where `-` is the exclusion mark:
    before a word or a quoted phrase, outside quotes. Between spaces, inside a word or a number
    range and inside a phrase it stays as typed, and `-` keeps its meaning everywhere.

    >>> with_ascii_minus('BHXH –giả —"tin đồn" −lừa 2020–2025 BHXH – BHYT "a –b"')
    'BHXH -giả -"tin đồn" -lừa 2020–2025 BHXH – BHYT "a –b"'
    """
    if not any(dash in text for dash in TYPED_MINUSES):
        return text
    parts = text.split('"')
    parts[::2] = (_TYPED_MINUS.sub(EXCLUDE_MARK, part) for part in parts[::2])
    return '"'.join(parts)


def _tokens(text: str) -> list[_Token | None]:
    """Words, quoted phrases and exclusions in order; None stands for the OR operator."""
    tokens: list[_Token | None] = []
    exclude_next = False
    for i, part in enumerate(text.split('"')):
        if i % 2 == 1:
            if found := query_words(part):
                tokens.append(_Token.read(found, excluded=exclude_next))
            exclude_next = False
            continue
        chunks = part.split()
        for chunk in chunks:
            if chunk == NOT_OPERATOR:
                exclude_next = True
                continue
            negated, exclude_next = exclude_next, False
            if chunk == OR_OPERATOR:
                tokens.append(None)  # the OR operator
            elif chunk == AND_OPERATOR:
                continue  # every word is required without it
            elif (negated or chunk.startswith(EXCLUDE_MARK)) and (found := query_words(chunk)):
                tokens.append(_Token.read(found, excluded=True, variants=date_spellings(chunk)))
            elif glued_number(found := query_words(chunk)):
                # `1/7` or `115/2015/NĐ-CP`: the words together, never a 1 and a 7 anywhere.
                tokens.append(_Token.read(found, variants=date_spellings(chunk)))
            else:
                tokens.extend(_Token.read([word], loose=True) for word in found)
        # `NOT "phrase"` left pending; `-"phrase"`: the mark ends this part, glued to the quote.
        glued_mark = bool(chunks) and chunks[-1] == EXCLUDE_MARK and part.endswith(EXCLUDE_MARK)
        exclude_next = exclude_next or glued_mark
    return tokens


def _expanded(tokens: Sequence[_Token | None], synonyms: Synonyms) -> list[_Unit | None]:
    """Tokens as units, each with its synonyms; loose words making a form become one unit. A
    unit holding a dotted abbreviation also matches its dotted spelling (`b h y t`)."""
    units: list[_Unit | None] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token is None:
            units.append(None)
            i += 1
            continue
        taken = [token]
        if token.loose:
            run: list[_Token] = []
            for following in tokens[i:]:
                if following is None or not following.loose:
                    break
                run.append(following)
            taken = run[: synonyms.form_at([t.words[0] for t in run], 0) or 1]
        phrase = tuple(w for t in taken for w in t.words)
        indexed = tuple(w for t in taken for w in t.indexed)
        spellings = (indexed,) if indexed != phrase else ()
        variants = (v for t in taken for v in t.variants)
        alternatives = _unique((*synonyms.alternatives(phrase), *spellings, *variants))
        units.append(_Unit(alternatives, excluded=token.excluded))
        i += len(taken)
    return units


def _joined(units: Sequence[_Unit | None]) -> list[_Unit]:
    """Units with `a OR b` joined into one unit; an OR next to an exclusion or an end is dropped."""
    joined: list[_Unit] = []
    pending_or = False
    for unit in units:
        if unit is None:
            pending_or = bool(joined) and not joined[-1].excluded
        elif pending_or and not unit.excluded:
            previous = joined.pop()
            joined.append(_Unit(_unique(previous.alternatives + unit.alternatives)))
            pending_or = False
        else:
            joined.append(unit)
            pending_or = False
    return joined


def _assembled(units: Sequence[_Unit]) -> ParsedQuery:
    terms: list[str] = []
    phrases: list[Phrase] = []
    any_of: list[tuple[Phrase, ...]] = []
    excluded: list[Phrase] = []
    for unit in units:
        if unit.excluded:
            excluded.extend(unit.alternatives)
        elif len(unit.alternatives) > 1:
            any_of.append(unit.alternatives)
        elif len(only := unit.alternatives[0]) == 1:
            terms.append(only[0])
        else:
            phrases.append(only)
    return ParsedQuery(
        terms=tuple(dict.fromkeys(terms)),
        phrases=_unique(phrases),
        any_of=tuple(dict.fromkeys(any_of)),
        excluded=_unique(excluded),
    )
