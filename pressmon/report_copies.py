"""Which items the leadership report lists are copies of one content (`Document.story_id`: the
same post reposted in other groups, a syndicated article), counted among the listed items only.
Every copy keeps its own row (each is a publication with its own link and saved copy): the
report only says how many distinct contents the rows are."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from index.types import Document


def distinct_contents(docs: Iterable[Document]) -> int:
    """How many distinct contents `docs` are."""
    return len({d.story for d in docs})


def other_copies(docs: Sequence[Document]) -> dict[str, int]:
    """Each of `docs` by id -> how many others of `docs` are copies of its content (0 left
    out)."""
    counted = Counter(d.story for d in docs)
    return {d.id: counted[d.story] - 1 for d in docs if counted[d.story] > 1}
