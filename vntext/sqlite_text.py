"""Why SQLite refused, in Vietnamese: the archive and the state database report it alike.

SQLite's messages are English; the ones a person can act on are translated by the table below.
Any other keeps its original text in parentheses, so a rare one is still shown as it came.
"""

from __future__ import annotations

import sqlite3

# (start of SQLite's message, Vietnamese). The first that matches wins.
_SQLITE: tuple[tuple[str, str], ...] = (
    ("file is not a database", "tệp không phải cơ sở dữ liệu SQLite"),
    ("file is encrypted or is not a database", "tệp không phải cơ sở dữ liệu SQLite"),
    ("database disk image is malformed", "tệp cơ sở dữ liệu bị hỏng"),
    ("unable to open database file", "không mở được tệp (thư mục không có hay không có quyền)"),
    ("attempt to write a readonly database", "không có quyền ghi vào tệp"),
    ("database is locked", "tệp đang bị tiến trình khác khóa; thử lại sau"),
    ("database table is locked", "tệp đang bị tiến trình khác khóa; thử lại sau"),
    ("database or disk is full", "ổ đĩa đã đầy"),
    ("disk I/O error", "lỗi đọc/ghi đĩa"),
    ("no such table", "thiếu bảng dữ liệu (tệp không phải của pressmon, hoặc bị hỏng)"),
    ("no such column", "thiếu cột dữ liệu (tệp không phải của pressmon, hoặc bị hỏng)"),
)


def sqlite_problem(err: sqlite3.Error) -> str:
    """SQLite's reason in Vietnamese, e.g. `tệp không phải cơ sở dữ liệu SQLite`."""
    message = " ".join(str(err).split())
    for start, vietnamese in _SQLITE:
        if message.startswith(start):
            return vietnamese
    return f"lỗi SQLite ({message})"
