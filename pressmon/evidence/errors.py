"""Errors of the evidence package (under PressmonError)."""

from __future__ import annotations

from pressmon.errors import PressmonError


class EvidenceError(PressmonError):
    """A saved copy cannot be written or read, or its content no longer matches its hash."""
