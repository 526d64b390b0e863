"""Vietnamese spelling: Unicode NFC, one tone placement, folding, and whether marks were typed."""

from __future__ import annotations

import re
import unicodedata

# Old-style tone placement on the first vowel of oa/oe/uy -> modern placement on the second.
# NFC leaves these as different code points ("hoá" vs "hóa"), so matching needs one spelling.
_TONE_PAIRS = (
    ("oà", "òa"),
    ("oá", "óa"),
    ("oả", "ỏa"),
    ("oã", "õa"),
    ("oạ", "ọa"),
    ("oè", "òe"),
    ("oé", "óe"),
    ("oẻ", "ỏe"),
    ("oẽ", "õe"),
    ("oẹ", "ọe"),
    ("uỳ", "ùy"),
    ("uý", "úy"),
    ("uỷ", "ủy"),
    ("uỹ", "ũy"),
    ("uỵ", "ụy"),
)
_TONE_PLACEMENT = {
    old: new
    for pair in _TONE_PAIRS
    for old, new in (
        pair,
        (pair[0].capitalize(), pair[1].capitalize()),
        (pair[0].upper(), pair[1].upper()),
    )
}
# Only at a syllable end ("hoàng", "thuyền" and "khuya" keep their marks where they are) and never
# after "q" (in "quý" the u belongs to the consonant and the mark is already right; checked in
# `_modern_tone`: a look-behind here makes the scan ten times slower).
_TONE_RE = re.compile(r"[oOuU][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?![^\W\d_])")
_SPACE_RE = re.compile(r"\s+")
# Characters that show nothing yet end a word for a tokenizer (zero-width space and joiners, soft
# hyphen, direction marks, word joiner, byte-order mark): text pasted from web pages and chat
# apps carries them inside words.
INVISIBLE = frozenset("\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\ufeff")
_INVISIBLE_TABLE = dict.fromkeys(map(ord, INVISIBLE))


def nfc(text: str) -> str:
    """Unicode NFC; every entry point calls this before storing or matching."""
    return unicodedata.normalize("NFC", text)


def normalize_spelling(text: str) -> str:
    """NFC with modern tone placement: one spelling for "hoá" and "hóa", whitespace untouched.

    >>> normalize_spelling("Thanh Hoa\u0301") == "Thanh Hóa"
    True
    """
    text = nfc(text)
    return _TONE_RE.sub(_modern_tone, text) if _TONE_RE.search(text) else text


def without_invisible(text: str) -> str:
    """`text` without the INVISIBLE characters.

    >>> without_invisible("b\u200bảo hi\u00adểm")
    'bảo hiểm'
    """
    return text.translate(_INVISIBLE_TABLE)


def _modern_tone(match: re.Match[str]) -> str:
    old = match.group()
    if match.start() > 0 and match.string[match.start() - 1] in "qQ":
        return old
    return _TONE_PLACEMENT.get(old, old)


def normalize_text(text: str) -> str:
    """NFC, modern tone placement, collapsed whitespace.

    >>> normalize_text("Thanh Hoá  uỷ ban")
    'Thanh Hóa ủy ban'
    """
    return _SPACE_RE.sub(" ", normalize_spelling(text)).strip()


def _slow_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


# Every precomposed Latin letter with marks -> its base letter, for a one-pass translate().
_FOLD_TABLE = {
    code: folded
    for block in (range(0xC0, 0x250), range(0x1E00, 0x1F00))
    for code in block
    if len(folded := _slow_fold(chr(code))) == 1 and folded != chr(code)
}


def fold(text: str) -> str:
    """Diacritics removed and đ→d, for a ranked accent-insensitive fallback only.

    NFC text of precomposed letters keeps its length, so offsets in the folded text are offsets
    in the text.

    >>> fold("Bảo hiểm xã hội Đà Nẵng")
    'Bao hiem xa hoi Da Nang'
    """
    if unicodedata.is_normalized("NFC", text):
        return text.translate(_FOLD_TABLE)
    return _slow_fold(text)


# Letters that carry a Vietnamese diacritic (and đ), lower and upper case.
VI_MARKED = frozenset("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")
VI_MARKED |= frozenset(c.upper() for c in VI_MARKED)
_WORD = re.compile(r"[^\W\d_]+")
# From this share of words typed with diacritics a text counts as typed with them.
MARKED_SHARE = 0.3


def typed_with_diacritics(text: str) -> bool:
    """Whether most of a text was typed with Vietnamese diacritics (as opposed to "khong dau")."""
    words = _WORD.findall(text)
    marked = sum(1 for w in words if not VI_MARKED.isdisjoint(w))
    return bool(words) and marked >= MARKED_SHARE * len(words)
