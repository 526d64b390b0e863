"""/nguoi-dung: account management, admins only."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from pressmon.audit import account_entry, action_label, actor_name
from pressmon.filters import Resolved, UnknownFilterValue
from pressmon.web.account_changes import unchanged
from pressmon.web.accounts import ROLES, Account, Session, added_detail
from pressmon.web.deps import Context, WebContext, WritingSession
from pressmon.web.errors import AccountError, AccountNotFound, PermissionDenied
from pressmon.web.params import MAX_TEXT
from pressmon.web.routes import page, require_role
from pressmon.web.routes.audit import display_names, shown_detail

router = APIRouter()
AdminOnly = require_role("admin")


def _admin(session: Session) -> None:
    if session.account.role != "admin":
        raise PermissionDenied("Chỉ quản trị viên được quản lý người dùng.")


def _users(
    request: Request,
    ctx: WebContext,
    status: int = 200,
    error: str = "",
    notice: str = "",
    typed: Mapping[str, str] | None = None,
) -> Response:
    """`typed`: the add form's fields as a refused add sent them (never the password), so only
    the wrong one is typed again."""
    return page(
        request,
        ctx,
        "users.html",
        status=status,
        users=ctx.accounts.list(),
        roles=ROLES,
        provinces=ctx.provinces,
        login_locks=ctx.throttle.locked(),
        # Named as on /nhat-ky: who by name, the change in words.
        events=[account_entry(e) for e in ctx.accounts.events(limit=20)],
        names=display_names(ctx),
        actor_name=actor_name,
        action_label=action_label,
        shown_detail=shown_detail,
        error=error,
        notice=notice,
        typed=typed or {},
    )


@router.get("/nguoi-dung", response_class=HTMLResponse, include_in_schema=False)
def users_page(request: Request, ctx: Context, session: Session = AdminOnly) -> Response:
    return _users(request, ctx)


@router.post("/nguoi-dung", include_in_schema=False)
def add_user(
    request: Request,
    ctx: Context,
    session: WritingSession,
    username: str = Form(...),
    password: str = Form(...),
    role: str = Form(...),
    display_name: str = Form(""),
    province: str = Form("", max_length=MAX_TEXT),
) -> Response:
    """`province`: empty for the Center; else any spelling the filters accept ("Nghe An")."""
    _admin(session)
    try:
        # the name first, as `pressmon users add`: a taken name is said, not the province typed
        ctx.accounts.new_username(username)
        found = resolve_province(ctx, province)
        stored = found.value if found else None
        account = ctx.accounts.add(username, password, role, display_name, province=stored)
    except (AccountError, UnknownFilterValue) as err:
        message = f"Không tạo được tài khoản: {err}" + (f" ({err.hint})" if err.hint else "")
        typed = {
            "username": username,
            "display_name": display_name,
            "role": role,
            "province": province,
        }
        return _users(request, ctx, status=400, error=message, typed=typed)
    detail = added_detail(role, stored)
    ctx.accounts.record(session.account.username, account.username, "add", detail)
    if found and found.note:  # an old unit's name ("Hà Tây"): say which province it was read as
        said = f"Đã tạo tài khoản {account.username}. Lưu ý: {found.note}."
        return _users(request, ctx, notice=said)
    return RedirectResponse("/nguoi-dung", status_code=303)


def resolve_province(ctx: WebContext, typed: str) -> Resolved | None:
    """The province for what was typed; None (the Center) when nothing was."""
    if not typed.strip():
        return None
    if ctx.filters is None:
        raise AccountError("không có danh sách tỉnh (config/provinces.yaml) để kiểm tra tỉnh")
    return ctx.filters.province(typed)


def _existing(ctx: WebContext, username: str) -> Account:
    account = ctx.accounts.get(username.strip())
    if account is None:
        raise AccountNotFound(f"không có tài khoản {username!r}")
    return account


@router.post("/nguoi-dung/{username}/khoa", include_in_schema=False)
def disable_user(
    username: str, request: Request, ctx: Context, session: WritingSession
) -> Response:
    _admin(session)
    account = _existing(ctx, username)
    # Compared after the store's folding (`ADMIN` is `admin`): an admin cannot lock himself out.
    if account.username == session.account.username:
        raise PermissionDenied("Không thể tự khoá tài khoản của chính mình.")
    # A form sent twice: said on the page, not logged again (the log records changes).
    if said := unchanged(account, "disable"):
        return _users(request, ctx, notice=said)
    ctx.accounts.disable(account.username)
    ctx.accounts.record(session.account.username, account.username, "disable")
    return RedirectResponse("/nguoi-dung", status_code=303)


@router.post("/nguoi-dung/{username}/mo-khoa-dang-nhap", include_in_schema=False)
def unlock_login(username: str, ctx: Context, session: WritingSession) -> Response:
    """Lift the lock (and back-off) that failed sign-ins put on an account."""
    _admin(session)
    account = _existing(ctx, username)
    ctx.throttle.unlock(account.username)
    ctx.accounts.record(session.account.username, account.username, "unlock")
    return RedirectResponse("/nguoi-dung", status_code=303)


@router.post("/nguoi-dung/{username}/mo-lai", include_in_schema=False)
def enable_user(username: str, request: Request, ctx: Context, session: WritingSession) -> Response:
    """Re-enable a disabled account."""
    _admin(session)
    account = _existing(ctx, username)
    if said := unchanged(account, "enable"):
        return _users(request, ctx, notice=said)
    ctx.accounts.enable(account.username)
    ctx.accounts.record(session.account.username, account.username, "enable")
    return RedirectResponse("/nguoi-dung", status_code=303)


@router.post("/nguoi-dung/{username}/vai-tro", include_in_schema=False)
def set_role(
    request: Request,
    username: str,
    ctx: Context,
    session: WritingSession,
    role: str = Form(...),
) -> Response:
    _admin(session)
    account = _existing(ctx, username)
    # Folded comparison, as for disabling: an admin cannot demote himself out of this page.
    if account.username == session.account.username and role != "admin":
        raise PermissionDenied("Không thể tự hạ vai trò của chính mình.")
    if said := unchanged(account, "set-role", role):
        return _users(request, ctx, notice=said)
    try:
        ctx.accounts.set_role(account.username, role)
    except AccountError as err:
        return _users(request, ctx, status=400, error=f"Không đổi được vai trò: {err}")
    ctx.accounts.record(
        session.account.username, account.username, "set-role", f"{account.role} -> {role}"
    )
    return RedirectResponse("/nguoi-dung", status_code=303)


@router.post("/nguoi-dung/{username}/dat-lai-mat-khau", include_in_schema=False)
def reset_password(
    request: Request, username: str, ctx: Context, session: WritingSession
) -> Response:
    """A one-time password, shown once on the page (not in a redirect URL or a log)."""
    _admin(session)
    account = _existing(ctx, username)
    password = ctx.accounts.reset_password(account.username)
    ctx.accounts.record(session.account.username, account.username, "reset-password")
    notice = (
        f"Mật khẩu dùng một lần của {account.username}: {password} — chỉ hiện một lần; "
        "người dùng phải đổi mật khẩu khi đăng nhập."
    )
    response = _users(request, ctx, notice=notice)
    response.headers["Cache-Control"] = "no-store"
    return response
