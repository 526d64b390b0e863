"""JSON lines in a legacy encoding (Windows-1258, Latin-1): refused as a whole, before a write.

Read line by line as UTF-8, such a file had every Vietnamese letter replaced by U+FFFD (and its
articles, their keywords gone, dropped as not about BHXH) while `ingest` exited 0. A UTF-8 file
with a few stray bytes is another matter: its lines are kept, the bytes replaced and noted.
The rule that tells them apart: more than one non-blank line in `SHARE` not being UTF-8 means
the file is in another encoding. It is named Windows-1258 when every such line reads, in that
code page, as Vietnamese text.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from typing import BinaryIO

from pressmon.errors import PressmonError

SHARE = 10  # more than 1 non-blank line in 10 not UTF-8: the file is not UTF-8
# How much of an input `head_check` reads: a file in another encoding shows it in its first
# lines, and reading a large export through to know it would cost a whole extra pass.
HEAD_LINES = 500
HEAD_BYTES = 1 << 20
_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # Windows-1258 writes tones as combining marks
# What a Vietnamese text's bytes may hold beyond ASCII, once read as Windows-1258.
_TONED = (unicodedata.normalize("NFC", c + t) for c in _LETTERS + _LETTERS.upper() for t in _TONES)
_VIETNAMESE = frozenset(
    [
        *_LETTERS,
        *_LETTERS.upper(),
        *(t for t in _TONED if len(t) == 1),
        *_TONES,
        *"“”‘’–—…«»•°\u00a0",
    ]
)


@dataclass(frozen=True)
class Utf8Check:
    lines: int  # non-blank lines
    invalid: int  # of them, not UTF-8
    first_invalid: int  # its line number (blank lines counted), 0 when none
    reads_as_cp1258: bool  # every invalid line is Vietnamese text in Windows-1258

    @property
    def not_utf8(self) -> bool:
        """Whether the file as a whole is in another encoding (see the module's rule)."""
        return self.invalid * SHARE > self.lines

    @property
    def windows_1258(self) -> bool:
        """Whether the input is Vietnamese text in Windows-1258: what a reader refuses that
        otherwise takes a bad byte line by line (`index import`, `classify`)."""
        return self.not_utf8 and self.reads_as_cp1258


NO_LINE = Utf8Check(0, 0, 0, False)  # before any line is read


def vietnamese_in_cp1258(raw: bytes) -> bool:
    """Whether `raw` reads in Windows-1258 as Vietnamese text: every non-ASCII character a
    Vietnamese letter, a tone mark or typographic punctuation, and at least one letter.

    >>> vietnamese_in_cp1258("Thanh Hoá".encode("cp1258")), vietnamese_in_cp1258(b"\\xff\\xfe")
    (True, False)
    """
    try:
        text = unicodedata.normalize("NFC", raw.decode("cp1258"))
    except UnicodeDecodeError:
        return False
    wide = [ch for ch in text if not ch.isascii()]
    return bool(wide) and all(ch in _VIETNAMESE for ch in wide) and any(ch.isalpha() for ch in wide)


def utf8_check(lines: Iterable[bytes]) -> Utf8Check:
    """How many of `lines` are not UTF-8, and whether they read as Windows-1258."""
    check = NO_LINE
    for number, raw in enumerate(lines, start=1):
        check = _counted(check, number, raw)
    return check


class Utf8Tally:
    """`utf8_check` of the lines that pass through `passing`, for an input read only once:
    piped input, held to be read again, was held twice beside its parsed lines."""

    def __init__(self) -> None:
        self.check = NO_LINE

    def passing(self, lines: Iterable[bytes]) -> Iterator[bytes]:
        for number, raw in enumerate(lines, start=1):
            self.check = _counted(self.check, number, raw)
            yield raw


def _counted(check: Utf8Check, number: int, raw: bytes) -> Utf8Check:
    """`check` with line `number` counted."""
    if not raw.strip():
        return check
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        # Every invalid line so far read as Windows-1258 (or this is the first one).
        so_far = check.reads_as_cp1258 or not check.invalid
        return Utf8Check(
            check.lines + 1,
            check.invalid + 1,
            check.first_invalid or number,
            so_far and vietnamese_in_cp1258(raw),
        )
    return replace(check, lines=check.lines + 1)


def head_check(stream: BinaryIO) -> Utf8Check:
    """`utf8_check` of the first lines of `stream` only, reading at most `HEAD_BYTES` of it."""
    return utf8_check_of_head(stream.read(HEAD_BYTES))


def peeked_check(stream: io.BufferedReader) -> Utf8Check:
    """`utf8_check` of the first lines of `stream` that its buffer shows, nothing consumed:
    a pipe's first bytes, read once only (at most `HEAD_BYTES`, and no wait for more)."""
    return utf8_check_of_head(stream.peek(HEAD_BYTES)[:HEAD_BYTES])


def utf8_check_of_head(head: bytes) -> Utf8Check:
    """`utf8_check` of the first `HEAD_LINES` lines in `head`, an input's first bytes; its last
    line, which the cut may end inside a character, is judged without that character."""
    lines = list(islice(io.BytesIO(head), HEAD_LINES))
    if lines and not lines[-1].endswith(b"\n"):
        lines[-1] = _uncut(lines[-1])
    return utf8_check(lines)


def _uncut(raw: bytes) -> bytes:
    """`raw` without an incomplete UTF-8 character at its end (cut there, not invalid).

    >>> _uncut("Hoá".encode()[:-1]), _uncut(b"Ho\\xe1n")
    (b'Ho', b'Ho\\xe1n')
    """
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.end == len(raw) and err.reason == "unexpected end of data":
            return raw[: err.start]
    return raw


def not_utf8_refused(
    name: str, check: Utf8Check, nothing_done: str, *, again: str
) -> PressmonError:
    """The error for input `name` found not to be UTF-8 (`utf16_refused`'s counterpart)."""
    likely = " (có vẻ là mã Windows-1258, CP1258)" if check.reads_as_cp1258 else ""
    how = (
        "iconv -f CP1258 -t UTF-8 TỆP > TỆP-utf8.jsonl"
        if check.reads_as_cp1258
        else "iconv -f MÃ-CỦA-TỆP -t UTF-8 TỆP > TỆP-utf8.jsonl"
    )
    return PressmonError(
        f"{name} không phải UTF-8{likely}, cần UTF-8: {check.invalid}/{check.lines} dòng có "
        f"byte không phải UTF-8 (dòng đầu tiên: {check.first_invalid}); {nothing_done}",
        hint=f"chuyển tệp sang UTF-8 ({how}, hoặc mở tệp rồi lưu dưới dạng UTF-8) rồi {again}",
    )
