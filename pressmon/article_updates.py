"""A stored article read again: did it change, and what the archive keeps of the earlier copy.

Pure. The crawl pipeline asks when discovery showed a stored article changed and the page was
fetched again (crawlers.revisions); the archive then updates the entry with the same id in
place, never adding a second one.
"""

from __future__ import annotations

from dataclasses import replace

from index.types import Document
from vntext.normalize import normalize_spelling

# What a reader sees of an article, as `changed_fields` names it: the headline (the one shown or
# the SEO title), the text, the publication date.
TITLE, BODY, PUBLISHED_AT = "title", "body", "published_at"


def changed_fields(fresh: Document, archived: Document) -> tuple[str, ...]:
    """What the reader sees that differs, in that order: TITLE (headline or SEO title), BODY,
    PUBLISHED_AT; empty when nothing does.

    `fresh` is as processing prepared it; `archived` as the archive stored it, with its text in
    stored spelling (NFC, modern tone placement), so `fresh` is compared in that spelling too.
    """
    differs = {
        TITLE: normalize_spelling(fresh.title) != archived.title
        or normalize_spelling(fresh.seo_title) != archived.seo_title,
        BODY: normalize_spelling(fresh.body) != archived.body,
        PUBLISHED_AT: fresh.published_at != archived.published_at,
    }
    return tuple(name for name, changed in differs.items() if changed)


def content_changed(fresh: Document, archived: Document) -> bool:
    """Whether what the reader sees differs: headline, SEO title, text or publication date."""
    return bool(changed_fields(fresh, archived))


def updated_document(fresh: Document, archived: Document) -> Document:
    """`fresh`, to replace `archived` under the same id: it stays in its story (syndicated copies
    counted once keep counting it so) and its review status is the reviewers' own. Decisions,
    notes and the audit trail live beside the article and are not touched by an update."""
    return replace(fresh, story_id=archived.story_id, review_status=archived.review_status)
