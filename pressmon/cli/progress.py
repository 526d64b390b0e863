"""Progress of long commands, on stderr so it never mixes with --json/--csv on stdout.

On a terminal a bar (tqdm) with counts and an estimate of the time left; elsewhere (a pipe, a log
file, CI) a plain line now and then; with --quiet nothing. A command reports `(stage, done,
total)` as it works; a new stage closes the previous one.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, Literal, TextIO

import click

from pressmon.web.formatting import number

Mode = Literal["bar", "lines", "quiet"]

# Plain lines: one per tenth of a stage with a known total, else one every this many seconds.
LINE_SECONDS = 10.0
_BAR_FORMAT = "{desc}: {percentage:3.0f}% |{bar}| {n_fmt}/{total_fmt} [{elapsed}, còn {remaining}]"
_COUNT_FORMAT = "{desc}: {n_fmt} [{elapsed}]{postfix}"


quiet_option = click.option(
    "--quiet", is_flag=True, help="Không hiện thanh hay dòng tiến độ (stderr)."
)


def progress_mode(quiet: bool, stream: TextIO | None = None) -> Mode:
    """A bar on a terminal, plain lines elsewhere, nothing with --quiet."""
    if quiet:
        return "quiet"
    return "bar" if (stream or sys.stderr).isatty() else "lines"


def vn_duration(seconds: float) -> str:
    """About how long, in Vietnamese: '40 giây', '3 phút', '1 giờ 5 phút'."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} giây"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} phút"
    return f"{minutes // 60} giờ {minutes % 60} phút"


class Progress:
    """Callable as `progress(stage, done, total, note)`; close it (or use `with`) when done."""

    def __init__(
        self,
        mode: Mode,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._mode = mode
        self._stream = stream or sys.stderr
        self._clock = clock
        self._stage: str | None = None
        self._started = 0.0
        self._last_line = 0.0
        self._last_tenth = -1
        self._bar: Any = None
        self._shown: tuple[int, int | None, str] | None = None
        self._printed: tuple[int, int | None, str] | None = None

    def __call__(self, stage: str, done: int, total: int | None = None, note: str = "") -> None:
        if self._mode == "quiet":
            return
        if stage != self._stage:
            self._finish()
            self._stage, self._started = stage, self._clock()
            self._last_line, self._last_tenth = self._started, -1
            if self._mode == "bar":
                self._bar = _tqdm_bar(stage, total, self._stream)
        if self._bar is not None:
            if total is not None and self._bar.total != total:
                self._bar.total = total
            if note:
                self._bar.set_postfix_str(note, refresh=False)
            self._bar.update(done - self._bar.n)
        else:
            self._maybe_line(stage, done, total, note)
        self._shown = (done, total, note)

    def _maybe_line(self, stage: str, done: int, total: int | None, note: str) -> None:
        now = self._clock()
        if total:
            tenth = min(10, done * 10 // total)
            due = tenth > self._last_tenth
            if due:
                self._last_tenth = tenth
        else:
            due = now - self._last_line >= LINE_SECONDS
        if due:
            self._last_line = now
            self._stream.write(self._line(stage, done, total, note, now) + "\n")
            self._stream.flush()
            self._printed = (done, total, note)

    def _line(self, stage: str, done: int, total: int | None, note: str, now: float) -> str:
        elapsed = now - self._started
        text = f"  {stage}: {number(done)}"
        if total:
            text += f"/{number(total)} ({done * 100 // total}%)"
            if 0 < done < total:
                text += f", còn khoảng {vn_duration(elapsed / done * (total - done))}"
        if note:
            text += f" · {note}"
        return text

    def _finish(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        elif self._stage is not None and self._shown and self._shown != self._printed:
            done, total, note = self._shown  # the stage's last figures, once
            self._stream.write(self._line(self._stage, done, total, note, self._clock()) + "\n")
            self._stream.flush()
        self._stage, self._shown, self._printed = None, None, None

    def close(self) -> None:
        self._finish()

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _tqdm_bar(stage: str, total: int | None, stream: TextIO) -> Any:
    from tqdm import tqdm  # only when a terminal shows a bar

    return tqdm(
        total=total,
        desc=stage,
        file=stream,
        bar_format=_BAR_FORMAT if total else _COUNT_FORMAT,
        dynamic_ncols=True,
        leave=True,
    )
