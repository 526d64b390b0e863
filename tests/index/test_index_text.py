"""Normalisation, folding, the query parser and snippets (pure functions)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.errors import QueryError
from index.query_parser import (
    MAX_QUERY_CHARS,
    MAX_QUERY_TERMS,
    MAX_TOGETHER_PHRASES,
    ParsedQuery,
    parse_query,
)
from index.snippets import make_snippet
from index.synonyms import Synonyms
from index.text import fold


def test_fold() -> None:
    assert fold("Bảo hiểm xã hội ĐÀ NẴNG") == "bao hiem xa hoi da nang"
    assert fold(unicodedata.normalize("NFD", "giả")) == "gia"


@pytest.mark.parametrize(
    ("text", "terms", "phrases"),
    [
        ("", (), ()),
        ("   ", (), ()),
        ("Lương HƯU", ("lương", "hưu"), ()),
        ('"bảo hiểm xã hội"', (), (("bảo", "hiểm", "xã", "hội"),)),
        ('"một"', ("một",), ()),  # a one-word phrase is a term
        ('a "b c" d "e f', ("a", "d"), (("b", "c"), ("e", "f"))),  # unbalanced quote runs on
        ("not (x) or y*", ("not", "x", "or", "y"), ()),  # lower-case operators are words
        ("AND x AND y NOT", ("x", "y"), ()),  # AND is dropped, a NOT with nothing after it too
        ("giả giả", ("giả",), ()),
        (unicodedata.normalize("NFD", "giả"), ("giả",), ()),
    ],
)
def test_parse_query(text: str, terms: tuple[str, ...], phrases: tuple[tuple[str, ...], ...]):
    parsed = parse_query(text)
    assert (parsed.terms, parsed.phrases, parsed.any_of, parsed.excluded) == (
        terms,
        phrases,
        (),
        (),
    )


FIELD = Synonyms.from_forms(
    [["BHXH", "bảo hiểm xã hội"], ["BHXHVN", "BHXH Việt Nam"], ["NLĐ", "người lao động"]]
)
BHXH = (("bhxh",), ("bảo", "hiểm", "xã", "hội"))
BHXHVN = (("bhxhvn",), ("bảo", "hiểm", "xã", "hội", "việt", "nam"))
BHXHVN_WRITTEN_OUT = (BHXHVN[1], BHXHVN[0], ("bhxh", "việt", "nam"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a OR b", ParsedQuery(any_of=((("a",), ("b",)),))),
        ('a OR "b c" OR d', ParsedQuery(any_of=((("a",), ("b", "c"), ("d",)),))),
        ("OR a OR", ParsedQuery(terms=("a",))),  # an OR without two sides is dropped
        ("a OR a", ParsedQuery(terms=("a",))),
        ("a -b", ParsedQuery(terms=("a",), excluded=(("b",),))),
        ('a -"b c"', ParsedQuery(terms=("a",), excluded=(("b", "c"),))),
        (
            "a - b",
            ParsedQuery(terms=("a", "b"), together=(("a", "b"),)),
        ),  # a lone dash: punctuation
        ("a -covid-19", ParsedQuery(terms=("a",), excluded=(("covid", "19"),))),
        ("a OR -b", ParsedQuery(terms=("a",), excluded=(("b",),))),
    ],
)
def test_operators(text: str, expected: ParsedQuery) -> None:
    assert parse_query(text) == expected


# Word and Outlook turn a typed `-` into an en or em dash; copied text carries the minus sign too.
TYPED_DASHES = pytest.mark.parametrize(
    "dash", ["\u2013", "\u2014", "\u2212"], ids=["en", "em", "minus"]
)


@TYPED_DASHES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BHXH {}giả", ParsedQuery(terms=("bhxh",), excluded=(("giả",),))),
        ("{}giả BHXH", ParsedQuery(terms=("bhxh",), excluded=(("giả",),))),
        ("BHXH\t{}giả", ParsedQuery(terms=("bhxh",), excluded=(("giả",),))),
        ('BHXH {}"tin giả"', ParsedQuery(terms=("bhxh",), excluded=(("tin", "giả"),))),
        ('"lương hưu"{}giả', ParsedQuery(phrases=(("lương", "hưu"),), excluded=(("giả",),))),
        ("BHXH NOT {}giả", ParsedQuery(terms=("bhxh",), excluded=(("giả",),))),
        ("BHXH OR {}giả", ParsedQuery(terms=("bhxh",), excluded=(("giả",),))),
        ("a {}covid{}19", ParsedQuery(terms=("a",), excluded=(("covid", "19"),))),
    ],
)
def test_a_typed_dash_before_a_word_excludes_as_the_minus_does(
    dash: str, text: str, expected: ParsedQuery
) -> None:
    assert parse_query(text.format(dash, dash)) == expected
    assert parse_query(text.format("-", "-")) == expected


@TYPED_DASHES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A copied title's dash; the words stay next to each other (`together`).
        ("BHXH {} BHYT", ParsedQuery(terms=("bhxh", "bhyt"), together=(("bhxh", "bhyt"),))),
        ('BHXH {} "tin giả"', ParsedQuery(terms=("bhxh",), phrases=(("tin", "giả"),))),
        ("BHXH 2020{}2025", ParsedQuery(terms=("bhxh",), phrases=(("2020", "2025"),))),
        ("BHXH{}BHYT", ParsedQuery(terms=("bhxh", "bhyt"), together=(("bhxh", "bhyt"),))),
        ("BHXH {}", ParsedQuery(terms=("bhxh",))),
        ('"tin {}giả" BHXH', ParsedQuery(terms=("bhxh",), phrases=(("tin", "giả"),))),
        # As `(-giả)`: plain text, a word next to the other.
        ("BHXH ({}giả)", ParsedQuery(terms=("bhxh", "giả"), together=(("bhxh", "giả"),))),
    ],
)
def test_a_typed_dash_elsewhere_is_punctuation_as_the_minus_is(
    dash: str, text: str, expected: ParsedQuery
) -> None:
    assert parse_query(text.format(dash)) == expected
    assert parse_query(text.format("-")) == expected


def test_other_dashes_and_hyphens_are_punctuation() -> None:
    for dash in ("\u2010", "\u2012", "\u2015"):  # hyphen, figure dash, horizontal bar
        together = (("bhxh", "giả"),)
        expected = ParsedQuery(terms=("bhxh", "giả"), together=together)
        assert parse_query(f"BHXH {dash}giả") == expected, dash


@pytest.mark.parametrize("text", ["\u2013", "\u2014 \u2212", '\u2013""'])
def test_typed_dashes_alone_are_no_word(text: str) -> None:
    with pytest.raises(QueryError, match="không có từ nào để tìm"):
        parse_query(text)


def test_typed_dashes_alone_before_words_only_exclude() -> None:
    with pytest.raises(QueryError, match="loại trừ"):
        parse_query('\u2013giả \u2014"tin đồn"')


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BHXH", ParsedQuery(any_of=(BHXH,))),
        ("bảo hiểm xã hội", ParsedQuery(any_of=((BHXH[1], BHXH[0]),))),
        ('"Bảo hiểm xã hội"', ParsedQuery(any_of=((BHXH[1], BHXH[0]),))),
        ("bao hiem xa hoi", ParsedQuery(any_of=((("bao", "hiem", "xa", "hoi"), ("bhxh",)),))),
        # The longest form wins; loose words around it stay required words.
        (
            "chế độ BHXH Việt Nam",
            ParsedQuery(terms=("chế", "độ"), any_of=((("bhxh", "việt", "nam"), *BHXHVN),)),
        ),
        # A form holding another group's form stands with that group's other forms in it.
        ("bảo hiểm xã hội Việt Nam", ParsedQuery(any_of=(BHXHVN_WRITTEN_OUT,))),
        ("NLĐ OR BHXH", ParsedQuery(any_of=((("nlđ",), ("người", "lao", "động"), *BHXH),))),
        ("tin -BHXH", ParsedQuery(terms=("tin",), excluded=BHXH)),
        ("bảo hiểm", ParsedQuery(terms=("bảo", "hiểm"))),
    ],
)
def test_synonyms_expand_forms(text: str, expected: ParsedQuery) -> None:
    # The parts to match (`together`, the phrases to rank first, has its own test).
    assert replace(parse_query(text, FIELD), together=()) == expected


@pytest.mark.parametrize(
    ("text", "together"),
    [
        # Several parts: the words in order, with each synonym form in turn.
        ("so BHXH", (("so", "bhxh"), ("so", "bảo", "hiểm", "xã", "hội"))),
        ("sổ bảo hiểm xã hội", (("sổ", "bảo", "hiểm", "xã", "hội"), ("sổ", "bhxh"))),
        ("tăng lương hưu", (("tăng", "lương", "hưu"),)),
        ("luong huu -chậm", (("luong", "huu"),)),  # an exclusion is no word to find
        (
            "b.h.x.h so",
            (("bhxh", "so"), ("bảo", "hiểm", "xã", "hội", "so"), ("b", "h", "x", "h", "so")),
        ),
        # Nothing to rank by: one part, quotes, OR, a glued number.
        ("bao hiem xa hoi", ()),
        ("luong", ()),
        ('so "bhxh"', ()),
        ("so OR bhxh", ()),
        ("so 1/7", ()),
    ],
)
def test_loose_words_are_also_read_as_standing_together(
    text: str, together: tuple[tuple[str, ...], ...]
) -> None:
    assert parse_query(text, FIELD).together == together


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("so bhxh", True),
        ("tuổi nghi hưu", True),  # "nghi" may be "nghỉ" typed without its diacritics
        ("BHXH một lan", True),
        ("sổ BHXH", False),  # BHXH has no diacritics to drop
        ("đóng BHXH 2025", False),
        ("tăng lương hưu", False),
        ("lương", False),  # one word: nothing to find together
    ],
)
def test_words_to_find_together_are_sought_folded_when_one_may_have_lost_its_diacritics(
    text: str, bare: bool
) -> None:
    assert parse_query(text, FIELD).together_bare is bare


def test_words_to_find_together_have_at_most_a_few_spellings() -> None:
    parsed = parse_query("bhxh nld bhxh bhxh", FIELD)
    assert len(parsed.together) == MAX_TOGETHER_PHRASES
    assert parsed.together[0] == ("bhxh", "nld", "bhxh", "bhxh")


@pytest.mark.parametrize("text", ["!!!", "—", '""', "()", "*", "-", "\x00\x07;--", "OR", "NOT"])
def test_text_without_a_word_is_a_query_error(text: str) -> None:
    # Read as no text, it would list the whole archive as if nothing had been typed.
    with pytest.raises(QueryError, match="không có từ nào để tìm"):
        parse_query(text)


@pytest.mark.parametrize("text", ["", "  \t ", "\u200b", "\x00\x1f"])
def test_blank_text_asks_for_no_text(text: str) -> None:
    assert parse_query(text).empty


HEALTH = Synonyms.from_forms([["BHYT", "bảo hiểm y tế"], ["BHXH tự nguyện", "BHXHTN"]])
BHYT = (("bhyt",), ("bảo", "hiểm", "y", "tế"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The abbreviation with its synonyms, then the letters as the index holds them.
        ("B.H.Y.T", ParsedQuery(any_of=((*BHYT, ("b", "h", "y", "t")),))),
        ("b.h.y.t.", ParsedQuery(any_of=((*BHYT, ("b", "h", "y", "t")),))),
        ("(B.H.Y.T),", ParsedQuery(any_of=((*BHYT, ("b", "h", "y", "t")),))),
        ("BHYT.", ParsedQuery(any_of=(BHYT,))),
        ("x -B.H.Y.T", ParsedQuery(terms=("x",), excluded=(*BHYT, ("b", "h", "y", "t")))),
        ('"thẻ B.H.Y.T"', ParsedQuery(any_of=((("thẻ", "bhyt"), ("thẻ", "b", "h", "y", "t")),))),
        (
            "B.H.X.H tự nguyện",
            ParsedQuery(
                any_of=(
                    (("bhxh", "tự", "nguyện"), ("bhxhtn",), ("b", "h", "x", "h", "tự", "nguyện")),
                )
            ),
        ),
        # Not abbreviations: longer words and numbers keep their parts (a number's in order).
        ("TP.HCM", ParsedQuery(terms=("tp", "hcm"), together=(("tp", "hcm"),))),
        (
            "1.7.2025 10.5 Q.1",
            ParsedQuery(
                phrases=(("q", "1"),),
                any_of=((("1", "7", "2025"), ("01", "07", "2025")), (("10", "5"), ("10", "05"))),
            ),
        ),
    ],
)
def test_a_dotted_abbreviation_is_its_word_or_its_letters(text: str, expected: ParsedQuery) -> None:
    assert parse_query(text, HEALTH) == expected


def test_exclusions_alone_are_a_query_error() -> None:
    with pytest.raises(QueryError, match="loại trừ"):
        parse_query('-giả -"tin đồn"')


def test_accented_part_drops_groups_a_bare_form_can_meet() -> None:
    parsed = parse_query("lương BHXH OR hưu OR trí", FIELD)
    assert parsed.accented_part() == ParsedQuery(terms=("lương",))
    parsed = parse_query("lương hưu OR trí", FIELD)
    assert parsed.accented_part() == ParsedQuery(terms=("lương",), any_of=((("hưu",), ("trí",)),))


def test_query_limits_are_query_errors_with_a_safe_message() -> None:
    with pytest.raises(QueryError, match=str(MAX_QUERY_CHARS)):
        parse_query("a" * (MAX_QUERY_CHARS + 1))
    with pytest.raises(QueryError, match=str(MAX_QUERY_TERMS)):
        parse_query(" ".join(f"t{i}" for i in range(MAX_QUERY_TERMS + 1)))
    with pytest.raises(QueryError, match=str(MAX_QUERY_TERMS)):  # a dotted word's letters count
        parse_query(".".join("a" * (MAX_QUERY_TERMS + 1)))


def test_invisible_characters_are_not_word_breaks() -> None:
    typed = "b\u200bảo hi\u00adểm -\ufeffgi\u200dả"
    assert parse_query(typed) == parse_query("bảo hiểm -giả")


def test_folded_query() -> None:
    parsed = parse_query('giả "lương hưu"')
    assert parsed.folded() == ParsedQuery(terms=("gia",), phrases=(("luong", "huu"),))


def test_snippet_escapes_and_marks() -> None:
    text = "Mở đầu. " * 40 + "Cảnh báo <b>tin giả</b> & lừa đảo. " + "Kết thúc. " * 40
    snippet = make_snippet(text, parse_query("giả"))
    assert "<mark>giả</mark>&lt;/b&gt; &amp; lừa đảo" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<b>" not in snippet


def test_snippet_marks_the_accented_forms_of_a_bare_word_in_every_hit() -> None:
    text = "Ông ta báo tin giả."
    for folded in (False, True):
        assert make_snippet(text, parse_query("gia"), folded=folded) == (
            "Ông ta báo tin <mark>giả</mark>."
        )
    assert "<mark>" not in make_snippet(text, parse_query("giá"))


def test_a_folded_snippet_marks_words_typed_with_diacritics_only_as_typed() -> None:
    # "cảnh" and "bảo" matched as typed: "cạnh", "canh" and "báo" are other words.
    text = "Cạnh tranh, canh gác, hoàn cảnh khó khăn vì tin giả; thông báo về bảo hiểm."
    assert make_snippet(text, parse_query("gia cảnh"), folded=True) == (
        "Cạnh tranh, canh gác, hoàn <mark>cảnh</mark> khó khăn vì tin <mark>giả</mark>; "
        "thông báo về bảo hiểm."
    )
    assert make_snippet(text, parse_query("bảo hiem"), folded=True, width=400) == (
        "Cạnh tranh, canh gác, hoàn cảnh khó khăn vì tin giả; thông báo về <mark>bảo hiểm</mark>."
    )


@pytest.mark.parametrize("folded", [False, True], ids=["exact", "folded"])
def test_snippets_mark_phrases_only_where_their_words_stand_together(folded: bool) -> None:
    bhyt = Synonyms.from_forms([["BHYT", "bảo hiểm y tế"]])
    text = "Trạm y tế xã cấp thẻ BHYT; bảo hiểm xe máy khác thẻ bảo hiểm, y tế."
    assert make_snippet(text, parse_query("BHYT", bhyt), folded=folded) == (
        "Trạm y tế xã cấp thẻ <mark>BHYT</mark>; bảo hiểm xe máy khác thẻ "
        "<mark>bảo hiểm</mark>, <mark>y tế</mark>."
    )
    text = "Chi tiền, trả nợ, lương thấp; chi trả lương hưu đúng hạn."
    assert make_snippet(text, parse_query('"chi trả lương hưu"'), folded=folded) == (
        "Chi tiền, trả nợ, lương thấp; <mark>chi trả lương hưu</mark> đúng hạn."
    )


def test_snippet_without_query_is_the_escaped_start() -> None:
    assert make_snippet("<i>x</i>", ParsedQuery()) == "&lt;i&gt;x&lt;/i&gt;"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The query word first occurs inside a longer word: reading starts at that word.
        ("xbhyt và BHYT", "xbhyt và <mark>BHYT</mark>"),
        # Lower case moves characters (İ becomes two) or depends on context (Σ): every word is read.
        ("İ BHYT", "İ <mark>BHYT</mark>"),
        ("ΑΣ BHYT", "ΑΣ <mark>BHYT</mark>"),
        ("không có", "không có"),
    ],
)
def test_snippet_finds_the_first_hit_wherever_reading_starts(text: str, expected: str) -> None:
    assert make_snippet(text, parse_query("bhyt")) == expected


_MARKS = re.compile("[\u0300-\u036f]+")


@given(st.text())
def test_fold_is_decomposition_without_marks(text: str) -> None:
    # The definition the folded index was built with (rows are deleted by it).
    decomposed = unicodedata.normalize("NFD", text.lower())
    assert fold(text) == _MARKS.sub("", decomposed).replace("đ", "d")


@pytest.mark.parametrize("first_hit", [0, 600], ids=["at-start", "further-in"])
def test_a_snippet_ends_between_words(first_hit: int) -> None:
    # The window's last word is dropped when the window would end inside it: "…xã h…" is no
    # word, and a phrase's mark would stop half-way through it.
    text = "Người hưởng nhận tiền " * (first_hit // 22) + "BHYT " + "Chính sách hỗ trợ " * 40
    snippet = make_snippet(text, parse_query("BHYT"))
    shown = snippet.replace("<mark>", "").replace("</mark>", "").strip("…")
    end = text.index(shown) + len(shown)
    assert snippet.endswith("…") and shown == shown.rstrip()
    assert text[end - 1].isalnum() and not text[end].isalnum(), shown[-20:]


@pytest.mark.parametrize("cut", ["1.234.567 đồng", "🇻🇳🇻🇳🇻🇳", "https://baohiemxahoi.gov.vn/tin"])
def test_a_snippet_never_ends_inside_a_number_a_link_or_an_emoji(cut: str) -> None:
    # "1.234.5…" reads as another amount, a lone regional indicator as a letter in a box.
    text = "BHYT " + "hỗ trợ " * 32 + cut + " " + "Chính sách hỗ trợ " * 20
    for width in range(225, 245):
        shown = make_snippet(text, parse_query("BHYT"), width=width).removesuffix("…")
        rest = text[len(shown.replace("<mark>", "").replace("</mark>", "")) :]
        assert rest[0].isspace(), (width, shown[-12:])
