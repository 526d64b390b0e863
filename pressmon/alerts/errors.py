"""Errors of the alerts package."""

from __future__ import annotations

from pressmon.errors import PressmonError


class AlertError(PressmonError):
    """Root of the alerts package's errors."""


class DeliveryFailed(AlertError):
    """One channel could not deliver a message (the SMTP server or webhook refused or was
    unreachable); the delivery is retried later."""
