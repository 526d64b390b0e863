"""One exception root for the wiring package (settings, CLI, pipeline, web)."""


class PressmonError(Exception):
    """Root of every error raised by `pressmon`; `hint` says what to do about it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class ConfigError(PressmonError):
    """A configuration file is missing, unreadable or invalid; the message names file and field."""


class StateDatabaseError(PressmonError):
    """The state database cannot be opened, or its schema is newer than this code."""
