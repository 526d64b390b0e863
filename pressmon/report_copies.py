"""Which items the leadership report lists are copies of one content (`Document.story_id`: the
same post reposted in other groups, a syndicated article), counted among the listed items only.
Every copy keeps its own row (each is a publication with its own link and saved copy): the
report only says how many distinct contents the rows are."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from index.types import Document


def content_id(doc: Document) -> str:
    """The item's story id, as the workbook's "Mã nội dung" gives it: an item without one is a
    content of its own."""
    return doc.story_id or doc.id


def distinct_contents(docs: Iterable[Document]) -> int:
    """How many distinct contents `docs` are."""
    return len({content_id(d) for d in docs})


def other_copies(docs: Sequence[Document]) -> dict[str, int]:
    """Each of `docs` by id -> how many others of `docs` are copies of its content (0 left
    out)."""
    counted = Counter(content_id(d) for d in docs)
    return {d.id: counted[content_id(d)] - 1 for d in docs if counted[content_id(d)] > 1}
