"""Errors raised by the web app and its account store (all under PressmonError)."""

from __future__ import annotations

from pressmon.errors import PressmonError


class AccountError(PressmonError):
    """An account cannot be created, found or changed as asked (raised by AccountStore)."""


class WorkflowError(PressmonError):
    """A review action is not allowed from the item's current state or by this role
    (workflow.py)."""


class PermissionDenied(PressmonError):
    """The signed-in user's role may not do this (raised by route dependencies)."""


class RoleForbidden(WorkflowError):
    """The action exists but the user's role may not take it (e.g. a reviewer reopening): 403."""
