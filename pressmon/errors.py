"""One exception root for the wiring package (settings, CLI, pipeline, web)."""

import sqlite3
from pathlib import Path


class PressmonError(Exception):
    """Root of every error raised by `pressmon`; `hint` says what to do about it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class ConfigError(PressmonError):
    """A configuration file is missing, unreadable or invalid; the message names file and field."""


class StateDatabaseError(PressmonError):
    """The state database cannot be opened, or its schema is newer than this code."""


class StateDatabaseUnusable(StateDatabaseError):
    """SQLite failed on the state database (held by another process past the wait, damaged,
    read-only): `path` and SQLite's error `cause`, so a crawl stops on it as on its own
    (crawlers.errors.CrawlStateError)."""

    def __init__(self, message: str, hint: str, path: Path, cause: sqlite3.Error) -> None:
        super().__init__(message, hint)
        self.path = path
        self.cause = cause
