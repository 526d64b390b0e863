"""Elasticsearch splits text where SQLite's unicode61 tokenizer does, without a server.

The char filter's pattern is run by the `regex` module, whose syntax for what it uses
(`\\p{..}`, `\\uXXXX` inside classes, a bounded lookbehind) is Java's, then split at spaces as
the whitespace tokenizer does; the result is compared with the tokens FTS5 itself makes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from index.elastic_mapping import ANALYSIS, DIACRITICS, SEPARATOR_PATTERN
from index.text import fold, words

SEPARATORS = regex.compile(SEPARATOR_PATTERN)
NO_DIACRITICS = regex.compile(ANALYSIS["filter"]["vi_no_diacritics"]["pattern"])


def es_tokens(text: str, *, folded: bool = False) -> list[str]:
    """The tokens of `vi_exact` (or the boundaries and stripped diacritics of `vi_folded`)."""
    tokens = [t.lower() for t in SEPARATORS.sub(" ", text).split(" ") if t]
    return [NO_DIACRITICS.sub("", t) for t in tokens] if folded else tokens


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    for diacritics in (0, 2):  # as the exact and folded indexes of `index.sqlite_schema`
        conn.execute(
            f"CREATE VIRTUAL TABLE t{diacritics} USING fts5(x, "
            f"tokenize='unicode61 remove_diacritics {diacritics}')"
        )
        conn.execute(f"CREATE VIRTUAL TABLE v{diacritics} USING fts5vocab(t{diacritics}, instance)")
    yield conn
    conn.close()


def fts_tokens(conn: sqlite3.Connection, text: str, *, folded: bool = False) -> list[str]:
    table = 2 if folded else 0
    conn.execute(f"DELETE FROM t{table}")
    conn.execute(f"INSERT INTO t{table}(x) VALUES (?)", (text,))
    rows = conn.execute(f"SELECT term FROM v{table} ORDER BY offset").fetchall()
    return [term for (term,) in rows]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("TP.HCM", ["tp", "hcm"]),
        ("1.000.000 đồng", ["1", "000", "000", "đồng"]),
        ("ngày 1.7.2025", ["ngày", "1", "7", "2025"]),
        ("tăng 10,5%", ["tăng", "10", "5"]),
        ("#chinh_sach-moi", ["chinh", "sach", "moi"]),
        ("e-mail: bhxh@vss.gov.vn", ["e", "mail", "bhxh", "vss", "gov", "vn"]),
        ("Đắk\u00a0Lắk’s 😀 “tin”", ["đắk", "lắk", "s", "tin"]),
        ("giá\u200btrị", ["giá", "trị"]),
        ("x\ue000y", ["x\ue000y"]),  # private use: inside a token (SQLite's filter tags)
        ("x\u0301\u0323y", ["x\u0301\u0323y"]),  # a leftover diacritic continues its token
        (" \u0301\u0301x", ["x"]),  # but starts none
        ("a\u0903b q\u20ddr", ["a", "b", "q", "r"]),  # other combining marks separate
        ("½ Ⅻ 日本語", ["½", "ⅻ", "日本語"]),
    ],
)
def test_the_exact_analyzer_splits_as_unicode61(
    fts: sqlite3.Connection, text: str, expected: list[str]
) -> None:
    assert es_tokens(text) == fts_tokens(fts, text) == expected


def test_the_folded_analyzer_strips_the_diacritics_unicode61_strips(
    fts: sqlite3.Connection,
) -> None:
    text = "TP.HCM x\u0301y tr\u0323"
    assert es_tokens(text, folded=True) == fts_tokens(fts, text, folded=True)
    assert es_tokens(text, folded=True) == ["tp", "hcm", "xy", "tr"]


def test_a_query_splits_as_the_text_it_searches() -> None:
    # `index.query_parser` splits a query itself; the analyzer then keeps its words whole.
    for text in ("TP.HCM", "1.000.000 đồng", "bảo_hiểm-xã hội"):
        assert es_tokens(" ".join(words(text))) == es_tokens(text) == words(text)


VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxy"
OTHERS = "AĐƯỆ0123456789 .,;:_-–/%#@'\"()\n\t\u00a0\u200b\u0301\u0323\u0340\u0903\ue000😀½²日"


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.text(alphabet=VIETNAMESE + OTHERS, max_size=60))
def test_any_text_splits_as_unicode61(fts: sqlite3.Connection, text: str) -> None:
    assert es_tokens(text) == fts_tokens(fts, text)
    # asciifolding is Elasticsearch's: compared folded the same way on both sides.
    folded = [fold(t) for t in fts_tokens(fts, text, folded=True)]
    assert [fold(t) for t in es_tokens(text, folded=True)] == folded


def test_the_diacritics_are_those_unicode61_keeps_after_a_letter(fts: sqlite3.Connection) -> None:
    kept = {
        chr(code)
        for code in range(0x0300, 0x0370)
        if fts_tokens(fts, f"a{chr(code)}b") == [f"a{chr(code)}b"]
    }
    listed = regex.compile(f"[{DIACRITICS}]")
    assert kept == {chr(code) for code in range(0x0300, 0x0370) if listed.match(chr(code))}
