"""Known false claims that BHXH has denied, and a lexical matcher against them.

Two thresholds as in Meedan Check: a "suggest" match goes to a human as a possible repeat, a
"strong" match links the article to the existing correction. Matches on very short texts are
downgraded to "suggest" (Check's `text_length_matching_threshold`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from classifier.errors import ReferenceDataError
from classifier.text import fold, normalize_text, syllables_vi

CATEGORIES = ("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8")
_MIN_WORDS_FOR_STRONG = 8

Strength = Literal["strong", "suggest"]


@dataclass(frozen=True)
class KnownClaim:
    id: str
    category: str
    claim: str
    correction: str
    source_url: str
    date: str
    key_phrases: tuple[str, ...]


@dataclass(frozen=True)
class ClaimMatch:
    claim: KnownClaim
    score: float
    strength: Strength
    evidence: str  # the sentence (or key phrases) that matched


def _syllable_bigrams(text: str) -> list[str]:
    syllables = syllables_vi(text)
    return syllables + [f"{a} {b}" for a, b in zip(syllables, syllables[1:])]


@dataclass(frozen=True)
class KnownClaims:
    claims: tuple[KnownClaim, ...]
    suggest_threshold: float = 0.35
    strong_threshold: float = 0.6

    @classmethod
    def load(cls, path: Path, *, suggest_threshold: float = 0.35,
             strong_threshold: float = 0.6) -> KnownClaims:
        """Read config/known_claims.yaml; every entry needs all fields and a valid category."""
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError as err:
            raise ReferenceDataError(f"Known-claims file {str(path)!r} does not exist.") from err
        except yaml.YAMLError as err:
            raise ReferenceDataError(f"Known-claims file {str(path)!r} is not valid YAML: {err}") from err
        entries = data.get("claims") if isinstance(data, dict) else None
        if not isinstance(entries, list) or not entries:
            raise ReferenceDataError(f"Known-claims file {str(path)!r} needs a non-empty 'claims' list.")
        claims = tuple(_parse_claim(entry, path, n) for n, entry in enumerate(entries, 1))
        ids = [c.id for c in claims]
        if len(set(ids)) != len(ids):
            raise ReferenceDataError(f"Known-claims file {str(path)!r} repeats a claim id.")
        return cls(claims, suggest_threshold, strong_threshold)

    def match(self, title: str, sentences: list[str]) -> list[ClaimMatch]:
        """Claims that the title or any sentence (or sentence pair) resembles, best first."""
        passages = [p for p in [title, *sentences, *_pairs(sentences)] if p.strip()]
        if not passages or not self.claims:
            return []
        vectorizer, claim_matrix = self._index
        similarity = cosine_similarity(vectorizer.transform(passages), claim_matrix)
        full_text = normalize_text(" ".join([title, *sentences])).lower()
        folded_text = fold(full_text)
        n_words = len(full_text.split())
        matches = []
        for j, claim in enumerate(self.claims):
            best = int(similarity[:, j].argmax())
            cosine = float(similarity[best, j])
            hits = [p for p in claim.key_phrases if _phrase_in(p, full_text, folded_text)]
            # An identifier (domain, document number) is as telling as three ordinary phrases.
            weight = sum(3 if _is_identifier(p) else 1 for p in hits)
            phrase_score = min(1.0, weight / min(3, len(claim.key_phrases)))
            score = max(cosine, 0.5 * cosine + 0.5 * phrase_score)
            if score < self.suggest_threshold:
                continue
            strong = score >= self.strong_threshold and n_words >= _MIN_WORDS_FOR_STRONG
            evidence = passages[best] if cosine >= 0.5 * score else ", ".join(hits)
            matches.append(ClaimMatch(claim, round(score, 3), "strong" if strong else "suggest",
                                      evidence))
        return sorted(matches, key=lambda m: m.score, reverse=True)

    @cached_property
    def _index(self) -> tuple[TfidfVectorizer, object]:
        vectorizer = TfidfVectorizer(tokenizer=_syllable_bigrams, token_pattern=None,
                                     lowercase=False, sublinear_tf=True)
        docs = [f"{c.claim} {' '.join(c.key_phrases)}" for c in self.claims]
        return vectorizer, vectorizer.fit_transform(docs)


def _pairs(sentences: list[str]) -> list[str]:
    return [f"{a} {b}" for a, b in zip(sentences, sentences[1:])]


def _is_identifier(phrase: str) -> bool:
    return any(ch.isdigit() or ch in "./" for ch in phrase) and " " not in phrase.strip()


def _phrase_in(phrase: str, text: str, folded_text: str) -> bool:
    phrase = normalize_text(phrase).lower()
    # The folded comparison is a fallback for scam SMS typed without diacritics.
    return phrase in text or fold(phrase) in folded_text


def _parse_claim(entry: object, path: Path, n: int) -> KnownClaim:
    where = f"{str(path)!r} entry {n}"
    if not isinstance(entry, dict):
        raise ReferenceDataError(f"Known-claims file {where} is not a mapping.")
    required = ("id", "category", "claim", "correction", "source_url", "date", "key_phrases")
    missing = [k for k in required if not entry.get(k)]
    if missing:
        raise ReferenceDataError(f"Known-claims file {where} lacks {missing}.")
    if entry["category"] not in CATEGORIES:
        raise ReferenceDataError(
            f"Known-claims file {where}: category {entry['category']!r} is not one of {CATEGORIES}."
        )
    phrases = entry["key_phrases"]
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p for p in phrases):
        raise ReferenceDataError(f"Known-claims file {where}: key_phrases must be a list of text.")
    return KnownClaim(
        id=str(entry["id"]),
        category=entry["category"],
        claim=normalize_text(str(entry["claim"])),
        correction=normalize_text(str(entry["correction"])),
        source_url=str(entry["source_url"]),
        date=str(entry["date"]),
        key_phrases=tuple(normalize_text(p) for p in phrases),
    )
