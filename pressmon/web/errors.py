"""Errors raised by the web app and its account store (all under PressmonError). Review workflow
errors live in `pressmon.review.errors`."""

from __future__ import annotations

from collections.abc import Iterable

from pressmon.errors import PressmonError


class AccountError(PressmonError):
    """An account cannot be created, found or changed as asked (raised by AccountStore)."""


class PermissionDenied(PressmonError):
    """The signed-in user's role may not do this (raised by route dependencies)."""


class AccountNotFound(AccountError):
    """The named account does not exist (the web app answers 404)."""


class BadParameter(PressmonError):
    """A query parameter is outside its allowed range; the message is Vietnamese (400)."""


class UnknownChoice(BadParameter):
    """A value of an enumerated query parameter that is none of its codes (pressmon.web.choices):
    the API refuses it (400); a page ignores it with a notice."""

    def __init__(self, name: str, label: str, value: str, codes: Iterable[str]) -> None:
        self.name, self.label, self.value, self.codes = name, label, value, tuple(codes)
        super().__init__(
            f"Tham số không hợp lệ: {name} «{value}» không có trong danh sách; "
            f"giá trị hợp lệ: {', '.join(self.codes)}",
            hint=f"dùng một trong các mã của {name}",
        )
