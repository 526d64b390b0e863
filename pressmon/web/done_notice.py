"""What the page after a successful action says was done, kept nowhere on the server: the 303
redirect after it names the action in a query parameter, and the page shown reads it back.

Only what the app itself writes is said: the queue names the item just taken (its id, whose title
is read from the archive) while the session holds it, the item page the status just saved (one of
the fixed statuses) while the item has it; anything else in the parameter says nothing. A reload
of the page shown is a GET: it sends nothing again.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from pressmon.review.labels import label
from pressmon.review.statuses import STATUSES
from pressmon.review.workflow import Action

TAKEN_PARAM = "da_nhan"  # the queue: the id of the item the session just took
SAVED_PARAM = "da_luu"  # the item page: the status just saved on it
DONE_PARAMS = (TAKEN_PARAM, SAVED_PARAM)


def row_anchor(document_id: str) -> str:
    """The id of the queue row of item `document_id`: a take leads back to it."""
    return f"bai-{document_id}"


def done_target(document_id: str, action: Action, actor: str, queue: str | None, kept: str) -> str:
    """Where the page goes after `action` by `actor` on the item succeeded: `queue`, the queue
    view to go back to (a take names the item and leads to its row), else the item's log (a
    status saved names it); `kept`: the item page's "quay_lai=…" query, or ""."""
    if queue is not None:
        if action.kind != "assign" or action.assignee != actor:
            return queue
        taken = urlencode({TAKEN_PARAM: document_id})
        anchor = quote(row_anchor(document_id), safe="")
        return f"{queue}{'&' if '?' in queue else '?'}{taken}#{anchor}"
    said = urlencode({SAVED_PARAM: action.status}) if action.kind == "status" else ""
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
