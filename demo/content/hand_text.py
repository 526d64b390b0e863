"""The shape of an article written out by hand rather than composed from the pools."""

from __future__ import annotations

from typing import NotRequired, TypedDict


class HandText(TypedDict):
    lead: str
    body: tuple[str, ...]
    comments: NotRequired[tuple[str, ...]]  # forum threads only
