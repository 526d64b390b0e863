"""A stored article read again: did it change, and what the archive keeps of the earlier copy.

Pure. The crawl pipeline asks when discovery showed a stored article changed and the page was
fetched again (crawlers.revisions); the archive then updates the entry with the same id in
place, never adding a second one.
"""

from __future__ import annotations

from dataclasses import replace

from index.types import Document
from vntext.normalize import normalize_spelling


def content_changed(fresh: Document, archived: Document) -> bool:
    """Whether what the reader sees differs: headline, SEO title, text or publication date.

    `fresh` is as processing prepared it; `archived` as the archive stored it, with its text in
    stored spelling (NFC, modern tone placement), so `fresh` is compared in that spelling too.
    """
    return (
        normalize_spelling(fresh.title) != archived.title
        or normalize_spelling(fresh.seo_title) != archived.seo_title
        or normalize_spelling(fresh.body) != archived.body
        or fresh.published_at != archived.published_at
    )


def updated_document(fresh: Document, archived: Document) -> Document:
    """`fresh`, to replace `archived` under the same id: it stays in its story (syndicated copies
    counted once keep counting it so) and its review status is the reviewers' own. Decisions,
    notes and the audit trail live beside the article and are not touched by an update."""
    return replace(fresh, story_id=archived.story_id, review_status=archived.review_status)
