"""The item page's confirmation before "Đã báo cáo lãnh đạo": the follow-up locks the decision
until a lead reopens it, and the append-only log keeps it for good, so one click must not record
it. Pages have no script: the follow-up form carries a checkbox the server checks.

Checked only when the form says it offered the checkbox (`asked`), as `seen` is only when sent:
the JSON API and programs posting the form keep their documented behaviour."""

from __future__ import annotations

from pressmon.review.labels import label
from pressmon.review.statuses import REPORTED_TO_LEADERSHIP
from pressmon.review.workflow import Action

CONFIRM_TEXT = "Tôi xác nhận đã báo cáo lãnh đạo"


def unconfirmed_report(action: Action, *, asked: bool, confirmed: bool) -> bool:
    """The page's follow-up form sent "Đã báo cáo lãnh đạo" with its confirmation unticked."""
    reporting = action.kind == "follow_up" and action.follow_up == REPORTED_TO_LEADERSHIP
    return reporting and asked and not confirmed


def unconfirmed_text() -> str:
    """What the page shown again says: why it asks, and what to do."""
    chosen = label(REPORTED_TO_LEADERSHIP)
    return (
        f"Chưa ghi nhận “{chosen}”: cần đánh dấu ô “{CONFIRM_TEXT}”. Sau khi ghi nhận, kết luận "
        "của bài được khoá cho đến khi lãnh đạo mở lại và không xoá được khỏi nhật ký; đánh dấu "
        "ô xác nhận rồi bấm “Ghi nhận” lần nữa."
    )
