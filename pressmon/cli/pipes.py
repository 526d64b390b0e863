"""Output to a reader that went away (`pressmon search BHXH | head -1`): a quiet, fixed exit.

Python ignores SIGPIPE, so a write to a pipe whose reader has closed raises BrokenPipeError.
Click turned one raised by a command into exit 1 with nothing said; one raised by the flush of
still-buffered output at interpreter exit printed "Exception ignored … BrokenPipeError" and
exited 120; output that fit in the pipe in time exited 0. The Python docs' recipe (the `signal`
module, "Note on SIGPIPE"): catch BrokenPipeError at the top, point stdout at os.devnull so the
flush at exit has somewhere to go, and exit with one status.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

# 128 + SIGPIPE (13): what the shell reports for `cat`, `grep` or `yes` stopped the same way, so
# `set -o pipefail` scripts and ${PIPESTATUS[0]} see the conventional value and can tell "the
# reader stopped early" from 1, "the command failed" (which prints its "Lỗi:" line). The docs'
# recipe exits 1, which would make the two indistinguishable.
EXIT_READER_GONE = 141


@contextmanager
def quiet_when_reader_goes() -> Iterator[None]:
    """A BrokenPipeError becomes a silent exit with EXIT_READER_GONE."""
    try:
        yield
    except BrokenPipeError:
        silence_stdout()
        raise click.exceptions.Exit(EXIT_READER_GONE) from None


def flush_stdout() -> bool:
    """Write out what stdout still buffers; False (and stdout silenced) if its reader is gone."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        return False
    return True


def silence_stdout() -> None:
    """Point stdout's file descriptor at os.devnull: what is still buffered, and anything written
    until the process ends, goes nowhere instead of raising again at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass  # not a file (a test's captured output): nothing of it is flushed at exit
    finally:
        os.close(devnull)
