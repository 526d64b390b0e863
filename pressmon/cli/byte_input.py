"""JSON lines read as bytes (`ingest`, `classify`): a UTF-16 input is refused as a whole.

Windows editors' "Unicode" is UTF-16. Read line by line as UTF-8, its every line would be
refused as broken JSON, never naming the encoding; its first bytes say what it is.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from pressmon.errors import PressmonError

UTF16_BYTE_ORDER_MARKS = (b"\xff\xfe", b"\xfe\xff")
STDIN_NAME = "đầu vào (stdin)"  # how a refusal names piped input


def starts_as_utf16(head: bytes) -> bool:
    """Whether bytes start as UTF-16 does: a byte-order mark, or a NUL in the first character
    (no UTF-8 text starts with one; UTF-16 of `{` is `{\\0` or `\\0{`).

    >>> starts_as_utf16('{"text"'.encode("utf-16-le")), starts_as_utf16(b'{"text"')
    (True, False)
    """
    return head[:2] in UTF16_BYTE_ORDER_MARKS or b"\x00" in head[:2]


def peekable(stream: BinaryIO) -> io.BufferedReader:
    """`stream` able to show its first bytes without consuming them (a pipe's or a file's
    buffer already is; an in-memory one is wrapped)."""
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(stream)  # type: ignore[arg-type]  # any readinto() will do


def is_utf16(stream: io.BufferedReader) -> bool:
    """Whether the input on `stream` starts as UTF-16 does; nothing of it is consumed."""
    return starts_as_utf16(stream.peek(2))


def utf16_refused(name: str, nothing_done: str, *, again: str) -> PressmonError:
    """The error for input `name` found to be UTF-16: `nothing_done` says no line was used
    ("chưa nhập dòng nào"), `again` what to do once it is saved as UTF-8 ("nhập lại")."""
    return PressmonError(
        f"{name} là UTF-16, cần UTF-8: {nothing_done}",
        hint=f"lưu lại tệp dưới dạng UTF-8 (Notepad: Lưu thành › Mã hóa: UTF-8) rồi {again}",
    )
