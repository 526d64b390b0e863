"""What the page after a successful action says was done, kept nowhere on the server: the 303
redirect after it names the action in a query parameter, and the page shown reads it back.

Only what the app itself writes is said: the queue names the item just taken (its id, whose title
is read from the archive) while the session holds it, the item page the status just saved (one of
the fixed statuses) while the item has it, with what deciding the story's other copies with it
did while that still holds, and a sending to the Center or back to the province
while the item is where it put it; anything else in the parameter says nothing. A reload
of the page shown is a GET: it sends nothing again.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote, urlencode

from pressmon.review.copies_decision import MAX_DECIDED
from pressmon.review.labels import label, office_label
from pressmon.review.statuses import STATUSES
from pressmon.review.workflow import Action

TAKEN_PARAM = "da_nhan"  # the queue: the id of the item the session just took
SAVED_PARAM = "da_luu"  # the item page: the status just saved on it, or the sending just made
SENDINGS = ("escalate", "send_back")  # the actions SAVED_PARAM names by their kind
# The item page after a status saved with the story's other copies too ("Áp dụng cho cả N
# bản"): COPIES_PARAM says they were decided with it, SKIPPED_PARAM names (comma-separated) the
# copies the rules refused, whose reasons the page reads again (see copies_decision).
COPIES_PARAM = "cung_noi_dung"
SKIPPED_PARAM = "bo_qua"
MAX_SKIPPED = MAX_DECIDED * 65  # ids of 16-64 hex digits, each with its comma
DONE_PARAMS = (TAKEN_PARAM, SAVED_PARAM)


def row_anchor(document_id: str) -> str:
    """The id of the queue row of item `document_id`: a take leads back to it."""
    return f"bai-{document_id}"


def done_target(
    document_id: str,
    action: Action,
    actor: str,
    queue: str | None,
    kept: str,
    skipped: Sequence[str] | None = None,
) -> str:
    """Where the page goes after `action` by `actor` on the item succeeded: `queue`, the queue
    view to go back to (a take names the item and leads to its row), else the item's log (a
    status saved names it); `kept`: the item page's "quay_lai=…" query, or ""; `skipped`: a
    status was saved with the story's other copies too, these ids skipped (None: it was not),
    which the item page tells of, not the queue."""
    if queue is not None and skipped is None:
        if action.kind != "assign" or action.assignee != actor:
            return queue
        taken = urlencode({TAKEN_PARAM: document_id})
        anchor = quote(row_anchor(document_id), safe="")
        return f"{queue}{'&' if '?' in queue else '?'}{taken}#{anchor}"
    done = action.status if action.kind == "status" else action.kind
    said = urlencode({SAVED_PARAM: done}) if done and action.kind in ("status", *SENDINGS) else ""
    if skipped is not None and action.kind == "status":
        copies = {COPIES_PARAM: "1"} | ({SKIPPED_PARAM: ",".join(skipped)} if skipped else {})
        said = f"{said}&{urlencode(copies)}"
    query = "&".join(q for q in (said, kept) if q)
    return f"/bai/{quote(document_id, safe='')}{'?' + query if query else ''}#nhat-ky"


def taken_notice(title: str) -> str:
    """The queue's words for the item titled `title` just taken."""
    return f"Đã nhận xử lý bài «{title}»."


def saved_notice(said: str, status: str) -> str:
    """The item page's words for the status `said` (the parameter) saved, if the item (now at
    `status`) has it; "" for anything else."""
    if said not in STATUSES or said != status:
        return ""
    return f"Đã lưu trạng thái “{label(said)}”."


def sent_notice(said: str, waiting: bool, sent_back_to: tuple[str, ...]) -> str:
    """The item page's words for the sending `said` (the parameter) just made, while it stands:
    `waiting`, the item waits for the Center's answer; `sent_back_to`, the provinces the
    Center's answer now standing sent it back to (() if it is no send-back). "" otherwise."""
    if said == "escalate" and waiting:
        return (
            "Đã chuyển bài lên Trung tâm. Bài ở mục “Chờ Trung tâm kết luận” đến khi Trung tâm "
            "trả lời."
        )
    if said == "send_back" and sent_back_to:
        offices = ", ".join(office_label(p) for p in sent_back_to)
        return f"Đã trả lại {offices}. Tỉnh thấy ghi chú của Trung tâm trên trang bài này."
    return ""
