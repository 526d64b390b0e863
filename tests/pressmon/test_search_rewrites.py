"""The rewrites a search with no match suggests: each loosens the query it names, and only that."""

from __future__ import annotations

from dataclasses import replace

from index.query_parser import parse_query
from pressmon.search_hints import rewrites


def test_rewrites_keep_an_excluded_phrase_out_whole() -> None:
    # No required phrase: "without quotes" would be the query itself and is not offered.
    folded, kept, any_word = rewrites('lương hưu -"tin giả" xyzzy')
    assert folded == 'luong huu -"tin gia" xyzzy'
    assert kept == "lương hưu xyzzy"
    assert any_word == "lương OR hưu OR xyzzy"
    for text in (kept, any_word):
        assert "giả" not in parse_query(text).all_words(), text


def test_without_quotes_unquotes_the_required_phrases_only() -> None:
    assert rewrites('"lương hưu" -"tin giả"') == (
        '"luong huu" -"tin gia"',
        'lương hưu -"tin giả"',
        '"lương hưu"',
        "lương OR hưu",
    )


def test_an_or_typed_is_no_word_to_join() -> None:
    assert rewrites("BHXH OR BHYT xyzzy")[-1] == "BHXH OR BHYT OR xyzzy"


def test_capital_and_and_not_are_operators_not_words_to_find() -> None:
    # Before, "AND" folded into a required word "and" and NOT's word became a word to find.
    assert rewrites('BHXH AND "lương hưu" NOT "tin giả" NOT giả') == (
        'bhxh "luong huu" -"tin gia" -gia',
        'BHXH lương hưu -"tin giả" -giả',
        'BHXH "lương hưu"',
        "BHXH OR lương OR hưu",
    )
    for text in rewrites("lương AND hưu NOT giả"):
        assert parse_query(text).all_words() in (("lương", "hưu"), ("luong", "huu")), text
        assert parse_query(text).excluded in ((), (("giả",),), (("gia",),)), text


def test_rewrites_read_operators_as_the_parser_does() -> None:
    for text in (
        'lương NOT "bảo hiểm" hưu',
        "lương NOT OR hưu",
        "lương NOT -hưu giả",
        'lương NOT -"bảo hiểm" hưu',
        "lương and not hưu",
    ):
        without_diacritics = rewrites(text)[0]
        # The same parts to match (typed bare, they are also words to find together).
        parts = replace(parse_query(without_diacritics), together=())
        assert parts == parse_query(text).folded(), text


def test_a_dash_from_word_before_a_word_is_an_exclusion_to_drop_not_a_word_to_find() -> None:
    # Before, `–giả` was kept as a required word and offered in "any of the words".
    for dash in ("\u2013", "\u2014", "\u2212"):
        assert rewrites(f'"lương hưu" {dash}giả {dash}"tin đồn"') == (
            '"luong huu" -gia -"tin don"',
            'lương hưu -giả -"tin đồn"',
            '"lương hưu"',
            "lương OR hưu",
        ), dash
    # Between spaces it is punctuation: kept as typed, its word one to find.
    assert rewrites("lương hưu \u2013 giả")[-1] == "lương OR hưu OR giả"


def test_an_operator_typed_in_lower_case_is_offered_in_capitals() -> None:
    # `bhxh or bhyt` asks for a word "or" and finds nothing; the staffer meant BHXH OR BHYT.
    assert rewrites("bhxh or bhyt")[0] == "bhxh OR bhyt"
    assert "nghỉ hưu -giả" in rewrites("nghỉ hưu not giả")
    assert "chế độ thai sản" in rewrites("chế độ and thai sản")
    # Nothing to capitalise: no such rewrite.
    assert all(" OR " not in text for text in rewrites('"tin giả" lương')[:-1])
