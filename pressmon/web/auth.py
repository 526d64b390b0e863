"""Sign-in and sign-out pages. Everything else requires a session (see deps.get_session)."""

from __future__ import annotations

import asyncio
import hmac
import logging
import math
import secrets
from dataclasses import dataclass

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from pressmon.web.accounts import Account, Session
from pressmon.web.deps import (
    SESSION_COOKIE,
    Context,
    WebContext,
    WritingSession,
    request_address,
    secure_cookies,
)
from pressmon.web.throttle import Verdict

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
        secure=secure_cookies(request, ctx),
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


@dataclass(frozen=True)
class Attempt:
    """What one sign-in attempt came to (session fields only when it succeeded)."""

    verdict: Verdict
    token: str = ""
    session: Session | None = None


@dataclass(frozen=True)
class PasswordCheck:
    """What one throttled password check came to."""

    verdict: Verdict  # reason "wrong" when it was checked and did not match
    account: Account | None = None  # only when the password matched
    failures: int = 0  # after a wrong password: the account's failures in a row


def throttled_verify(ctx: WebContext, username: str, password: str, address: str) -> PasswordCheck:
    """Every password check of the app goes through here, sign-in and /doi-mat-khau alike, so
    both count against one limit (pressmon.web.throttle): the throttle's verdict first, then one
    argon2 verification, whose failure is counted against the account and the address and whose
    success clears the account's count. Blocking."""
    verdict = ctx.throttle.check(username, address)
    if not verdict.allowed:
        return PasswordCheck(verdict)
    account = ctx.accounts.verify(username, password)
    if account is None:
        record = ctx.throttle.failed(username)
        return PasswordCheck(Verdict(False, "wrong"), failures=record.failures)
    ctx.throttle.succeeded(username, verdict)
    return PasswordCheck(verdict, account)


def attempt(ctx: WebContext, username: str, password: str, address: str) -> Attempt:
    """Throttle check, argon2 verification and bookkeeping: blocking work, run on the login pool."""
    checked = throttled_verify(ctx, username, password, address)
    if checked.account is None:
        if checked.verdict.reason == "wrong":
            log.warning(
                "đăng nhập sai của %r từ %s (%d lần liên tiếp)", username, address, checked.failures
            )
        else:
            log.warning(
                "từ chối đăng nhập (%s) của %r từ %s", checked.verdict.reason, username, address
            )
        return Attempt(checked.verdict)
    token, session = ctx.accounts.open_session(checked.account, ctx.session_secret)
    return Attempt(checked.verdict, token, session)


def throttled_message(verdict: Verdict, failure: str) -> str:
    """Why the throttle refused, in the words of the page: `failure` names what went wrong too
    often ("đăng nhập sai" at sign-in, "nhập sai mật khẩu" on /doi-mat-khau)."""
    if verdict.reason == "account_locked":
        return (
            f"Tài khoản đã bị tạm khoá do {failure} nhiều lần. "
            "Vui lòng liên hệ quản trị viên để mở khoá."
        )
    if verdict.reason == "account_wait":
        seconds = max(1, math.ceil(verdict.retry_after.total_seconds()))
        return f"{failure[:1].upper()}{failure[1:]} nhiều lần. Vui lòng thử lại sau {seconds} giây."
    if verdict.reason == "address_limit":
        minutes = max(1, math.ceil(verdict.retry_after.total_seconds() / 60))
        return f"Quá nhiều lần {failure} từ địa chỉ này. Vui lòng thử lại sau {minutes} phút."
    raise ValueError(f"not a throttle refusal: {verdict.reason}")


def set_retry_after(response: Response, verdict: Verdict) -> Response:
    """The refusal's wait, when it has one, for clients that read the header."""
    if verdict.retry_after:
        response.headers["Retry-After"] = str(
            max(1, math.ceil(verdict.retry_after.total_seconds()))
        )
    return response


def _refusal(verdict: Verdict) -> tuple[int, str]:
    if verdict.reason == "wrong":
        return 401, "Sai tên đăng nhập hoặc mật khẩu."
    return 429, throttled_message(verdict, "đăng nhập sai")


@router.post("/dang-nhap", response_class=HTMLResponse, include_in_schema=False)
async def login(
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
    address = request_address(request, ctx)
    # argon2 costs ~0.5 s of CPU: it runs on the small login pool, never on the event loop nor
    # on the pool serving every other page, so a flood of guesses queues behind itself.
    result = await asyncio.get_running_loop().run_in_executor(
        ctx.login_pool, attempt, ctx, username, password, address
    )
    if result.session is None:
        status, message = _refusal(result.verdict)
        response = _login_page(
            request, ctx, status=status, next_path=safe_next(next), username=username, error=message
        )
        return set_retry_after(response, result.verdict)
    # After an administrator's reset the one-time password opens only the change-password page.
    target = "/doi-mat-khau" if result.session.account.must_change_password else safe_next(next)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        result.token,
        httponly=True,
        samesite="lax",
        secure=secure_cookies(request, ctx),
        max_age=int((result.session.expires_at - ctx.clock()).total_seconds()),
    )
    response.delete_cookie(LOGIN_COOKIE)
    return response


@router.post("/dang-xuat", include_in_schema=False)
def logout(request: Request, ctx: Context, session: WritingSession) -> RedirectResponse:
    ctx.accounts.close_session(request.cookies.get(SESSION_COOKIE, ""), ctx.session_secret)
    response = RedirectResponse("/dang-nhap", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
