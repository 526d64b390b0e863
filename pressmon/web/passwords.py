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
            f"password too short (minimum {MIN_PASSWORD_LENGTH} characters)",
            hint="a few unrelated words make a long password that is easy to remember",
        )
    folded = password.strip().lower()
    if len(set(folded)) <= 1:  # empty after stripping, or one character repeated
        raise AccountError("password is one character repeated (or only spaces)")
    name = username.strip().lower()
    if folded == name:
        raise AccountError("password must not be the username")
    if folded in _common():
        raise AccountError("password is on the list of commonly used passwords")
    from zxcvbn import zxcvbn

    # The score's cost grows with length; the first 64 characters decide it in practice.
    if zxcvbn(password[:64], user_inputs=[name])["score"] < MIN_SCORE:
        raise AccountError(
            "password is too easy to guess (a sequence, repetition, keyboard pattern or date)",
            hint="a few unrelated words make a long password that is easy to remember",
        )
