"""JSON API under /api/: same session cookie as the pages; writes need the X-CSRF-Token header.

Stricter than the pages about what it is sent: a query parameter or body field a route does not
take is refused (422), and so is a value of an enumerated parameter that is none of its codes
(400, naming them; /api/docs lists them) or a single-valued parameter sent twice (400, naming
it), where a page ignores it with a notice.

Tiers, statuses and follow-ups are codes; each comes with its Vietnamese text in a `*_label`
field beside it (`tier_label`, `review_status_label`, `status_label`, ...)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field, model_validator

from index.base import Archive
from index.errors import DocumentNotFound
from index.types import Document, Query, ReviewEvent
from index.weeks import cut_buckets
from pressmon.coverage import PRESS_KINDS, counted_until, open_end
from pressmon.review.actions import can_send_back, current_state, held_by_center
from pressmon.review.copies_decision import CopyOutcome
from pressmon.review.date_reasons import date_labels
from pressmon.review.errors import AlreadyTaken, RepeatedAction
from pressmon.review.escalations import sent_view
from pressmon.review.labels import STATUS_LABELS, actor_label, label, office_label
from pressmon.review.offices import CenterEvent, center_events
from pressmon.review.statuses import NOTE_REQUIRED
from pressmon.review.workflow import (
    CAN_ASSIGN_OTHERS,
    Action,
    ActionKind,
    Decided,
    ReviewState,
    available_follow_ups,
    centers_decision,
    centers_lock,
    decided_by,
    may_assign,
    may_change_status,
    may_reopen,
    next_statuses,
)
from pressmon.search_hints import suggestions
from pressmon.web.accounts import Account
from pressmon.web.api_models import (
    Counts,
    DecisionResult,
    ItemDetail,
    Me,
    QueuePage,
    SearchResult,
    refusals,
)
from pressmon.web.choices import Choice, Choices, shown
from pressmon.web.deps import (
    Context,
    CurrentSession,
    SessionArchive,
    SessionScope,
    WebContext,
    WritingSession,
)
from pressmon.web.params import (
    API_ROOT,
    MAX_NOTE,
    MAX_TEXT,
    Dates,
    DocumentId,
    Page,
    TextList,
    stored_names,
)
from pressmon.web.repeated_params import query_fields, single_values_once
from pressmon.web.routes.item import (
    act_as,
    announce_to_the_other_side,
    assignable_accounts,
    decide_the_copies,
)
from pressmon.web.routes.queue import Filters, session_queue
from pressmon.web.routes.search import SearchQuery, search_pages


async def known_query_names(request: Request) -> None:
    """A query parameter the route does not take is refused (422), as a body field is (Decision):
    a misspelt `trang_thai` must not silently show every item."""
    route: APIRoute = request.scope["route"]
    taken = {field.alias for field in query_fields(route.dependant)}
    unknown = [name for name in dict.fromkeys(request.query_params) if name not in taken]
    if unknown:
        raise RequestValidationError(
            [
                {"type": "extra_forbidden", "loc": ("query", shown(name)), "input": None}
                for name in unknown
            ]
        )


router = APIRouter(
    prefix=API_ROOT,
    tags=["api"],
    responses=refusals(401, 403, 422, 500, 503),
    dependencies=[Depends(known_query_names), Depends(single_values_once)],
)
GROUP_BY = Choice("group_by", "Nhóm theo", ("province", "outlet", "kind", "topic"))
INTERVAL = Choice("interval", "Khoảng", ("week", "month"), default="week")


def _name(username: str | None, names: Mapping[str, str]) -> str | None:
    """The name people read for an account: its display name, else its username."""
    return None if username is None else names.get(username, username)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    return value


def document_json(document: Document, *, body: bool = True) -> dict[str, Any]:
    data = {f.name: getattr(document, f.name) for f in dataclasses.fields(document)}
    data["tier_label"] = label(document.tier)
    data["review_status_label"] = label(document.review_status)
    data |= date_labels(document)
    if not body:
        data.pop("body")
        data.pop("flag_details")
    return _plain(data)


def event_json(event: ReviewEvent) -> dict[str, Any]:
    return _plain(
        {
            **dataclasses.asdict(event),
            "imported": event.imported,
            "actor_label": actor_label(event),
            "status_before_label": label(event.status_before),
            "status_after_label": label(event.status_after),
        }
    )


def state_json(state: ReviewState, names: Mapping[str, str]) -> dict[str, Any]:
    """`names`: usernames to the names people read (`AccountStore.names`)."""
    return _plain(
        {
            **dataclasses.asdict(state),
            "assignee_name": _name(state.assignee, names),
            "status_label": label(state.status),
            "follow_up_labels": [label(f) for f in state.follow_ups],
        }
    )


def decided_json(decided: Decided | None) -> dict[str, Any] | None:
    """Who made the standing decision (`workflow.decided_by`), for `decided_by`."""
    if decided is None:
        return None
    return _plain(
        {
            "center": decided.province is None,
            "province": decided.province,
            "office_label": office_label(decided.province),
            "actor": decided.event.actor,
            "at": decided.event.at,
        }
    )


@router.get("/me", response_model=Me)
def me(session: CurrentSession) -> dict[str, Any]:
    """The signed-in user and the CSRF token to send as X-CSRF-Token on writes."""
    account = session.account
    return {
        "username": account.username,
        "display_name": account.display_name,
        "role": account.role,
        "province": account.province,
        "csrf_token": session.csrf_token,
    }


@router.get("/search", response_model=SearchResult, responses=refusals(400))
def search(
    ctx: Context, archive: SessionArchive, session: CurrentSession, query: SearchQuery
) -> dict[str, Any]:
    """Query parameters as on /tim-kiem: q, bao, tinh, loai_hinh, chu_de, muc, trang_thai,
    danh_dau, tu, den, xep, trang. An unknown filter name or code is refused with 400, and so is
    text with no word. `reachable` and `last_reachable_page` say how far this order pages (the
    web pager stops there; null when it pages through every match); the matches past them are
    paged with xep=date. A page past the last one answers the last, as /tim-kiem shows it:
    `page` says which, `requested_page` the one asked. When nothing matches,
    `suggestions` holds the rewrites of q that find articles, as /tim-kiem offers them."""
    result = search_pages(archive, query)
    # Counting the rewrites costs a search each: only an empty answer pays for it.
    tried = suggestions(archive, query, ctx.synonyms) if not result.total else ()
    return {
        "total": result.total,
        "total_exact": result.total_exact,
        "page": result.page,
        "requested_page": query.page,
        "page_size": result.page_size,
        "reachable": (reach := result.reach_that_applies),
        "last_reachable_page": None if reach is None else result.last_reachable_page,
        "hits": [
            {
                "document": document_json(h.document, body=False),
                "score": h.score,
                "snippet": h.snippet,
                "marked_title": h.marked_title,
                "match": h.match,
            }
            for h in result.hits
        ],
        "suggestions": [dataclasses.asdict(s) for s in tried],
    }


@router.get("/items/{document_id}", response_model=ItemDetail, responses=refusals(404))
def item(
    document_id: DocumentId, ctx: Context, archive: SessionArchive, session: CurrentSession
) -> dict[str, Any]:
    """The article, its review state and history, and its saved copy (hash, fetch time, final
    URL; null when none was kept)."""
    document = archive.get(document_id)
    if document is None:
        raise DocumentNotFound(document_id)
    state, history = current_state(archive, document_id)
    copy = ctx.evidence.store.latest(document_id)
    sent = ctx.escalations.get(document_id)
    offices = ctx.accounts.offices_at()
    is_center = center_events(offices)
    view = sent_view(sent, history, is_center, session.account.province) if sent else None
    return {
        "document": document_json(document),
        "saved_copy": _plain(dataclasses.asdict(copy)) if copy else None,
        "state": state_json(state, ctx.accounts.names()),
        "history": [event_json(e) for e in history],
        "escalation": _plain(dataclasses.asdict(sent)) if sent else None,
        "senders": [_plain(dataclasses.asdict(e)) for e in view.senders] if view else [],
        "center_answer": event_json(view.answer) if view and view.answer else None,
        "decided_by": decided_json(decided_by(history, offices)),
        "choices": choices_json(ctx, archive, session.account, document, state, history, is_center),
    }


def choices_json(
    ctx: WebContext,
    archive: Archive,
    account: Account,
    document: Document,
    state: ReviewState,
    history: Sequence[ReviewEvent],
    is_center: CenterEvent,
) -> dict[str, Any]:
    """The item page's choices (templates/item.html) for this account; `archive`: its session's;
    `is_center`: whether an event is the Center's, as the caller read the offices."""
    assigns_others = account.role in CAN_ASSIGN_OTHERS
    may_change = may_change_status(account.province, centers_decision(history, is_center))
    return {
        "seen": len(history),
        "statuses": list(next_statuses(state)) if may_change else [],
        "follow_ups": list(available_follow_ups(state)),
        "reopen": may_reopen(
            state, account.role, account.province, centers_lock(history, is_center)
        ),
        "escalate": account.province is not None,
        "send_back": can_send_back(ctx.escalations, history, account.province, is_center),
        "assignees": [
            a.username
            for a in assignable_accounts(ctx, archive, account, document)
            if assigns_others or a.username == account.username
        ]
        if may_assign(account.province, held_by_center(state.assignee, ctx.accounts))
        else [],
        "note_required": sorted(NOTE_REQUIRED),
    }


@router.get("/queue", response_model=QueuePage, responses=refusals(400))
def queue(
    ctx: Context,
    archive: SessionArchive,
    scope: SessionScope,
    session: CurrentSession,
    filters: Filters,
    page_no: Page,
) -> dict[str, Any]:
    """Query parameters as on /hang-doi: loai, bao, tinh, muc, trang_thai, nguoi, tu, den, xep,
    chuyen (tat-ca | cho | da-tra-loi: items sent to the Center, waiting for its answer, answered),
    cau_chuyen (a story's id, `document.story_id`: only its copies), gop (1: one item per story,
    the most urgent copy, `story_copies` the others), trang; bao and tinh as typed
    ("Nghe An", "vnexpress.net"); loai, muc, trang_thai, xep and
    chuyen as codes. An unknown name or code is refused with 400. Items a province sent to the
    Center come first in the Center's queue until it answers; `changed`: the item was edited at
    its source since someone last acted on it (first in its tier)."""
    result = session_queue(
        ctx, archive, scope, filters, page_no, ctx.accounts.assignees(), ctx.accounts.offices_at()
    )
    names = ctx.accounts.names()
    return {
        "total": result.total,
        "page": result.page,
        "page_size": result.page_size,
        "status_counts": dict(result.status_counts),
        "status_labels": dict(STATUS_LABELS),
        "capped": result.capped,
        "items": [
            {
                "document": document_json(r.document, body=False),
                "assignee": r.assignee,
                "assignee_name": _name(r.assignee, names),
                "escalation": _plain(dataclasses.asdict(r.escalation)) if r.escalation else None,
                "senders": [_plain(dataclasses.asdict(e)) for e in r.senders],
                "center_answer": event_json(r.answer) if r.answer else None,
                "changed": r.changed,
                "decided_by": decided_json(r.decided),
                "story_copies": r.copies,
            }
            for r in result.rows
        ],
    }


# The codes of pressmon.review.statuses, spelled out so /api/docs lists them (a test keeps them
# equal); the workflow still decides which of them the item may take now.
StatusCode = Literal[
    "unstarted", "in_progress", "false", "no_violation", "insufficient", "out_of_scope"
]
FollowUpCode = Literal["correction_requested", "reported_to_leadership"]
# What each action names besides its note.
NEEDS = {"status": "status", "follow_up": "follow_up", "assign": "assignee"}


class Decision(BaseModel):
    """One review action, as the item page's forms send them. A field this model does not have
    is refused (422), not ignored: a misspelt `seen` must not silently drop its check."""

    model_config = ConfigDict(extra="forbid")

    action: ActionKind
    status: StatusCode | None = Field(None, description="action `status`: the new status")
    follow_up: FollowUpCode | None = Field(None, description="action `follow_up`")
    assignee: str | None = Field(
        None, max_length=MAX_TEXT, description="action `assign`: a username"
    )
    note: str = Field("", max_length=MAX_NOTE)
    seen: int | None = Field(
        None,
        ge=0,
        description="How many events of the item's history the decision was made from (len of "
        "`history` in /api/items/{id}); 409 when the item has more by now. Omitted: not checked.",
    )
    seen_unassigned: bool = Field(
        False,
        description="A take (action `assign`, `assignee` yourself) of an item the queue showed "
        "held by no one (`assignee` null in /api/queue), as the queue’s “Nhận xử lý”: 409 "
        "when someone else holds it by now.",
    )
    copies: bool = Field(
        False,
        description="action `status` only: after the item, the same status and note are applied "
        "to each other copy of its story (same `story_id`) you may see, each as its own event "
        "in its own history naming the item (`detail.applied_from`); a copy the rules refuse, "
        "or one with a conclusion of its own or content changed since, is skipped, never "
        "forced (`copies` in the answer says which and why). The item's own refusal stops all.",
    )

    @model_validator(mode="after")
    def _names_what_the_action_needs(self) -> Decision:
        needed = NEEDS.get(self.action)
        if needed is not None and not getattr(self, needed):
            raise ValueError(f"thao tác “{self.action}” cần trường “{needed}”")
        if self.copies and self.action != "status":
            raise ValueError("trường “copies” chỉ dùng với thao tác “status”")
        return self


@router.post(
    "/items/{document_id}/decide", response_model=DecisionResult, responses=refusals(404, 409, 413)
)
def decide(
    document_id: DocumentId,
    decision: Decision,
    ctx: Context,
    archive: SessionArchive,
    session: WritingSession,
) -> dict[str, Any]:
    """Append one review event; 409 with a Vietnamese reason when the workflow forbids it. A
    province's sending an item to the Center alerts the Center; a Center account's answer to an
    item provinces sent up alerts those provinces. With `copies`, a status is then applied to the
    other copies of the item's story, each on its own (`copies` in the answer). Sent again with
    the same `seen` by the same account, it is recorded once (`repeated`); so is a take of an item
    the account holds already."""
    requested = Action(
        decision.action,
        decision.status,
        decision.follow_up,
        decision.assignee,
        decision.note,
        decision.seen,
        decision.seen_unassigned,
    )
    try:
        event = act_as(ctx, archive, session.account, document_id, requested)
    except (RepeatedAction, AlreadyTaken) as err:
        # A retry whose first sending was recorded, or a take of an item the account holds:
        # done, once (the earlier event). Copies asked for are decided now if the first sending
        # did not ask for them; those it decided are skipped, not redone.
        again = (
            decide_the_copies(ctx, archive, session.account, document_id, requested).outcomes
            if decision.copies and isinstance(err, RepeatedAction)
            else ()
        )
        if any(o.applied for o in again):
            ctx.similar.invalidate()
        return {
            "ok": True,
            "event": event_json(err.event),
            "copies": _copies_json(again),
            "repeated": True,
        }
    announce_to_the_other_side(ctx, archive, event)
    outcome = (
        decide_the_copies(ctx, archive, session.account, document_id, requested).outcomes
        if decision.copies
        else ()
    )
    ctx.similar.invalidate()  # new decisions may be similar to the next item opened
    return {
        "ok": True,
        "event": event_json(event),
        "copies": _copies_json(outcome),
        "repeated": False,
    }


def _copies_json(outcome: Sequence[CopyOutcome]) -> list[dict[str, Any]]:
    return [{"id": o.document_id, "applied": o.applied, "reason": o.reason} for o in outcome]


@router.get("/counts", response_model=Counts, responses=refusals(400))
def counts(
    ctx: Context,
    archive: SessionArchive,
    session: CurrentSession,
    dates: Dates,
    choices: Choices,
    group_by: Annotated[str, GROUP_BY.query("default: not grouped")] = "",
    interval: Annotated[str, INTERVAL.query()] = "week",
    bao: TextList = [],  # noqa: B006 (FastAPI copies defaults per request)
    tinh: TextList = [],  # noqa: B006
    loai_hinh: TextList = [],  # noqa: B006
    chu_de: TextList = [],  # noqa: B006
) -> dict[str, Any]:
    """Zero-filled counts; filters tu, den (dates), bao, tinh, loai_hinh, chu_de (repeatable,
    names as typed: "Nghe An", "vnexpress.net"; an unknown one is refused with 400).
    Press only (sector, national, provincial), as /bao-phu and `pressmon counts`, unless
    loai_hinh names the kinds (loai_hinh=other for forum and social-media posts). An unknown
    group_by or interval is refused (400, with the codes). `total` adds up the rows;
    `distinct_total` counts each article once (fewer by topic: an article can have several)."""
    grouping = choices.read(GROUP_BY, group_by) or None
    period = choices.read(INTERVAL, interval)
    filters = ctx.filter_resolver()
    query = Query(
        date_from=dates.date_from,
        date_to=dates.date_to,
        outlets=stored_names(filters, "outlet", bao),
        provinces=stored_names(filters, "province", tinh),
        kinds=stored_names(filters, "kind", loai_hinh) or PRESS_KINDS,
        topics=stored_names(filters, "topic", chu_de),
    )
    table = archive.counts(query, group_by=grouping, interval=period)  # type: ignore[arg-type]
    today = ctx.clock().astimezone(ctx.settings.tz).date()
    # Without `den` the table reaches today, as `pressmon counts` without --to does: the weeks
    # with no article yet, the one under way too, are counted with their 0, not left out.
    if end := open_end(table.buckets, table.interval, query.date_from, query.date_to, today):
        query = dataclasses.replace(query, date_to=end)
        table = archive.counts(query, group_by=grouping, interval=period)  # type: ignore[arg-type]
    # An article counts once per topic: by topic the rows can add up to more than the articles.
    distinct = (
        archive.counts(query, interval=table.interval).total if grouping == "topic" else table.total
    )
    counted = (query.date_from, counted_until(table.buckets, query.date_to, today))
    return {
        "buckets": _plain(table.buckets),
        "rows": _plain(table.rows),
        "interval": table.interval,
        "group_by": table.group_by,
        "total": table.total,
        "distinct_total": distinct,
        "kinds": sorted(query.kinds),
        "partial_buckets": _plain(sorted(cut_buckets(table.buckets, table.interval, *counted))),
        "counted_to": _plain(counted[1]),
    }


@router.get("/openapi.json", include_in_schema=False)
def openapi(request: Request, session: CurrentSession) -> dict[str, Any]:
    return request.app.openapi()
