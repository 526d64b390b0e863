"""A query with a slip in one of the Center's abbreviations (BHXN, VSSDI) is offered the form of
config/synonyms.yaml it is one edit from; words farther off, or too short to tell, are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.synonyms import Synonyms
from pressmon.search_hints import rewrites
from pressmon.settings import load_synonyms

ROOT = Path(__file__).resolve().parents[2]
FIELD = Synonyms.from_forms(load_synonyms(ROOT / "config" / "synonyms.yaml").synonyms)


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("BHYY", "BHYT"),  # a letter replaced
        ("BHXHH", "BHXH"),  # one added
        ("CCD Hà Nội", None),  # too short: three letters
        ("VSSDI", "VSSID"),  # two neighbours swapped
        ("vssdi", "vssid"),  # typed in lower case, offered so
        ("BHTM", "BHTN"),
        ("chi trả BHYY", "chi trả BHYT"),
    ],
)
def test_a_slip_in_an_abbreviation_is_offered_corrected(typed: str, offered: str | None) -> None:
    if offered is None:
        assert all("CCCD" not in r for r in rewrites(typed, FIELD))
    else:
        assert offered in rewrites(typed, FIELD)


def test_a_word_as_near_to_two_abbreviations_offers_both_in_the_file_order() -> None:
    suggested = rewrites("BHXN", FIELD)
    assert suggested.index("BHXH") < suggested.index("BHTN")


def test_every_slip_of_a_query_is_corrected_at_once() -> None:
    assert "BHYT BHTN" in rewrites("BHYY BHTM", FIELD)


def test_a_form_itself_an_excluded_word_and_a_far_word_are_left_alone() -> None:
    for typed in ("BHXH", "lương hưu -BHYY", "BHXXXH"):
        assert rewrites(typed, FIELD) == rewrites(typed), typed
