"""Errors raised by the web app and its account store (all under PressmonError). Review workflow
errors live in `pressmon.review.errors`."""

from __future__ import annotations

from pressmon.errors import PressmonError


class AccountError(PressmonError):
    """An account cannot be created, found or changed as asked (raised by AccountStore)."""


class PermissionDenied(PressmonError):
    """The signed-in user's role may not do this (raised by route dependencies)."""


class AccountNotFound(AccountError):
    """The named account does not exist (the web app answers 404)."""


class BadParameter(PressmonError):
    """A query parameter is outside its allowed range; the message is Vietnamese (400)."""
