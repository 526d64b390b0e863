"""Route modules, one per area: queue, item, coverage, search, users, api."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Request
from fastapi.responses import Response

from pressmon.web.accounts import Session
from pressmon.web.choices import choice_warning
from pressmon.web.deps import CurrentSession, WebContext
from pressmon.web.errors import PermissionDenied
from pressmon.web.params import DATE_LABELS, filter_notice
from pressmon.web.repeated_params import repeat_warning

# Coverage exports (CSV, XLSX) and the leadership report, as README states the roles.
REPORT_ROLES = ("lead", "admin")


def date_warning(request: Request) -> str:
    """Say which typed dates the page's date filter could not read (ignored rather than guessed)."""
    bad = [DATE_LABELS[name] for name in unread_dates(request)]
    return (
        f"Ngày không hợp lệ ({', '.join(bad)}), đã bỏ qua. Nhập theo dạng dd/mm/yyyy."
        if bad
        else ""
    )


def unread_dates(request: Request) -> dict[str, str]:
    """Date parameter -> the text the page's date filter could not read (params.date_range)."""
    return getattr(request.state, "unread_dates", {})


def page(
    request: Request, ctx: WebContext, name: str, status: int = 200, **context: Any
) -> Response:
    context.setdefault("date_warning", date_warning(request))
    context.setdefault("unread_dates", unread_dates(request))
    context.setdefault("choice_warning", choice_warning(request))
    context.setdefault("repeat_warning", repeat_warning(request))
    context.setdefault("filter_notice", filter_notice(request))
    return ctx.templates.TemplateResponse(request, name, context, status_code=status)


def require_role(*roles: str):
    """A dependency admitting only the given roles (403 with a Vietnamese message otherwise)."""

    def check(session: CurrentSession) -> Session:
        if session.account.role not in roles:
            raise PermissionDenied("Tài khoản của bạn không có quyền thực hiện thao tác này.")
        return session

    return Depends(check)


def reports_only():
    """The Center's leads and admins: exports and the leadership report. They cover every
    province, so a provincial office's account is refused them whatever its role."""

    def check(session: CurrentSession) -> Session:
        if session.account.role not in REPORT_ROLES:
            raise PermissionDenied("Tài khoản của bạn không có quyền thực hiện thao tác này.")
        if session.account.province is not None:
            raise PermissionDenied(
                "Báo cáo và tệp xuất gồm mọi tỉnh, thành phố: chỉ tài khoản của Trung tâm được xem."
            )
        return session

    return Depends(check)
