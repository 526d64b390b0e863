"""The reviewers' web app: `create_app(settings, archive=...)`; accounts for the CLI."""

from __future__ import annotations

from pressmon.web.accounts import ROLES, Account, AccountStore, ensure_demo_account
from pressmon.web.app import create_app

__all__ = ["ROLES", "Account", "AccountStore", "create_app", "ensure_demo_account"]
