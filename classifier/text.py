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
# An unaccented Vietnamese syllable: optional onset, one to three vowels, optional coda.
_VI_SHAPE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$"
)


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


# The model reads at most this many words of an article; rules read everything. Past this a
# press article is repeating itself, and the cap keeps hostile 10 MB "articles" cheap.
MODEL_WORD_CAP = 20_000
# underthesea segmentation costs ~35 ms per 1,000 syllables; the lead carries the claim, so the
# word branch segments only the opening, while the syllable branch covers the whole capped text.
SEGMENT_WORD_CAP = 200

_PUNCT_ONLY_RE = re.compile(r"^[\W_]+$")
_SYLLABLE_RE = re.compile(r"[^\W_]+(?:[.,][0-9]+)*", re.UNICODE)
_VI_LETTERS = frozenset("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
_VI_COMMON = frozenset(
    "và của là có không được cho các người này những với một trong đã theo khi từ đến để "
    "về tại như thì sẽ cũng năm ngày bị ra do hơn nếu".split()
)
# Scam SMS are often typed without diacritics ("Ban chua nhan duoc tro cap").
_VI_COMMON_FOLDED = frozenset(
    "cua khong duoc nguoi nhung voi trong theo cung ngay chua nhan tien bao hiem xa hoi "
    "tro cap vui long dang nhap tai khoan ho tro cap nhat thong tin".split()
)


def cap_words(text: str, limit: int = MODEL_WORD_CAP) -> str:
    """The first `limit` whitespace-separated words of `text`."""
    words = text.split(maxsplit=limit)
    return " ".join(words[:limit])


def tokenize_vi(text: str) -> list[str]:
    """Lowercased underthesea words of the opening, compounds joined with "_", no punctuation.

    Module-level and named so that skops stores it by reference (`classifier.text.tokenize_vi`).

    >>> tokenize_vi("Bảo hiểm xã hội cảnh báo!")
    ['bảo_hiểm_xã_hội', 'cảnh_báo']
    """
    from underthesea import word_tokenize  # imported lazily: loads the CRF model on first use

    opening = normalize_text(cap_words(text, SEGMENT_WORD_CAP))
    if not opening:
        return []
    return [
        word.lower().replace(" ", "_")
        for word in word_tokenize(opening)
        if word.strip() and not _PUNCT_ONLY_RE.match(word)
    ]


def syllables_vi(text: str) -> list[str]:
    """Lowercased syllables (and numbers such as 2.340.000) of the capped text, no punctuation.

    >>> syllables_vi("Gọi 0987.654.321, nhận ngay!")
    ['gọi', '0987.654.321', 'nhận', 'ngay']
    """
    return _SYLLABLE_RE.findall(normalize_text(cap_words(text)).lower())


def vietnamese_share(text: str, sample_words: int = 300) -> float:
    """Share of syllables that look Vietnamese, from the first `sample_words` words.

    A syllable counts when it carries a Vietnamese letter or is a very common word. Text typed
    without diacritics (scam SMS) is recognised by syllable shape instead: nearly every syllable
    fits onset + vowels + Vietnamese coda, which English prose does not.
    """
    syllables = _SYLLABLE_RE.findall(cap_words(text, sample_words).lower())
    words = [s for s in syllables if not s[0].isdigit()]
    if not words:
        return 0.0
    hits = sum(
        1
        for w in words
        if w in _VI_COMMON or w in _VI_COMMON_FOLDED or not _VI_LETTERS.isdisjoint(w)
    )
    strict = hits / len(words)
    if strict >= 0.3:
        return strict
    shaped = sum(1 for w in words if _VI_SHAPE.match(w)) / len(words)
    return shaped if shaped >= 0.8 else strict
