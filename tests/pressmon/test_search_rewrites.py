"""The rewrites a search with no match suggests: each loosens the query it names, and only that."""

from __future__ import annotations

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
