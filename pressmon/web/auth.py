"""Sign-in and sign-out pages. Everything else requires a session (see deps.get_session)."""

from __future__ import annotations

import hmac
import logging
import secrets

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from pressmon.web.deps import SESSION_COOKIE, Context, WritingSession

router = APIRouter()
log = logging.getLogger(__name__)
LOGIN_COOKIE = "pm_login"  # double-submit token protecting the sign-in form itself


def safe_next(target: str | None) -> str:
    """Only same-site paths: never redirect to another host after sign-in."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


def _login_page(
    request: Request,
    ctx: Context,
    *,
    error: str = "",
    status: int = 200,
    next_path: str = "/",
    username: str = "",
) -> Response:
    token = secrets.token_urlsafe(24)
    response = ctx.templates.TemplateResponse(
        request,
        "login.html",
        {"login_token": token, "error": error, "next": next_path, "username": username},
        status_code=status,
    )
    response.set_cookie(
        LOGIN_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=3600,
    )
    return response


@router.get("/login", include_in_schema=False)
def login_alias(request: Request) -> RedirectResponse:
    return RedirectResponse(
        "/dang-nhap" + (f"?{request.url.query}" if request.url.query else ""), 307
    )


@router.get("/dang-nhap", response_class=HTMLResponse, include_in_schema=False)
def login_form(request: Request, ctx: Context, next: str = "/") -> Response:
    return _login_page(request, ctx, next_path=safe_next(next))


@router.post("/dang-nhap", response_class=HTMLResponse, include_in_schema=False)
def login(
    request: Request,
    ctx: Context,
    username: str = Form(""),
    password: str = Form(""),
    csrf_token: str = Form(""),
    next: str = Form("/"),
) -> Response:
    cookie = request.cookies.get(LOGIN_COOKIE, "")
    if not cookie or not hmac.compare_digest(cookie.encode(), csrf_token.encode()):
        return _login_page(
            request,
            ctx,
            status=403,
            next_path=safe_next(next),
            username=username,
            error="Phiên đăng nhập đã hết hạn, vui lòng thử lại.",
        )
    address = request.client.host if request.client else "?"
    if ctx.throttle.blocked(username, address):
        log.warning("sign-in refused (rate limit) for %r from %s", username, address)
        minutes = int(ctx.throttle.window.total_seconds() // 60)
        return _login_page(
            request,
            ctx,
            status=429,
            next_path=safe_next(next),
            username=username,
            error=f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.",
        )
    account = ctx.accounts.verify(username, password)
    if account is None:
        ctx.throttle.failed(username, address)
        log.warning("failed sign-in for %r from %s", username, address)
        return _login_page(
            request,
            ctx,
            status=401,
            next_path=safe_next(next),
            username=username,
            error="Sai tên đăng nhập hoặc mật khẩu.",
        )
    ctx.throttle.succeeded(username, address)
    token, session = ctx.accounts.open_session(account, ctx.session_secret)
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        max_age=int((session.expires_at - ctx.clock()).total_seconds()),
    )
    response.delete_cookie(LOGIN_COOKIE)
    return response


@router.post("/dang-xuat", include_in_schema=False)
def logout(request: Request, ctx: Context, session: WritingSession) -> RedirectResponse:
    ctx.accounts.close_session(request.cookies.get(SESSION_COOKIE, ""), ctx.session_secret)
    response = RedirectResponse("/dang-nhap", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
