"""Input lines sharing a note are one entry, their numbers as runs (`pressmon.same_note`)."""

from __future__ import annotations

import pytest

from pressmon.same_note import SameNote, grouped_notes


@pytest.mark.parametrize(
    ("lines", "text"),
    [
        ((7,), "dòng 7: a"),
        ((1, 2, 3), "dòng 1–3 (3 dòng): a"),
        ((1, 2, 4, 9), "dòng 1–2, 4, 9 (4 dòng): a"),
        (tuple(range(1, 19, 2)), "dòng 1, 3, 5, 7, 9, 11, 13, 15, … (9 dòng): a"),
        (tuple(range(1, 1201)), "dòng 1–1200 (1.200 dòng): a"),
    ],
    ids=["one", "a-run", "runs-and-single-lines", "past-eight-runs", "thousands"],
)
def test_an_entry_names_its_lines_as_runs(lines: tuple[int, ...], text: str) -> None:
    assert SameNote(lines, "a").text == text


def test_notes_group_in_the_order_they_first_appear() -> None:
    grouped = grouped_notes([(1, "b"), (2, "a"), (3, "b"), (5, "b")])
    assert grouped == (SameNote((1, 3, 5), "b"), SameNote((2,), "a"))
