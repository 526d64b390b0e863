"""Reviewers' decisions in the archive become labelled examples for retraining the flagger."""

from __future__ import annotations

from dataclasses import replace

from classifier.examples import LabelledExample
from index.base import Archive
from index.types import Query
from pressmon.review.statuses import FALSE, NO_VIOLATION, OUT_OF_SCOPE

# Only conclusive decisions teach the model; "insufficient" (Chưa đủ căn cứ) and open items do not.
LABEL_FOR_DECISION = {FALSE: 1, NO_VIOLATION: 0, OUT_OF_SCOPE: 0}
_PAGE = 200


def reviewed_examples(archive: Archive) -> list[LabelledExample]:
    """One example per decided article: label 1 for "false" (Sai sự thật), 0 for "no_violation"
    (Không vi phạm) and the like."""
    examples: list[LabelledExample] = []
    query = Query(review_statuses=frozenset(LABEL_FOR_DECISION), sort="date", page_size=_PAGE)
    while True:
        page = archive.search(query)
        for hit in page.hits:
            document = hit.document
            label = LABEL_FOR_DECISION[document.review_status]
            examples.append(
                LabelledExample(
                    text=document.body,
                    title=document.title,
                    label=label,
                    category=document.category if label else None,
                    stance="asserts" if label else document.stance,
                    source="review",
                    group=document.story_id or document.id,
                )
            )
        if not page.more_after or not page.hits:
            return examples
        query = replace(query, page=query.page + 1)
