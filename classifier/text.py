"""Vietnamese text normalisation and tokenisation shared by the flagger and the relevance model."""

from __future__ import annotations

import re
import unicodedata

# Old-style tone placement on the first vowel of oa/oe/uy -> modern placement on the second.
# NFC leaves these as different code points ("hoá" vs "hóa"), so matching needs one spelling.
_TONE_PLACEMENT = {
    old: new
    for pairs in (
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    )
    for old, new in (pairs, (pairs[0].capitalize(), pairs[1].capitalize()),
                     (pairs[0].upper(), pairs[1].upper()))
}
# Only at a syllable end: "hoàng", "thuyền" and "khuya" keep their marks where they are.
# Never after "q": in "quý" the u belongs to the consonant and the mark is already right.
_TONE_RE = re.compile(
    r"(?<![qQ])(" + "|".join(sorted(map(re.escape, _TONE_PLACEMENT), key=len, reverse=True)) + r")(?![^\W\d_])"
)
_SPACE_RE = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Unicode NFC; every entry point calls this before storing or matching."""
    return unicodedata.normalize("NFC", text)


def normalize_text(text: str) -> str:
    """NFC, modern tone placement, collapsed whitespace.

    >>> normalize_text("Thanh Hoá  uỷ ban")
    'Thanh Hóa ủy ban'
    """
    text = nfc(text)
    text = _TONE_RE.sub(lambda m: _TONE_PLACEMENT[m.group(1)], text)
    return _SPACE_RE.sub(" ", text).strip()


def fold(text: str) -> str:
    """Diacritics removed and đ→d, for a ranked accent-insensitive fallback only.

    >>> fold("Bảo hiểm xã hội Đà Nẵng")
    'Bao hiem xa hoi Da Nang'
    """
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))
