"""The search benchmark's notion of a meant hit (`benchmarks/search_eval.py`)."""

from __future__ import annotations

from benchmarks.search_eval import QUERIES, is_meant, spellings
from index.synonyms import Synonyms
from index.text import fold
from tests.index.index_factories import make_doc

BHXH = Synonyms.from_forms([["BHXH", "bảo hiểm xã hội"]])


def test_a_meant_phrase_is_also_met_in_every_form_of_its_synonyms() -> None:
    assert spellings("Sổ BHXH", BHXH) == {" sổ bhxh ", " sổ bảo hiểm xã hội "}
    assert spellings("lương hưu", BHXH) == {" lương hưu "}


def test_a_hit_is_meant_when_it_holds_the_meant_words_next_to_each_other() -> None:
    meant = spellings("sổ BHXH", BHXH)
    assert is_meant(make_doc("a", title="Cấp lại", body="Cấp lại sổ bảo hiểm xã hội."), meant)
    assert is_meant(make_doc("b", title="Sổ, BHXH", body="."), meant)  # punctuation aside
    assert not is_meant(make_doc("c", title="BHXH", body="Tăng so với năm trước; sổ mới."), meant)


def test_every_query_is_typed_bare_from_what_it_means() -> None:
    assert all(q.bare.isascii() and q.bare == q.bare.lower() for q in QUERIES)
    assert len({q.bare for q in QUERIES}) == len(QUERIES)


def test_every_query_is_also_typed_in_another_order() -> None:
    assert QUERIES[0].reordered == "BHXH sổ"
    for query in QUERIES:
        assert sorted(query.reordered.split()) == sorted(query.meant[0].split())
        assert query.reordered != query.meant[0]


def test_every_query_is_also_typed_with_one_word_bare() -> None:
    assert QUERIES[0].partly_bare == "so BHXH"
    for query in QUERIES:
        typed = query.partly_bare.split()
        assert [fold(w) for w in typed] == [fold(w) for w in query.meant[0].split()]
        assert sum(w != m for w, m in zip(typed, query.meant[0].split(), strict=True)) == 1
