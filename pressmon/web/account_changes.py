"""Whether an administrator's disable, enable or role change changes anything: `pressmon users`
and /nguoi-dung both say a repeat and log nothing, since the audit log records changes and a
command run twice or a form sent twice is none."""

from __future__ import annotations

from typing import Literal

from pressmon.web.accounts import ROLE_LABELS, Account

AccountChange = Literal["disable", "enable", "set-role"]


def role_name(role: str) -> str:
    """'Lãnh đạo (lead)': the name people know, with the code the commands take."""
    return f"{ROLE_LABELS.get(role, role)} ({role})"


def unchanged(account: Account, change: AccountChange, role: str | None = None) -> str | None:
    """What `account` already is when `change` (to `role`, for "set-role") would change
    nothing, in words; None when it is a change.

    >>> from datetime import UTC, datetime
    >>> an = Account("an", "", "reviewer", False, datetime(2026, 1, 1, tzinfo=UTC))
    >>> unchanged(an, "set-role", "reviewer"), unchanged(an, "disable")
    ('an đã là Người xác minh (reviewer); không thay đổi gì', None)
    """
    if change == "disable" and account.disabled:
        return f"Tài khoản {account.username} đã khoá từ trước; không thay đổi gì"
    if change == "enable" and not account.disabled:
        return f"Tài khoản {account.username} đang dùng; không thay đổi gì"
    if change == "set-role" and account.role == role:
        return f"{account.username} đã là {role_name(account.role)}; không thay đổi gì"
    return None
