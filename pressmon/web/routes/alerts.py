"""/canh-bao: each account's alert settings (its address, opt-out, daily digest) beside what the
Center configured (SMTP or console, quiet hours, digest time)."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from pressmon.alerts.recipients import MAX_ADDRESS, address_problem
from pressmon.alerts.schedule import digest_clock, send_time
from pressmon.alerts.store import Preference
from pressmon.web.accounts import Session
from pressmon.web.deps import Context, CurrentSession, WebContext, WritingSession
from pressmon.web.params import MAX_TEXT
from pressmon.web.routes import page

# An address past e-mail's own limit is refused by address_problem, on the form with the settings
# typed, not on a bare error page; past this, the request is not a person typing an address.
TYPED_ADDRESS = 4 * MAX_ADDRESS


router = APIRouter()


def _form(
    request: Request,
    ctx: WebContext,
    session: Session,
    preference: Preference,
    *,
    status: int = 200,
    error: str = "",
    saved: bool = False,
) -> Response:
    return page(
        request,
        ctx,
        "alert_settings.html",
        status=status,
        preference=preference,
        alerts=ctx.settings.alerts,
        digest_clock=digest_clock(ctx.settings.alerts.digest_time, ctx.settings.alerts.quiet_hours),
        error=error,
        saved=saved,
    )


@router.get("/canh-bao", response_class=HTMLResponse, include_in_schema=False)
def alert_settings_page(request: Request, ctx: Context, session: CurrentSession) -> Response:
    preference = ctx.alerts.preference(session.account.username)
    return _form(request, ctx, session, preference, saved=request.query_params.get("da_luu") == "1")


@router.post("/canh-bao", include_in_schema=False)
def save_alert_settings(
    request: Request,
    ctx: Context,
    session: WritingSession,
    email: str = Form("", max_length=TYPED_ADDRESS),
    receive: str = Form(""),
    mode: str = Form("ngay", max_length=MAX_TEXT),
) -> Response:
    """`receive` is the "Nhận cảnh báo" checkbox (absent when unticked: opted out); `mode` is
    `ngay` (each alert at once) or `hang-ngay` (the daily digest)."""
    email = email.strip()
    preference = Preference(email=email, opted_out=not receive, digest=mode == "hang-ngay")
    problem = address_problem(email) if email else None
    if problem:
        error = f"Địa chỉ e-mail {problem}."
        return _form(request, ctx, session, preference, status=400, error=error)
    if mode not in ("ngay", "hang-ngay"):
        return _form(request, ctx, session, preference, status=400, error="Cách nhận không hợp lệ.")
    username = session.account.username
    ctx.alerts.set_preference(username, preference)
    # What waits for this address goes as now chosen: a switch to "at once" does not leave the
    # alerts queued for the digest until tomorrow.
    now, alerts = ctx.clock(), ctx.settings.alerts
    due = send_time(now, preference.digest, alerts.quiet_hours, alerts.digest_time, ctx.settings.tz)
    ctx.alerts.follow_preference(preference, now, due)
    ctx.accounts.record(
        username,
        username,
        "alert-settings",
        f"email={email or '-'}, nhận={'không' if preference.opted_out else 'có'}, "
        f"cách={'hằng ngày' if preference.digest else 'ngay'}",
    )
    return RedirectResponse("/canh-bao?da_luu=1", status_code=303)
