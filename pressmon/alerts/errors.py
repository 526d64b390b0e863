"""Errors of the alerts package."""

from __future__ import annotations

from pressmon.errors import PressmonError


class AlertError(PressmonError):
    """Root of the alerts package's errors."""


class DeliveryFailed(AlertError):
    """One channel could not deliver a message (the SMTP server or webhook refused or was
    unreachable); the delivery is retried later."""


class DeliveryRefused(DeliveryFailed):
    """The receiving server refused the message for good (an SMTP 5xx reply to its sender,
    recipient or content; an HTTP 4xx other than 408 and 429): sent again it would be refused
    again, so the delivery fails at once."""
