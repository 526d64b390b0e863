"""Typed answers of the JSON API (/api/*): the schemas /api/docs shows and responses are checked
against. Dates and times are ISO 8601 strings as stored (with their offset); tiers, statuses and
follow-ups are codes, each with its Vietnamese text in a `*_label` field beside it."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Me(_Out):
    username: str
    display_name: str
    role: str = Field(description="reviewer | lead | admin")
    province: str | None = Field(description="the provincial office's province; null: the Center")
    csrf_token: str = Field(description="send as the X-CSRF-Token header on every write")


class DocumentSummary(_Out):
    """An archived article without its text (search hits, queue rows)."""

    id: str
    url: str
    canonical_url: str
    outlet: str = Field(description="source id")
    outlet_name: str
    kind: str = Field(description="sector | national | provincial | other")
    title: str
    published_at: str = Field(description="ISO 8601")
    crawled_at: str = Field(description="ISO 8601")
    province: str | None
    provinces: list[str]
    topics: list[str]
    relevance_reasons: list[str]
    story_id: str | None
    date_source: str | None
    date_reason: str = Field(description="why the date candidate won (extractor's code text)")
    date_disagreements: list[str] = Field(description="candidates that disagreed, as JSON text")
    seo_title: str = Field(description="the page's SEO title when it differs from the headline")
    extraction: dict[str, str]
    risk: float | None = Field(description="triage score 0–1, not a verdict")
    tier: str | None = Field(description="urgent | review | low")
    category: str | None
    stance: str | None
    model_version: str | None
    review_status: str
    tier_label: str
    review_status_label: str
    date_source_label: str
    date_reason_label: str
    date_disagreement_labels: list[str]


class DocumentFull(DocumentSummary):
    """An archived article with its text and the flagger's reasons."""

    body: str
    flag_details: dict[str, Any]


class SearchHit(_Out):
    document: DocumentSummary
    score: float
    snippet: str
    marked_title: str = Field(
        description="the document's whole title, HTML-escaped, the query's matches in "
        "<mark>…</mark> as in `snippet`"
    )
    match: str


class SearchSuggestion(_Out):
    """A rewrite of the query that finds articles, as /tim-kiem and `pressmon search` offer it."""

    text: str = Field(description="the query to send as q instead")
    total: int = Field(description="how many articles it finds with the same filters")
    total_exact: bool = Field(description="false: more than `total` (counting stopped there)")


class SearchResult(_Out):
    total: int
    total_exact: bool  # False: more than `total` articles match (counting stopped there)
    page: int = Field(
        description="the page whose hits these are: the last page when trang asked past it "
        "(then it differs from `requested_page`)"
    )
    requested_page: int = Field(description="the page asked for (trang, default 1)")
    page_size: int
    reachable: int | None = Field(
        description="how many matches this order pages through when it leaves some out "
        "(the first 5,000 by relevance on SQLite, 10,000 in either order on Elasticsearch); "
        "null: every match, as when fewer match than that. A page past them needs xep=date"
    )
    last_reachable_page: int | None = Field(
        description="the last page this order serves at this page size when `reachable` leaves "
        "matches out; null: no such limit (every page up to the last match is served)"
    )
    hits: list[SearchHit]
    suggestions: list[SearchSuggestion] = Field(
        description="when nothing matches (total 0): up to 3 rewrites of q that find articles "
        "(without diacritics, an abbreviation slip corrected as BHXN → BHXH, a lower-case or "
        "written OR, without quotes or exclusions, any of the words), in the order /tim-kiem "
        "offers them; empty when something matches or no rewrite finds anything"
    )


class ReviewStateOut(_Out):
    status: str
    follow_ups: list[str]
    locked: bool = Field(description="reported to leadership: a lead must reopen it first")
    assignee: str | None = Field(description="the handler's username; null when not assigned")
    assignee_name: str | None = Field(
        description="the handler's display name, its username when it has none, as the pages show"
    )
    changed_since_decision: bool = Field(
        description="edited at its source (a content_changed event) since someone last acted on it"
    )
    status_label: str
    follow_up_labels: list[str]


class ReviewEventOut(_Out):
    document_id: str
    actor: str
    at: str = Field(description="ISO 8601")
    status_before: str
    status_after: str
    note: str
    action: str = Field(
        description="status | follow_up | reopen | assign | note | escalate | send_back"
        " | content_changed"
        " (the system's: the article was edited at its source)"
    )
    detail: dict[str, Any]
    imported: bool
    actor_label: str
    status_before_label: str
    status_after_label: str


class SavedCopyOut(_Out):
    """The saved copy (WARC) of a flagged article, as the item page cites it."""

    document_id: str
    sha256: str = Field(description="SHA-256 of the WARC record's payload, hex")
    path: str = Field(description="relative to the evidence folder")
    fetched_at: str = Field(description="ISO 8601")
    final_url: str
    record_type: str = Field(description="response (a fetched page) | resource (ingested text)")


class EscalationOut(_Out):
    """An item a provincial office sent to the Center ("Chuyển Trung tâm")."""

    document_id: str
    username: str
    province: str
    note: str
    at: str = Field(description="ISO 8601")


class DecidedOut(_Out):
    """Who made an item's standing decision (its latest status change, to a conclusion)."""

    center: bool = Field(
        description="made for the Center: a provincial account does not change it (403), it"
        " sends the item up again with a note"
    )
    province: str | None = Field(
        description="the office it was made for when it was made; null: the Center"
    )
    office_label: str = Field(description="“Trung tâm”, “BHXH Nghệ An”")
    actor: str = Field(description="the account that made it")
    at: str = Field(description="ISO 8601")


class ItemChoices(_Out):
    """What the item page's forms offer this account now; /api/items/{id}/decide takes the same
    (the workflow still decides: someone may act first)."""

    seen: int = Field(description="send as `seen` with a decision made from this answer")
    statuses: list[str] = Field(
        description="action `status`: the statuses it may move to; empty for a provincial"
        " account while the Center's decision stands (`decided_by.center`)"
    )
    follow_ups: list[str] = Field(description="action `follow_up`: those it may record")
    reopen: bool = Field(description="action `reopen`: locked, and this account may reopen it")
    escalate: bool = Field(description="action `escalate`: a provincial account, not locked")
    send_back: bool = Field(
        description="action `send_back` (“Trả lại tỉnh”, with a note): a Center account, the item"
        " sent up by a province and not sent back since, not locked"
    )
    assignees: list[str] = Field(
        description="action `assign`: usernames this account may assign it to (a reviewer: itself)"
    )
    note_required: list[str] = Field(description="statuses and follow-ups that need a note")


class ItemDetail(_Out):
    document: DocumentFull
    saved_copy: SavedCopyOut | None
    state: ReviewStateOut
    history: list[ReviewEventOut]
    escalation: EscalationOut | None = Field(
        description="the latest sending to the Center by a provincial office, as on the item page"
    )
    senders: list[EscalationOut] = Field(
        description="every province's sending the Center answers, or is to answer: each"
        " province's latest since the Center's answer before them, oldest first (a national item"
        " two provinces sent up lists both); for a provincial account whose own sending the"
        " Center answered before another province sent the item up, its own sending alone;"
        " empty if not sent"
    )
    center_answer: ReviewEventOut | None = Field(
        description="sent to the Center: its answer since the latest sending (a conclusion, a"
        " follow-up or `send_back`, by a Center account), for a provincial account that sent"
        " the item up its answer since that province's latest sending; null while it waits or"
        " if not sent"
    )
    decided_by: DecidedOut | None = Field(
        description="who made the standing decision; null while none stands"
    )
    choices: ItemChoices


class QueueRow(_Out):
    document: DocumentSummary
    assignee: str | None = Field(description="the handler's username; null when not assigned")
    assignee_name: str | None = Field(description="the handler as the queue shows it")
    escalation: EscalationOut | None = Field(description="the latest sending to the Center")
    senders: list[EscalationOut] = Field(
        description="every province's sending the Center answers, or is to answer, as on the"
        " item (`ItemDetail.senders`)"
    )
    center_answer: ReviewEventOut | None = Field(
        description="sent to the Center: its answer to the sendings listed, as on the item"
        " (`ItemDetail.center_answer`); null while it waits"
    )
    changed: bool = Field(description="edited at its source since someone last acted on it")
    decided_by: DecidedOut | None = Field(
        description="who made the standing decision, as on the item; null while none stands"
    )
    story_copies: int = Field(
        description="how many other copies of the item's story (`document.story_id`: reposted,"
        " syndicated) the same queue view lists, with the same filters (`cau_chuyen=` lists them)"
    )


class QueuePage(_Out):
    total: int
    page: int
    page_size: int
    status_counts: dict[str, int] = Field(
        description="items per status before the status filter; with `gop=1`, stories with a"
        " copy in that status (a story whose copies were decided differently counts in each)"
    )
    status_labels: dict[str, str]
    capped: bool
    items: list[QueueRow]


class CopyResult(_Out):
    """What deciding with `copies` did to one other copy of the item's story."""

    id: str
    applied: bool = Field(description="its own event was appended to its own history")
    reason: str = Field(
        description='why it was skipped, in Vietnamese (as a 409 says); "" if applied'
    )


class DecisionResult(_Out):
    ok: bool
    event: ReviewEventOut
    copies: list[CopyResult] = Field(
        default_factory=list,
        description="with `copies`: each other copy of the item's story the account may see, "
        "newest first (at most 100); empty otherwise",
    )
    repeated: bool = Field(
        False,
        description="the same account sent this decision again with the same `seen` (a retry "
        "after a lost answer, a double click) and the item's latest event is its own record of "
        "exactly it: nothing was recorded again and `event` is that earlier event; with "
        "`copies`, the copies are decided now, those the first sending decided skipped "
        "(`applied` false). A different decision, or anyone else's event "
        "since `seen`, is still refused (409). Also true for a take (action `assign`, "
        "`assignee` yourself, no note) of an item you hold already: `event` is the assignment "
        "that gave it to you.",
    )


class Counts(_Out):
    buckets: list[str] = Field(
        description="start of each week or month, ISO date; without den they run to today's "
        "(to tu's when it lies ahead), as `pressmon counts` without --to, the weeks with no "
        "article yet counted 0"
    )
    rows: dict[str, list[int]] = Field(description='group -> counts per bucket ("" ungrouped)')
    interval: str
    group_by: str | None
    total: int = Field(description="the rows added up")
    distinct_total: int = Field(
        description="the articles counted, each once: fewer than total by topic, since an "
        "article can belong to several topics"
    )
    kinds: list[str] = Field(
        description="the outlet kinds counted: press (sector, national, provincial) unless "
        "loai_hinh named others"
    )
    partial_buckets: list[str] = Field(
        description="buckets (their start, ISO date) of which tu/den leave out some days: a "
        "week or month cut at either end of the range, the one under way today when den is "
        "absent or later, and those after today, which count nothing yet"
    )
    counted_to: str | None = Field(
        description="the last day counted, ISO date: den, or today when den is absent or later "
        "(the buckets starting after it count nothing yet); null when articles dated after "
        "today run the table past it without den"
    )


class ApiError(_Out):
    """Every refusal of the API (4xx, 5xx) has this shape, never an HTML page."""

    ok: bool = Field(description="always false")
    error: str = Field(description="what is wrong and what to do, in Vietnamese")
    status: int = Field(description="the HTTP status again")


REFUSALS = {
    400: "Giá trị không có trong danh sách của một bộ lọc hoặc tham số (lỗi nêu tên tham số, giá "
    "trị đã gửi và các giá trị hợp lệ), một tham số chỉ nhận một giá trị được gửi nhiều lần (lỗi "
    "nêu tên tham số), hoặc ngày không đọc được (tu, den: dd/mm/yyyy hoặc yyyy-mm-dd) hay nằm "
    "ngoài khoảng cho phép",
    401: "Chưa đăng nhập (cookie phiên pm_session)",
    403: "Không có quyền, thiếu hoặc sai X-CSRF-Token, hoặc cần đổi mật khẩu trước",
    404: "Không có bài này, hoặc bài ngoài phạm vi tỉnh của tài khoản",
    409: "Quy trình không cho phép, hoặc bài đã được người khác cập nhật/nhận xử lý",
    413: "Dữ liệu gửi lên quá lớn",
    422: "Dữ liệu gửi lên không hợp lệ (trường hoặc tham số truy vấn không có, sai kiểu, quá dài), "
    "hoặc thiếu ghi chú bắt buộc",
    500: "Lỗi hệ thống",
    503: "Kho dữ liệu tạm thời không truy cập được",
}


def refusals(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for these statuses, each an ApiError with what it means."""
    return {status: {"model": ApiError, "description": REFUSALS[status]} for status in statuses}
