"""/bai/{id}: one flagged article, why it was flagged, similar decided items, and its review log."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from index.base import Archive
from index.errors import DocumentNotFound
from index.types import IMPORTED, Document, ReviewEvent
from pressmon.alerts.answers import answer_alerts
from pressmon.alerts.sendings import sending_alert
from pressmon.review.actions import (
    apply_action,
    can_send_back,
    current_state,
    held_by_center,
    refusal,
)
from pressmon.review.copies_decision import (
    MAX_DECIDED,
    CopiesOutcome,
    copy_action,
    decide_copies,
    decided_count,
    recalled_outcome,
)
from pressmon.review.errors import (
    AlreadyTaken,
    NoteRequired,
    OwnStaleAction,
    RepeatedAction,
    RoleForbidden,
    StaleAction,
    UnchangedStatus,
    WorkflowError,
)
from pressmon.review.escalations import sent_view
from pressmon.review.labels import (
    ACTION_LABELS,
    acting_office,
    actor_label,
    detail_text,
    label,
    traced_actor,
)
from pressmon.review.offices import center_events
from pressmon.review.repeats import repeated_text
from pressmon.review.scope import Scope
from pressmon.review.statuses import CONTENT_CHANGED
from pressmon.review.story_copies import other_copies
from pressmon.review.workflow import (
    CENTER_HOLDS,
    MAX_NOTE_LENGTH,
    Action,
    available_follow_ups,
    centers_decision,
    centers_lock,
    decided_by,
    decision_unsaid,
    may_assign,
    may_change_status,
    may_reopen,
    status_choices,
)
from pressmon.web.accounts import Account
from pressmon.web.applied_from import origins
from pressmon.web.deps import (
    Context,
    CurrentSession,
    SessionArchive,
    WebContext,
    WritingSession,
)
from pressmon.web.done_notice import MAX_SKIPPED, done_target, saved_notice, sent_notice
from pressmon.web.formatting import (
    body_part,
    by_name,
    csv_safe,
    highlight,
    paragraphs,
    short_title,
    vn_datetime,
)
from pressmon.web.listed_accounts import session_accounts
from pressmon.web.params import MAX_NOTE, MAX_PAGE, MAX_TEXT, MAX_URL, DocumentId
from pressmon.web.queue_return import QUEUE, queue_return, return_param
from pressmon.web.report_confirmation import CONFIRM_TEXT, unconfirmed_report, unconfirmed_text
from pressmon.web.routes import page
from pressmon.web.routes.queue import center_actor

router = APIRouter()


def reasons(document: Document) -> list[Mapping[str, Any]]:
    """The flagger's reasons, coerced to {kind, text, weight, detail} whatever the stored shape."""
    raw = document.flag_details.get("reasons", []) if document.flag_details else []
    cleaned: list[Mapping[str, Any]] = []
    for reason in raw if isinstance(raw, list | tuple) else []:
        if not isinstance(reason, Mapping):
            reason = {"kind": "note", "text": str(reason)}
        try:
            weight = float(reason.get("weight") or 0.0)
        except (TypeError, ValueError):
            weight = 0.0
        detail = reason.get("detail")
        cleaned.append(
            {
                "kind": str(reason.get("kind", "")),
                "text": str(reason.get("text", "")),
                "weight": weight,
                "detail": detail if isinstance(detail, Mapping) else {},
            }
        )
    return cleaned


def known_claims(document: Document) -> list[Mapping[str, Any]]:
    """Matched denials: `flag_details["known_claims"]` if the pipeline wrote it, and every
    "known-claim" reason (its text already names the claim and the official correction)."""
    raw = document.flag_details.get("known_claims", []) if document.flag_details else []
    claims = (
        [c if isinstance(c, Mapping) else {"claim": str(c)} for c in raw]
        if isinstance(raw, list | tuple)
        else []
    )
    for reason in reasons(document):
        if reason.get("kind") == "known-claim":
            detail = reason.get("detail")
            if not isinstance(detail, Mapping):
                detail = {}
            claims.append(
                {
                    "claim": reason.get("text", ""),
                    "url": detail.get("source_url"),
                    "strength": detail.get("strength"),
                    "date": detail.get("date"),
                }
            )
    return claims


def highlight_needles(flag_reasons: Sequence[Mapping[str, Any]]) -> list[str]:
    """The article passages behind the score: driving sentences, terms, the words each scam cue
    found (a link, a demand, the brand a message speaks for), matched-claim evidence and the
    figures/links that failed the official-facts check."""
    needles: list[str] = []
    for reason in flag_reasons:
        kind, text = reason.get("kind"), str(reason.get("text", ""))
        detail = reason.get("detail")
        if not isinstance(detail, Mapping):
            detail = {}
        if kind == "sentence":
            needles.append(text.removesuffix("…"))
        elif kind == "term" and isinstance(detail.get("shown"), list):
            needles.extend(str(phrase) for phrase in detail["shown"])  # the model's wording
        elif kind == "term":
            needles.append(text.replace("_", " "))
        elif kind == "scam-cue" and isinstance(detail.get("excerpt"), str):
            needles.append(detail["excerpt"])
        elif kind == "known-claim" and isinstance(detail.get("evidence"), str):
            needles.extend([detail["evidence"], *detail["evidence"].split(", ")])
        elif kind == "fact-check" and isinstance(detail.get("found"), str):
            needles.append(detail["found"].split(": ")[-1])
    return [n for n in needles if n.strip()]


def assignable_accounts(
    ctx: WebContext, archive: Archive, account: Account, document: Document
) -> list[Account]:
    """Whom the session is offered to assign the item to: of the accounts it lists
    (`listed_accounts`; `archive`: its own), those that can open the item."""
    scope = Scope(account.province)
    listed = session_accounts(ctx.accounts.list(), ctx.accounts.assignees(), archive, scope)
    return [a for a in listed if Scope(a.province).allows(document)]


def item_context(
    ctx: WebContext,
    archive: Archive,
    document_id: str,
    account: Account,
    part: int = 1,
    back: str = "",
) -> dict[str, Any]:
    """`archive`: the session's view of it, so an item out of a province's scope is a 404;
    `account`: the session's, whose province's sendings to the Center it is shown (none: the
    Center's) and whose role and province say whether it may reopen a locked decision;
    `back`: the queue view it was opened from (`quay_lai`, taken only if it is one)."""
    opened_from = queue_return(back)
    province = account.province
    document = archive.get(document_id)
    if document is None:
        raise DocumentNotFound(document_id)
    state, history = current_state(archive, document_id)
    flag_reasons = reasons(document)
    story_copies = other_copies(archive, document)
    escalation = ctx.escalations.get(document_id)
    offices = ctx.accounts.offices_at()  # whom each person in the log acted for then
    is_center = center_events(offices)
    by_center = state.locked and centers_lock(history, is_center)
    # A province does not overwrite the Center's standing decision (it sends the item up again).
    may_change = may_change_status(province, centers_decision(history, is_center))
    # Every province whose sending the Center answers (or is to answer), shown by name; a
    # province that sent it up, its own sending once the Center answered it.
    view = sent_view(escalation, history, is_center, province) if escalation else None
    senders = view.senders if view else ()
    answer = view.answer if view else None
    answer_by = ctx.accounts.get(answer.actor) if answer else None
    needles = highlight_needles(flag_reasons)
    body = body_part(document.body, part)
    return {
        "doc": document,
        # The back link's queue view; the forms post it (`back_view`) for the page after them
        # to keep it, and links to other items and parts carry it (`back_param`).
        "back": opened_from or QUEUE,
        "back_view": opened_from,
        "back_param": return_param(opened_from),
        "title_html": highlight(short_title(document.title), needles),
        "body_html": paragraphs(body.text, needles),
        "body": body,
        "reasons": flag_reasons,
        "known_claims": known_claims(document),
        "clause": document.flag_details.get("article11_clause") if document.flag_details else None,
        "state": state,
        "history": list(reversed(history)),
        # The change the marker next to the decision speaks of: the latest.
        "changed_event": next((e for e in reversed(history) if e.action == CONTENT_CHANGED), None),
        "similar": ctx.similar.similar(document, within=archive),
        "story_copies": story_copies,
        # The status form's "apply to the other copies too" offers this many (0: not offered).
        "copies_decided": decided_count(story_copies),
        # The items the log's events were applied from, by title, outlet and date.
        "applied_from": origins(
            archive, (str(e.detail.get("applied_from") or "") for e in history)
        ),
        "copies_outcome": None,  # what deciding the copies with this item did, just now
        "notice": "",  # that an action sent again was recorded once, the first time
        "saved": "",  # that the status the session just saved is saved (done_notice)
        "saved_copy": ctx.evidence.store.latest(document_id),
        "escalation": escalation,
        "senders": senders,
        "center_answer": answer,
        # The Center may send it back (the page offers it to the Center's accounts only).
        "can_send_back": can_send_back(ctx.escalations, history, None, is_center),
        "answer_by": answer_by.label if answer_by else answer.actor if answer else "",
        # Senders and the assignee by the names people read (the handler, "Người xử lý").
        "names": ctx.accounts.names(),
        # The current status among them, chosen (`picked`): the form sent again changes nothing.
        "statuses": status_choices(state) if may_change else (),
        "may_change_status": may_change,
        # Who made the standing decision, and for which office then (None: none stands, or the
        # Center's answer above is that decision and says it, by whom and when).
        "decided": decision_unsaid(decided_by(history, offices), answer),
        "follow_ups": available_follow_ups(state),
        # A province is not offered the assignment of an item the Center holds (the server
        # refuses it too): it is told why instead (`center_holds`).
        "may_assign": may_assign(province, held_by_center(state.assignee, ctx.accounts)),
        "center_holds": CENTER_HOLDS,
        # (username, name) in Vietnamese alphabetical order, as the queue's filter lists them.
        "users": by_name(
            {a.username: a.label for a in assignable_accounts(ctx, archive, account, document)}
        ),
        "action_labels": ACTION_LABELS,
        "traced_actor": traced_actor,
        "offices": offices,
        "centers_lock": by_center,
        "may_reopen": may_reopen(state, account.role, province, by_center),
        "max_note": MAX_NOTE_LENGTH,
        "drafts": {},  # action kind -> the note a refused action carried, typed again for it
        # The status and follow-up a refused action chose, chosen again, else the item's
        # status: the list's first entry in their place would be saved with the next click.
        "picked": {"status": state.status, "follow_up": ""},
        "report_confirm_text": CONFIRM_TEXT,
    }


@router.get("/bai/{document_id}", response_class=HTMLResponse, include_in_schema=False)
def item_page(
    document_id: DocumentId,
    request: Request,
    ctx: Context,
    archive: SessionArchive,
    session: CurrentSession,
    phan: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    quay_lai: Annotated[str, Query(max_length=MAX_URL)] = "",
    da_luu: Annotated[str, Query(max_length=MAX_TEXT)] = "",
    cung_noi_dung: bool = False,
    bo_qua: Annotated[str, Query(max_length=MAX_SKIPPED)] = "",
) -> Response:
    """`phan`: which part of a very long article to show (see `formatting.body_part`);
    `quay_lai`: the queue view the item was opened from (see `queue_return`); `da_luu`: the
    status the session just saved, or its sending to the Center or back to the province, said above
    the log (see `done_notice`); `cung_noi_dung`, `bo_qua`: the status was saved with the story's
    other copies, these skipped (see `recalled_copies`)."""
    shown = item_context(ctx, archive, document_id, session.account, phan, quay_lai)
    answer = shown["center_answer"]
    sent_back = answer is not None and answer.action == "send_back"
    saved = saved_notice(da_luu, shown["state"].status)
    said = saved or sent_notice(
        da_luu,
        waiting=shown["escalation"] is not None and answer is None,
        sent_back_to=tuple(s.province for s in shown["senders"]) if sent_back else (),
    )
    recalled = (
        recalled_copies(ctx, archive, session.account, shown["doc"], da_luu, bo_qua.split(","))
        if saved and cung_noi_dung
        else None
    )
    copies = {"copies_outcome": recalled} if recalled and recalled.outcomes else {}
    return page(request, ctx, "item.html", **shown | {"saved": said} | copies)


def recalled_copies(
    ctx: WebContext,
    archive: Archive,
    account: Account,
    document: Document,
    status: str,
    skipped: Sequence[str],
) -> CopiesOutcome:
    """What saving `status` on `document` with its story's other copies did (`skipped`: the
    copies the redirect named as refused), read again from the copies the account sees: only
    what still holds is said, and a reload says it again without deciding anything."""
    copies = other_copies(archive, document, MAX_DECIDED).copies
    # The status saved with them, whose note went to the copies too (a "Sai sự thật" needs
    # one); none on an item whose status came from an import, which had no copies decided.
    history = archive.review_history(document.id)
    saved = next((e for e in reversed(history) if e.action == "status"), None)
    if saved is None or saved.status_after != status:
        return CopiesOutcome((), status, with_item=True)
    action = copy_action(Action("status", status=status, note=saved.note), document.id)

    def reason(copy_id: str) -> str:
        try:
            return refusal(
                archive,
                ctx.escalations,
                copy_id,
                action,
                actor=account.username,
                role=account.role,
                now=ctx.clock(),
                is_center=center_actor(ctx),
                province=account.province,
            )
        except DocumentNotFound:  # removed meanwhile
            return ""

    histories = archive.review_histories([c.id for c in copies])
    return recalled_outcome(document.id, status, copies, histories, set(skipped), reason)


@router.post("/bai/{document_id}/xu-ly", include_in_schema=False)
def act(
    document_id: DocumentId,
    request: Request,
    ctx: Context,
    archive: SessionArchive,
    session: WritingSession,
    action: str = Form(..., max_length=MAX_TEXT),
    status: str = Form("", max_length=MAX_TEXT),
    follow_up: str = Form("", max_length=MAX_TEXT),
    assignee: str = Form("", max_length=MAX_TEXT),
    note: str = Form("", max_length=MAX_NOTE),
    next: str = Form("", max_length=MAX_URL),
    quay_lai: str = Form("", max_length=MAX_URL),
    seen: int | None = Form(None, ge=0),
    seen_unassigned: bool = Form(False),
    copies: bool = Form(False),
    report_confirm_asked: bool = Form(False),
    report_confirmed: bool = Form(False),
) -> Response:
    """`seen`: how many events the item page's log showed (see `Action.seen`);
    `seen_unassigned`: the queue showed the item held by no one (see `Action.seen_unassigned`);
    `copies`: a status is applied to the other copies of the item's story too, after it (see
    `decide_the_copies`), and the page shown says what it did to each; `next`: the queue view
    to go to once done (else the item's log); `quay_lai`: the queue view the item page leads
    back to, kept on the page shown again. Sent again by its sender (see `RepeatedAction`), it
    is recorded once: the item page says so, as it is now (200, not a conflict). A take of an
    item the sender holds already (see `AlreadyTaken`) goes where a take goes, nothing recorded.
    `report_confirm_asked`, `report_confirmed`: the follow-up form's confirmation of "Đã báo cáo
    lãnh đạo" (see `unconfirmed_report`); unticked, nothing is recorded and the page comes back
    with the form as sent (422)."""
    requested = Action(
        action,
        status=status or None,
        follow_up=follow_up or None,
        assignee=assignee or None,
        note=note,
        seen=seen,
        seen_unassigned=seen_unassigned,
    )
    if unconfirmed_report(requested, asked=report_confirm_asked, confirmed=report_confirmed):
        shown = item_context(ctx, archive, document_id, session.account, back=quay_lai)
        # The status form keeps the item's status chosen: only the follow-up was sent.
        picked = shown["picked"] | {"follow_up": follow_up}
        return page(
            request,
            ctx,
            "item.html",
            status=422,
            error=unconfirmed_text(),
            **shown | {"drafts": {action: note}, "picked": picked},
        )
    kept = return_param(quay_lai)
    done = done_target(document_id, requested, session.account.username, queue_return(next), kept)
    try:
        event = act_as(ctx, archive, session.account, document_id, requested)
    except AlreadyTaken:
        return RedirectResponse(done, status_code=303)
    except RepeatedAction as err:
        # The first sending may not have asked for the copies (another tab of the same page):
        # they are decided now; a copy the first sending decided already is skipped, not redone.
        again = (
            decide_the_copies(ctx, archive, session.account, document_id, requested)
            if copies and requested.kind == "status"
            else None
        )
        applied = again is not None and any(o.applied for o in again.outcomes)
        if applied:
            ctx.similar.invalidate()
        return page(
            request,
            ctx,
            "item.html",
            **item_context(ctx, archive, document_id, session.account, back=quay_lai)
            | {"notice": _repeat_notice(err, ctx, copies and not applied)}
            | ({"copies_outcome": again} if applied else {}),
        )
    except WorkflowError as err:
        shown = item_context(ctx, archive, document_id, session.account, back=quay_lai)
        # The form sent again as shown (the status the item has, no note): nothing to record,
        # and the page says so; a note typed with it is refused below, kept, not dropped.
        if isinstance(err, UnchangedStatus) and not note.strip():
            said = _unchanged_notice(err, archive.review_history(document_id), session.account, ctx)
            return page(request, ctx, "item.html", **shown | {"notice": said})
        # The page as it is now, with the note the refused action carried kept in its form.
        return page(
            request,
            ctx,
            "item.html",
            status=_status_of(err),
            error=_page_error(err),
            **shown
            | {
                "drafts": _drafts(err, action, note),
                # A refused follow-up leaves the status form unsent: the item's status stays.
                "picked": {"status": status or shown["picked"]["status"], "follow_up": follow_up},
            },
        )
    announce_to_the_other_side(ctx, archive, event)
    outcome = (
        decide_the_copies(ctx, archive, session.account, document_id, requested)
        if copies and requested.kind == "status"
        else None
    )
    ctx.similar.invalidate()  # new decisions may be similar to the next item opened
    if outcome is not None:
        # The page after it names the copies skipped, and reads what was done to each again.
        skipped = [o.document_id for o in outcome.skipped]
        done = done_target(document_id, requested, session.account.username, None, kept, skipped)
    return RedirectResponse(done, status_code=303)


def act_as(
    ctx: WebContext, archive: Archive, account: Account, document_id: str, action: Action
) -> ReviewEvent:
    """`apply_action` by `account` (`archive`: its session's), through the app's shared review
    lock, escalations, change marks and clock."""
    return apply_action(
        archive,
        ctx.accounts,
        ctx.escalations,
        ctx.review_lock,
        document_id,
        action,
        changes=ctx.changes,
        actor=account.username,
        role=account.role,
        now=ctx.clock(),
        is_center=center_actor(ctx),
        province=account.province,
    )


def decide_the_copies(
    ctx: WebContext, archive: Archive, account: Account, document_id: str, action: Action
) -> CopiesOutcome:
    """The status `action`, just recorded on the item, applied to each other copy of its story
    the account may see (`archive`: the session's): each its own event in its own log, through
    the same rules, a copy they refuse skipped. Each copy's sending or answer is announced as
    its own decision would be: each copy was sent up, or answered, on its own."""
    document = archive.get(document_id)
    if document is None:  # it was just acted on: only a broken archive loses it
        raise DocumentNotFound(document_id)
    found = other_copies(archive, document, MAX_DECIDED).copies

    def apply(copy_id: str) -> ReviewEvent:
        return act_as(ctx, archive, account, copy_id, copy_action(action, document_id))

    outcome = decide_copies(found, apply, action.status or "")
    for decided in outcome.applied:
        if decided.event is not None:
            announce_to_the_other_side(ctx, archive, decided.event)
    return outcome


def announce_to_the_other_side(ctx: WebContext, archive: Archive, event: ReviewEvent) -> None:
    """When `event`, just recorded, is a province sending the item to the Center, the Center is
    alerted (pressmon.alerts.sendings); when it is the Center's answer to what provinces sent it,
    the provinces it is news to are (pressmon.alerts.answers): through the state
    database, which `pressmon serve` sends from. The log is read up to `event`: someone acting
    on the item meanwhile does not take its answer's alert away."""
    document, history = archive.get(event.document_id), archive.review_history(event.document_id)
    if document is None:  # it was just acted on: only a broken archive loses it
        raise DocumentNotFound(event.document_id)
    names = ctx.accounts.names()

    def name(username: str) -> str:
        return names.get(username, username)

    recorded = history[: max(i for i, e in enumerate(history) if e == event) + 1]
    sending = sending_alert(document, recorded, link=ctx.notifier.link, name=name)
    if sending is not None:
        ctx.notifier.announce(sending)
        return
    ctx.notifier.announce(
        *answer_alerts(
            document, recorded, is_center=center_actor(ctx), link=ctx.notifier.link, name=name
        )
    )


def _repeat_notice(err: RepeatedAction, ctx: WebContext, copies: bool) -> str:
    """What the sender of an action sent again is told; `copies`: it asked for the story's other
    copies too, which the first sending decided (or skipped), so none was decided now."""
    said = repeated_text(err.event, vn_datetime(err.event.at, ctx.settings.tz))
    return f"{said} Các bản cùng nội dung cũng không được áp dụng lại." if copies else said


def _unchanged_notice(
    err: UnchangedStatus, history: Sequence[ReviewEvent], account: Account, ctx: WebContext
) -> str:
    """What the sender of the status the item has already is told: as a repeat is, when the
    latest change of status is their own (their hurried second "Lưu trạng thái")."""
    changed = next((e for e in reversed(history) if e.status_after != e.status_before), None)
    if changed is not None and changed.actor == account.username and not changed.imported:
        return repeated_text(changed, vn_datetime(changed.at, ctx.settings.tz))
    unchanged = f"Bài đã ở trạng thái “{label(err.status)}”"
    return f"{unchanged}: không có gì thay đổi, không ghi lại lần nữa."


def _drafts(err: WorkflowError, action: str, note: str) -> dict[str, str]:
    """The refused action's note kept in its form; one sent with the status the item has is
    also put in "Thêm ghi chú", where it was meant to go (`_page_error` says so)."""
    return {action: note} | ({"note": note} if isinstance(err, UnchangedStatus) else {})


def _page_error(err: WorkflowError) -> str:
    """What the page shown again says; a stale action's, that it now shows the item as it is."""
    if isinstance(err, UnchangedStatus):
        return (
            f"{err} Trạng thái không đổi nên ghi chú chưa được ghi: ghi chú đã được chép vào ô "
            "“Thêm ghi chú”, bấm “Thêm” để ghi ghi chú; hoặc chọn trạng thái khác."
        )
    if isinstance(err, OwnStaleAction):
        return f"{err.own_what} Trang đã được tải lại: {err.own_advice}"
    if isinstance(err, StaleAction):
        return f"{err.what} Trang đã được tải lại: {err.advice}"
    return str(err)


def _status_of(err: WorkflowError) -> int:
    if isinstance(err, RoleForbidden):
        return 403
    if isinstance(err, NoteRequired):
        return 422
    return 409


def history_csv(events: Sequence[ReviewEvent], ctx: WebContext) -> str:
    """One row an event; "Người thực hiện" is the account as stored (the column's contract), the
    name people read and the office it acted for then are added last."""
    names, offices = ctx.accounts.names(), ctx.accounts.offices_at()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "Mã bài",
            "Thời gian",
            "Người thực hiện",
            "Thao tác",
            "Trạng thái trước",
            "Trạng thái sau",
            "Ghi chú",
            "Chi tiết",
            "Tên người thực hiện",
            "Đơn vị khi thực hiện",
        ]
    )
    for e in events:
        detail = "; ".join(
            detail_text(k, v) for k, v in e.detail.items() if v is not None and k != IMPORTED
        )
        writer.writerow(
            [
                csv_safe(v)
                for v in (
                    e.document_id,
                    vn_datetime(e.at, ctx.settings.tz),
                    actor_label(e),
                    ACTION_LABELS.get(e.action, e.action),
                    label(e.status_before),
                    label(e.status_after),
                    e.note,
                    detail,
                    traced_actor(e, names, offices),
                    acting_office(e.actor, e.at, e.imported, offices),
                )
            ]
        )
    return out.getvalue()


@router.get("/bai/{document_id}/nhat-ky.csv", include_in_schema=False)
def history_export(
    document_id: DocumentId, ctx: Context, archive: SessionArchive, session: CurrentSession
) -> Response:
    _, history = current_state(archive, document_id)
    safe_id = re.sub(r"[^0-9A-Za-z_-]", "", document_id)[:16]
    return Response(
        "\ufeff" + history_csv(history, ctx),  # BOM so Excel reads UTF-8 Vietnamese correctly
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="nhat-ky-{safe_id}.csv"'},
    )
