"""The other copies of an item's story (`Document.story_id`: the same post reposted across
groups and pages, syndicated), as the item page lists them."""

from __future__ import annotations

from dataclasses import dataclass

from index.base import Archive
from index.types import Document, Query

MAX_COPIES = 50  # listed on the item page; the rest are counted


@dataclass(frozen=True)
class StoryCopies:
    copies: tuple[Document, ...]  # newest first, at most MAX_COPIES
    more: int  # copies matching beyond those listed (a lower bound when the count stopped)


def provinces_of(document: Document) -> str:
    """The provinces a copy is about, its main one first, for telling copies apart: a scam
    reposted per province differs by little else. Empty when it names none."""
    named = (document.province,) if document.province else ()
    return ", ".join(dict.fromkeys(named + document.provinces))


def other_copies(archive: Archive, document: Document, limit: int = MAX_COPIES) -> StoryCopies:
    """The other copies of `document`'s story in `archive` (the session's: a province sees its
    own), newest first: one page read, the document itself left out."""
    if not document.story_id:
        return StoryCopies((), 0)
    # One more than the limit: the document itself may be among them.
    found = archive.search(
        Query(stories=frozenset({document.story_id}), sort="date", page_size=limit + 1)
    )
    listed = tuple(hit.document for hit in found.hits if hit.document.id != document.id)[:limit]
    # The document matches too, listed or not (older than the page read).
    return StoryCopies(listed, max(0, found.total - 1 - len(listed)))
