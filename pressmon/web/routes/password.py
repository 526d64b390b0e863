"""/doi-mat-khau: an account changes its own password (required after an admin's reset).

The current password is checked as a sign-in checks it, throttled by the same count
(pressmon.web.auth.throttled_verify): a stolen session cookie cannot be used to guess it."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from pressmon.web.accounts import Session
from pressmon.web.auth import set_retry_after, throttled_message, throttled_verify
from pressmon.web.deps import (
    SESSION_COOKIE,
    Context,
    CurrentSession,
    WebContext,
    WritingSession,
    request_address,
)
from pressmon.web.errors import AccountError
from pressmon.web.routes import page

router = APIRouter()
log = logging.getLogger(__name__)


def _form(request: Request, ctx: WebContext, session: Session, status: int = 200, error: str = ""):
    return page(
        request,
        ctx,
        "change_password.html",
        status=status,
        required=session.account.must_change_password,
        error=error,
    )


@router.get("/doi-mat-khau", response_class=HTMLResponse, include_in_schema=False)
def change_password_page(request: Request, ctx: Context, session: CurrentSession) -> Response:
    return _form(request, ctx, session)


@router.post("/doi-mat-khau", include_in_schema=False)
def change_password(
    request: Request,
    ctx: Context,
    session: WritingSession,
    current: str = Form(...),
    new: str = Form(...),
    confirm: str = Form(...),
) -> Response:
    username = session.account.username
    address = request_address(request, ctx)
    # Runs on the route thread pool: one argon2 verification, as a sign-in costs.
    checked = throttled_verify(ctx, username, current, address)
    if checked.verdict.reason == "wrong":
        log.warning(
            "nhập sai mật khẩu hiện tại khi đổi mật khẩu của %r từ %s (%d lần liên tiếp)",
            username,
            address,
            checked.failures,
        )
        return _form(request, ctx, session, 400, "Mật khẩu hiện tại không đúng.")
    if checked.account is None:
        log.warning(
            "từ chối đổi mật khẩu (%s) của %r từ %s", checked.verdict.reason, username, address
        )
        message = throttled_message(checked.verdict, "nhập sai mật khẩu")
        return set_retry_after(_form(request, ctx, session, 429, message), checked.verdict)
    if new != confirm:
        return _form(request, ctx, session, 400, "Hai lần nhập mật khẩu mới không khớp.")
    try:
        ctx.accounts.change_password(username, new)
    except AccountError as err:
        message = f"Không đổi được mật khẩu: {err}" + (f" ({err.hint})" if err.hint else "")
        return _form(request, ctx, session, 400, message)
    # Whoever else was signed in with the old password is signed out; this browser stays in.
    token = request.cookies.get(SESSION_COOKIE, "")
    ctx.accounts.close_other_sessions(username, token, ctx.session_secret)
    ctx.accounts.record(username, username, "change-password")
    return RedirectResponse("/", status_code=303)
