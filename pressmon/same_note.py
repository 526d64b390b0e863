"""Input lines that share a note, as one entry: a file of 5,000 lines from one outlet
sources.yaml lacks gave 5,000 identical notes, and the 20 shown hid any other."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pressmon.web.formatting import number

MAX_RUNS = 8  # runs of consecutive line numbers named before "…"


@dataclass(frozen=True)
class SameNote:
    """The input lines (by number, ascending) that got one note."""

    lines: tuple[int, ...]
    note: str

    @property
    def text(self) -> str:
        """ "dòng 1–3, 7 (4 dòng): note"; on one line "dòng 7: note", as before grouping.

        >>> SameNote((1, 2, 4, 9), "a").text
        'dòng 1–2, 4, 9 (4 dòng): a'
        """
        if len(self.lines) == 1:
            return f"dòng {self.lines[0]}: {self.note}"
        runs = _runs(self.lines)
        named = ", ".join(f"{a}–{b}" if b > a else f"{a}" for a, b in runs[:MAX_RUNS])
        more = ", …" if len(runs) > MAX_RUNS else ""
        return f"dòng {named}{more} ({number(len(self.lines))} dòng): {self.note}"


def grouped_notes(noted: Iterable[tuple[int, str]]) -> tuple[SameNote, ...]:
    """(line number, note) pairs → one `SameNote` per distinct note, in the order each note
    first appears."""
    lines: dict[str, list[int]] = {}
    for line, note in noted:
        lines.setdefault(note, []).append(line)
    return tuple(SameNote(tuple(numbers), note) for note, numbers in lines.items())


def _runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Ascending line numbers → (first, last) of each run of consecutive ones."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs
