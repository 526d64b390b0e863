"""/doi-mat-khau: an account changes its own password (required after an admin's reset)."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from pressmon.web.accounts import Session
from pressmon.web.deps import (
    SESSION_COOKIE,
    Context,
    CurrentSession,
    WebContext,
    WritingSession,
)
from pressmon.web.errors import AccountError
from pressmon.web.routes import page

router = APIRouter()


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
    # Runs on the route thread pool: one argon2 verification, as a sign-in costs.
    if ctx.accounts.verify(username, current) is None:
        return _form(request, ctx, session, 400, "Mật khẩu hiện tại không đúng.")
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
