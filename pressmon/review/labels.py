"""The one label table: the Vietnamese text shown for every stored code (tiers, review statuses,
follow-ups, audit actions). Web pages, CSV/XLSX exports and human CLI output read it; JSON
carries the code with its label beside it.

Tier names come from `classifier.types.TIER_LABELS`: the classifier's model card prints them too,
and the classifier may import nothing of pressmon.
"""

from __future__ import annotations

from collections.abc import Mapping

from classifier.types import TIER_LABELS
from index.types import ReviewEvent
from pressmon.review.statuses import (
    CORRECTION_REQUESTED,
    FALSE,
    IN_PROGRESS,
    INSUFFICIENT,
    NO_VIOLATION,
    OUT_OF_SCOPE,
    REPORTED_TO_LEADERSHIP,
    UNSTARTED,
)

STATUS_LABELS: Mapping[str, str] = {
    UNSTARTED: "Chưa xử lý",
    IN_PROGRESS: "Đang xác minh",
    FALSE: "Sai sự thật",
    NO_VIOLATION: "Không vi phạm",
    INSUFFICIENT: "Chưa đủ căn cứ",
    OUT_OF_SCOPE: "Không thuộc phạm vi",
}
FOLLOW_UP_LABELS: Mapping[str, str] = {
    CORRECTION_REQUESTED: "Đã đề nghị cải chính",
    REPORTED_TO_LEADERSHIP: "Đã báo cáo lãnh đạo",
}
ACTION_LABELS: Mapping[str, str] = {
    "status": "Đổi trạng thái",
    "follow_up": "Xử lý tiếp",
    "reopen": "Mở lại",
    "assign": "Phân công",
    "note": "Ghi chú",
}
# Tier, status and follow-up codes are distinct words, so one table serves them all.
LABELS: Mapping[str, str] = {**TIER_LABELS, **STATUS_LABELS, **FOLLOW_UP_LABELS}


IMPORTED_SUFFIX = " (nhập từ tệp)"


def actor_label(event: ReviewEvent) -> str:
    """Who did it, as shown: an imported event's actor is only the name its file gave."""
    return event.actor + (IMPORTED_SUFFIX if event.imported else "")


def label(code: str | None) -> str:
    """The Vietnamese text for a tier, status or follow-up code ("" for None); an unknown value
    is shown as it is stored, so nothing a reviewer should see is hidden."""
    if code is None:
        return ""
    return LABELS.get(code, code)
