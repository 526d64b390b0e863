"""Password policy, pure: long enough, not the username, not a commonly used password, not
easily guessed.

Both checks come from zxcvbn (MIT, Dropbox's estimator): its list of the 30,000 most frequent
passwords from public breach corpora, compared case-insensitively, and its guess-count score,
which also refuses what no list holds at this length (`123456789012`, `qwertyuiop12`,
`binhbinhbinh`). Score 3 is zxcvbn's "safely unguessable" against online guessing.
"""

from __future__ import annotations

from functools import cache

from pressmon.web.errors import AccountError

MIN_PASSWORD_LENGTH = 12
MIN_SCORE = 3  # zxcvbn 0-4


@cache
def _common() -> frozenset[str]:
    # Loaded on first use: the list is ~30,000 strings and most commands never set a password.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def check_password(password: str, username: str) -> None:
    """Raise AccountError saying what is wrong with `password` for `username`; None when fine."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            f"mật khẩu quá ngắn (tối thiểu {MIN_PASSWORD_LENGTH} ký tự)",
            hint="vài từ không liên quan ghép lại thành mật khẩu dài mà dễ nhớ",
        )
    folded = password.strip().lower()
    if len(set(folded)) <= 1:  # empty after stripping, or one character repeated
        raise AccountError("mật khẩu chỉ lặp lại một ký tự (hoặc toàn dấu cách)")
    name = username.strip().lower()
    if folded == name:
        raise AccountError("mật khẩu không được trùng tên đăng nhập")
    if folded in _common():
        raise AccountError("mật khẩu nằm trong danh sách mật khẩu hay dùng")
    from zxcvbn import zxcvbn

    # The score's cost grows with length; the first 64 characters decide it in practice.
    if zxcvbn(password[:64], user_inputs=[name])["score"] < MIN_SCORE:
        raise AccountError(
            "mật khẩu quá dễ đoán (dãy liên tiếp, lặp lại, theo bàn phím hoặc là ngày tháng)",
            hint="vài từ không liên quan ghép lại thành mật khẩu dài mà dễ nhớ",
        )
