"""Known false claims that BHXH has denied, and a lexical matcher against them.

Two thresholds as in Meedan Check: a "suggest" match goes to a human as a possible repeat, a
"strong" match links the article to the existing correction. Matches on very short texts are
downgraded to "suggest" (Check's `text_length_matching_threshold`).

Negation is read on both sides (`classifier.patterns.negation_scopes`, the words stance reads):
a syllable a negation governs is compared as negated, so "tuyệt đối không cung cấp mã OTP" or
"BHXH không bao giờ yêu cầu chuyển tiền" does not resemble a claim urging the reader to do it,
while a claim that itself negates ("không còn chi trả") still matches texts saying so.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal, get_args

from pydantic import Field, StringConstraints, field_validator, model_validator

from classifier.config_file import FileModel, load_yaml
from classifier.errors import ReferenceDataError
from classifier.patterns import negation_scopes
from vntext.normalize import fold, normalize_text, typed_with_diacritics

CategoryCode = Literal["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"]
CATEGORIES: tuple[str, ...] = get_args(CategoryCode)
_MIN_WORDS_FOR_STRONG = 8

Strength = Literal["strong", "suggest"]
_Text = Annotated[str, StringConstraints(min_length=1)]


@dataclass(frozen=True)
class KnownClaim:
    id: str
    category: str
    claim: str
    correction: str
    source_url: str
    date: str
    key_phrases: tuple[str, ...]

    @cached_property
    def folded_phrases(self) -> tuple[str, ...]:
        return tuple(fold(p.lower()) for p in self.key_phrases)

    @cached_property
    def negated_phrases(self) -> tuple[bool, ...]:
        """Whether the claim itself negates each key phrase (then a text may word it either way)."""
        claim = _Polarity(self.claim, marked=True)
        return tuple(claim.finds(f, negated=True) for f in self.folded_phrases)


@dataclass(frozen=True)
class ClaimMatch:
    claim: KnownClaim
    score: float
    strength: Strength
    evidence: str  # the sentence (or key phrases) that matched


_SYLLABLE = re.compile(r"[^\W_]+(?:[.,][0-9]+)*")


class _Polarity:
    """Lower-case folded text with the stretches a negation governs."""

    def __init__(self, text: str, *, marked: bool) -> None:
        lower = text.lower()
        self.folded = fold(lower)
        self.scopes = negation_scopes(lower if marked else self.folded, marked=marked)

    def negated(self, pos: int) -> bool:
        return any(start <= pos < end for start, end in self.scopes)

    def syllables(self) -> list[str]:
        """Folded syllables, those under a negation marked "~" (they match only negated ones)."""
        if not self.scopes:
            return _SYLLABLE.findall(self.folded)
        return [
            f"~{m.group(0)}" if self.negated(m.start()) else m.group(0)
            for m in _SYLLABLE.finditer(self.folded)
        ]

    def finds(self, phrase: str, *, negated: bool | None = None) -> bool:
        """Whether folded `phrase` occurs, negated or not if asked."""
        pos = self.folded.find(phrase)
        while pos >= 0:
            if negated is None or self.negated(pos) == negated:
                return True
            pos = self.folded.find(phrase, pos + 1)
        return False


def _syllable_bigrams(syllables: list[str]) -> list[str]:
    # Passages and claims are normalised before they get here.
    return syllables + [f"{a} {b}" for a, b in zip(syllables, syllables[1:], strict=False)]


@dataclass(frozen=True)
class KnownClaims:
    """The claims, and `subject`: words naming what every claim is about (social insurance),
    one of which a text must name, or carry a claim's identifier, to match a claim."""

    claims: tuple[KnownClaim, ...]
    subject: tuple[str, ...]
    suggest_threshold: float = 0.35
    strong_threshold: float = 0.6

    @classmethod
    def load(
        cls, path: Path, *, suggest_threshold: float = 0.35, strong_threshold: float = 0.6
    ) -> KnownClaims:
        """Read config/known_claims.yaml; every entry needs all fields and a valid category, and
        every claim must name the subject."""
        file = load_yaml(path, KnownClaimsFile, ReferenceDataError)
        entries = file.claims
        claims = tuple(
            KnownClaim(
                id=entry.id,
                category=entry.category,
                claim=normalize_text(entry.claim),
                correction=normalize_text(entry.correction),
                source_url=entry.source_url,
                date=entry.date,
                key_phrases=tuple(normalize_text(p) for p in entry.key_phrases),
            )
            for entry in entries
        )
        subject = tuple(normalize_text(w) for w in file.subject)
        known = cls(claims, subject, suggest_threshold, strong_threshold)
        for n, claim in enumerate(claims):
            if not known._subject.search(fold(claim.claim.lower())):
                raise ReferenceDataError(
                    f"{path}: claims[{n}] ({claim.id}): nội dung tin sai không nêu chủ đề nào "
                    f"trong subject ({', '.join(file.subject)})"
                )
        return known

    def match(self, title: str, sentences: list[str], read_back: str = "") -> list[ClaimMatch]:
        """Claims that the title or any sentence (or sentence pair) resembles, best first.

        Compared folded, so a claim typed without diacritics matches as well as one typed with.
        Only a text naming the `subject` (in its words, or in `read_back`: the same text read
        back from its disguise, folded) matches, or one carrying a claim's identifier (a domain,
        a document number): a bank's or a carrier's message otherwise shares only a scam's
        wording ("đăng nhập", "cập nhật thông tin") with a claim about BHXH.
        """
        title, sentences = normalize_text(title), [normalize_text(s) for s in sentences]
        if not self.claims or not (title or any(sentences)):
            return []
        texts = [title, *sentences]
        marked = typed_with_diacritics(" ".join(texts))
        whole = _Polarity("\n".join(texts), marked=marked)
        folded = whole.folded
        named = bool(self._subject.search(folded) or self._subject.search(read_back))
        if not named and not any(i in folded for i in self._identifiers):
            return []
        index = self._index
        read = [_Polarity(p, marked=marked) for p in texts]
        counts = [index.counts(_syllable_bigrams(r.syllables())) for r in read]
        # Only passages sharing two or more claim n-grams are worth comparing. A pair's counts
        # are its sentences' added, in the order its joined n-grams would give.
        passages = [(t, c) for t, c in zip(texts, counts, strict=True) if len(c) >= 2]
        passages += [
            (f"{a} {b}", ca + cb)
            for a, b, ca, cb in zip(sentences, sentences[1:], counts[1:], counts[2:], strict=False)
            if len(ca.keys() | cb.keys()) >= 2
        ]
        # One column per claim: its cosine with each passage.
        columns = list(zip(*(index.cosines(c) for _, c in passages), strict=True))
        n_words = len(folded.split())
        matches = []
        for j, claim in enumerate(self.claims):
            cosine = max(columns[j]) if columns else 0.0
            best = columns[j].index(cosine) if columns else -1
            # A key phrase the text negates ("không cung cấp mã OTP") is not the claim's, unless
            # the claim negates it too.
            hits = [
                p
                for p, f, neg in zip(
                    claim.key_phrases, claim.folded_phrases, claim.negated_phrases, strict=True
                )
                if f in folded and whole.finds(f, negated=None if neg else False)
            ]
            if not hits and cosine < self.suggest_threshold:
                continue  # with no phrase, the score is the cosine
            if not named and not any(_is_identifier(p) for p in hits):
                continue
            # An identifier (domain, document number) is as telling as three ordinary phrases.
            weight = sum(3 if _is_identifier(p) else 1 for p in hits)
            phrase_score = min(1.0, weight / min(3, len(claim.key_phrases)))
            score = max(cosine, 0.5 * cosine + 0.5 * phrase_score)
            if score < self.suggest_threshold:
                continue
            strong = score >= self.strong_threshold and n_words >= _MIN_WORDS_FOR_STRONG
            evidence = passages[best][0] if best >= 0 and cosine >= 0.5 * score else ", ".join(hits)
            matches.append(
                ClaimMatch(claim, round(score, 3), "strong" if strong else "suggest", evidence)
            )
        return sorted(matches, key=lambda m: m.score, reverse=True)

    @cached_property
    def _subject(self) -> re.Pattern[str]:
        words = sorted({fold(w.lower()) for w in self.subject}, key=len, reverse=True)
        return re.compile(rf"(?<![^\W_])(?:{'|'.join(map(re.escape, words))})(?![^\W_])")

    @cached_property
    def _identifiers(self) -> tuple[str, ...]:
        return tuple(
            f
            for c in self.claims
            for p, f in zip(c.key_phrases, c.folded_phrases, strict=True)
            if _is_identifier(p)
        )

    @cached_property
    def _index(self) -> _ClaimIndex:
        # Claims are written with diacritics; each key phrase is its own clause.
        return _ClaimIndex.build(
            [
                _syllable_bigrams(
                    _Polarity(". ".join((c.claim, *c.key_phrases)), marked=True).syllables()
                )
                for c in self.claims
            ]
        )


class _ClaimIndex:
    """TF-IDF (sublinear tf, smooth idf, L2) over the claims, inverted for fast cosines."""

    def __init__(self, idf: dict[str, float], postings: dict[str, list[tuple[int, float]]], n: int):
        self.idf = idf
        self.postings = postings
        self.n = n

    @classmethod
    def build(cls, docs: list[list[str]]) -> _ClaimIndex:
        df = Counter(t for doc in docs for t in set(doc))
        idf = {t: math.log((1 + len(docs)) / (1 + d)) + 1 for t, d in df.items()}
        postings: dict[str, list[tuple[int, float]]] = {}
        for j, doc in enumerate(docs):
            vector = cls._vector(Counter(doc), idf)
            for term, w in vector.items():
                postings.setdefault(term, []).append((j, w))
        return cls(idf, postings, len(docs))

    @staticmethod
    def _vector(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
        raw = {t: (1 + math.log(c)) * idf[t] for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in raw.values())) or 1.0
        return {t: w / norm for t, w in raw.items()}

    def counts(self, tokens: list[str]) -> Counter[str]:
        """How often each claim n-gram occurs among `tokens`, in order of first occurrence."""
        return Counter(t for t in tokens if t in self.idf)

    def cosines(self, counts: Counter[str]) -> list[float]:
        scores = [0.0] * self.n
        for term, w in self._vector(counts, self.idf).items():
            for j, cw in self.postings.get(term, ()):
                scores[j] += w * cw
        return scores


def _is_identifier(phrase: str) -> bool:
    return any(ch.isdigit() or ch in "./" for ch in phrase) and " " not in phrase.strip()


class KnownClaimEntry(FileModel):
    id: _Text
    category: CategoryCode
    claim: _Text
    correction: _Text
    source_url: _Text
    date: _Text  # YYYY-MM-DD, or YYYY-MM when only the month is known
    key_phrases: tuple[_Text, ...] = Field(min_length=1)

    @field_validator("date", mode="before")
    @classmethod
    def _iso(cls, value: object) -> object:
        # YAML reads an unquoted 2024-07-25 as a date.
        return value.isoformat() if isinstance(value, date) else value


class KnownClaimsFile(FileModel):
    """config/known_claims.yaml."""

    version: Literal[1] = 1
    claims: tuple[KnownClaimEntry, ...] = Field(min_length=1)
    subject: tuple[_Text, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> KnownClaimsFile:
        ids = [c.id for c in self.claims]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"mã tin sai bị lặp: {', '.join(repeated)}")
        return self
