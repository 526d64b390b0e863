"""One exception root for the vntext package."""


class VntextError(Exception):
    """Root of every error raised by `vntext`."""
