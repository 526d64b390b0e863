"""Reviewers' decisions in the archive become labelled examples for retraining the flagger."""

from __future__ import annotations

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
    # Every one, past Elasticsearch's 10,000-hit window (`Archive.iter_documents`).
    decided = Query(review_statuses=frozenset(LABEL_FOR_DECISION))
    for document in archive.iter_documents(_PAGE, query=decided):
        label = LABEL_FOR_DECISION[document.review_status]
        examples.append(
            LabelledExample(
                text=document.body,
                title=document.title,
                label=label,
                category=document.category if label else None,
                stance="asserts" if label else document.stance,
                source="review",
                group=document.story,
            )
        )
    return examples
