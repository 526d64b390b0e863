"""Route modules, one per area: queue, item, coverage, search, users, api."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Request
from fastapi.responses import Response

from pressmon.web.accounts import Session
from pressmon.web.deps import CurrentSession, WebContext
from pressmon.web.errors import PermissionDenied


def page(request: Request, ctx: WebContext, name: str, status: int = 200, **context: Any) -> Response:
    return ctx.templates.TemplateResponse(request, name, context, status_code=status)


def require_role(*roles: str):
    """A dependency admitting only the given roles (403 with a Vietnamese message otherwise)."""

    def check(session: CurrentSession) -> Session:
        if session.account.role not in roles:
            raise PermissionDenied("Tài khoản của bạn không có quyền thực hiện thao tác này.")
        return session

    return Depends(check)
