"""/nguoi-dung: account management, admins only."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from pressmon.web.accounts import ROLES, Session
from pressmon.web.deps import Context, WritingSession
from pressmon.web.errors import AccountError, PermissionDenied
from pressmon.web.routes import page, require_role

router = APIRouter()
AdminOnly = require_role("admin")


def _admin(session: Session) -> None:
    if session.account.role != "admin":
        raise PermissionDenied("Chỉ quản trị viên được quản lý người dùng.")


@router.get("/nguoi-dung", response_class=HTMLResponse, include_in_schema=False)
def users_page(request: Request, ctx: Context, session: Session = AdminOnly) -> Response:
    return page(request, ctx, "users.html", users=ctx.accounts.list(), roles=ROLES)


@router.post("/nguoi-dung", include_in_schema=False)
def add_user(
    request: Request,
    ctx: Context,
    session: WritingSession,
    username: str = Form(...),
    password: str = Form(...),
    role: str = Form(...),
    display_name: str = Form(""),
) -> Response:
    _admin(session)
    try:
        ctx.accounts.add(username, password, role, display_name)
    except AccountError as err:
        message = f"Không tạo được tài khoản: {err}" + (f" ({err.hint})" if err.hint else "")
        return page(
            request,
            ctx,
            "users.html",
            status=400,
            users=ctx.accounts.list(),
            roles=ROLES,
            error=message,
        )
    return RedirectResponse("/nguoi-dung", status_code=303)


@router.post("/nguoi-dung/{username}/khoa", include_in_schema=False)
def disable_user(
    username: str, request: Request, ctx: Context, session: WritingSession
) -> Response:
    _admin(session)
    if username == session.account.username:
        raise PermissionDenied("Không thể tự khoá tài khoản của chính mình.")
    try:
        ctx.accounts.disable(username)
    except AccountError:
        return page(
            request,
            ctx,
            "users.html",
            status=404,
            users=ctx.accounts.list(),
            roles=ROLES,
            error="Không có tài khoản này.",
        )
    return RedirectResponse("/nguoi-dung", status_code=303)
