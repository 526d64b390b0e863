"""The Vietnamese display names that archives stored as tiers and review values before codes.

Schema v5 of the SQLite archive and `index.transfer` imports of older exports turn them into the
codes stored since. This table is history, frozen like the migrations that read it: the names
staff see now live in `pressmon.review.labels`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import replace

from index.types import Document, ReviewEvent

CODE_FOR_LEGACY: Mapping[str, str] = {
    # tiers
    "cần xem ngay": "urgent",
    "nên xem": "review",
    "không ưu tiên": "low",
    # review statuses
    "Chưa xử lý": "unstarted",
    "Đang xác minh": "in_progress",
    "Sai sự thật": "false",
    "Không vi phạm": "no_violation",
    "Chưa đủ căn cứ": "insufficient",
    "Không thuộc phạm vi": "out_of_scope",
    # follow-ups
    "Đã đề nghị cải chính": "correction_requested",
    "Đã báo cáo lãnh đạo": "reported_to_leadership",
}


def coded(value: str) -> str:
    """The code for a legacy display name; any other value (a code already) unchanged.

    >>> coded("Sai sự thật"), coded("false")
    ('false', 'false')
    """
    return CODE_FOR_LEGACY.get(unicodedata.normalize("NFC", value), value)


def coded_document(document: Document) -> Document:
    tier = None if document.tier is None else coded(document.tier)
    return replace(document, tier=tier, review_status=coded(document.review_status))


def coded_event(event: ReviewEvent) -> ReviewEvent:
    detail = dict(event.detail)
    follow_up = detail.get("follow_up")
    if isinstance(follow_up, str):
        detail["follow_up"] = coded(follow_up)
    return replace(
        event,
        status_before=coded(event.status_before),
        status_after=coded(event.status_after),
        detail=detail,
    )
