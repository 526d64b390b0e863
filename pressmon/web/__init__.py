"""The reviewers' web app: `create_app(settings, archive=...)`; accounts for the CLI."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pressmon.web.accounts import ROLES, Account, AccountStore, ensure_demo_account
    from pressmon.web.app import create_app

# Loaded on first use (PEP 562): `pressmon users` needs the account store, not FastAPI, and
# must start fast (tests/test_cli_start.py).
_HOMES = {
    "ROLES": "accounts",
    "Account": "accounts",
    "AccountStore": "accounts",
    "ensure_demo_account": "accounts",
    "create_app": "app",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'pressmon.web' has no attribute {name!r}")
    return getattr(import_module(f"pressmon.web.{_HOMES[name]}"), name)


__all__ = ["ROLES", "Account", "AccountStore", "create_app", "ensure_demo_account"]
