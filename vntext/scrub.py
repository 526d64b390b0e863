"""Outside text as the archive stores it: no terminal escapes, control characters, lone
surrogates or invisible characters; NFC, trimmed. One definition for every way text enters
(ingest and crawl through `pressmon.sanitize`, `index import`, the archive upgrade to schema v10),
so "bả\u200bo hiểm" is stored as "bảo hiểm" whichever way it came.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vntext.normalize import nfc, without_invisible

# ANSI/VT escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), two-byte ESC X,
# and the 8-bit CSI. Dropped whole, so no parameter bytes are left behind as visible junk.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# C0 and C1 controls except tab and newline; lone surrogates (JSON "\ud800") cannot be stored.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class Scrubbed:
    text: str  # what is stored and searched
    received: str  # `text` with its invisible characters kept: what the flagger reads
    escapes: int  # how many of each were removed (surrogates: replaced by U+FFFD)
    controls: int
    surrogates: int
    invisible: int

    def notes(self, field: str) -> tuple[str, ...]:
        """What changed, in words for the user, e.g. "body: bỏ 3 ký tự vô hình"."""
        counted = (
            (self.escapes, "bỏ {} chuỗi điều khiển terminal"),
            (self.controls, "bỏ {} ký tự điều khiển"),
            (self.surrogates, "thay {} ký tự không hợp lệ"),
            (self.invisible, "bỏ {} ký tự vô hình"),
        )
        return tuple(f"{field}: {words.format(n)}" for n, words in counted if n)


def replace_surrogates(text: str) -> tuple[str, int]:
    """`text` with each lone surrogate (JSON "\\ud800") as U+FFFD, and how many there were.

    >>> replace_surrogates("a\\ud800b") == ("a\\ufffdb", 1)
    True
    """
    return _SURROGATES.subn("\ufffd", text)


def scrub(text: str) -> Scrubbed:
    """NFC `text` without escape sequences, control characters (tab and newline kept), lone
    surrogates (U+FFFD instead) or invisible characters (`vntext.normalize.INVISIBLE`), line
    ends as \\n, trimmed. Idempotent.

    >>> scrub("bả\\u200bo hiểm\\r\\n").text
    'bảo hiểm'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, escapes = _ESCAPES.subn("", text)
    text, controls = _CONTROLS.subn("", text)
    text, surrogates = replace_surrogates(text)
    visible = without_invisible(text)
    return Scrubbed(
        text=nfc(visible).strip(),
        received=nfc(text).strip(),
        escapes=escapes,
        controls=controls,
        surrogates=surrogates,
        invisible=len(text) - len(visible),
    )
