"""Known false claims that BHXH has denied, and a lexical matcher against them.

Two thresholds as in Meedan Check: a "suggest" match goes to a human as a possible repeat, a
"strong" match links the article to the existing correction. Matches on very short texts are
downgraded to "suggest" (Check's `text_length_matching_threshold`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from classifier.errors import ReferenceDataError
from classifier.text import fold, normalize_text

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


_SYLLABLE = re.compile(r"[^\W_]+(?:[.,][0-9]+)*")


def _syllable_bigrams(text: str) -> list[str]:
    # Passages and claims are normalised before they get here; only lowercase and split.
    syllables = _SYLLABLE.findall(text.lower())
    return syllables + [f"{a} {b}" for a, b in zip(syllables, syllables[1:], strict=False)]


@dataclass(frozen=True)
class KnownClaims:
    claims: tuple[KnownClaim, ...]
    suggest_threshold: float = 0.35
    strong_threshold: float = 0.6

    @classmethod
    def load(
        cls, path: Path, *, suggest_threshold: float = 0.35, strong_threshold: float = 0.6
    ) -> KnownClaims:
        """Read config/known_claims.yaml; every entry needs all fields and a valid category."""
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError as err:
            raise ReferenceDataError(f"Known-claims file {str(path)!r} does not exist.") from err
        except yaml.YAMLError as err:
            raise ReferenceDataError(
                f"Known-claims file {str(path)!r} is not valid YAML: {err}"
            ) from err
        entries = data.get("claims") if isinstance(data, dict) else None
        if not isinstance(entries, list) or not entries:
            raise ReferenceDataError(
                f"Known-claims file {str(path)!r} needs a non-empty 'claims' list."
            )
        claims = tuple(_parse_claim(entry, path, n) for n, entry in enumerate(entries, 1))
        ids = [c.id for c in claims]
        if len(set(ids)) != len(ids):
            raise ReferenceDataError(f"Known-claims file {str(path)!r} repeats a claim id.")
        return cls(claims, suggest_threshold, strong_threshold)

    def match(self, title: str, sentences: list[str]) -> list[ClaimMatch]:
        """Claims that the title or any sentence (or sentence pair) resembles, best first."""
        title, sentences = normalize_text(title), [normalize_text(s) for s in sentences]
        if not self.claims or not (title or any(sentences)):
            return []
        vectorizer, claim_matrix, vocabulary = self._index
        # Tokenise once; only passages sharing two or more claim n-grams are worth comparing.
        tokens = [_syllable_bigrams(p) for p in [title, *sentences]]
        passages = [
            (text, toks)
            for text, toks in zip([title, *sentences], tokens, strict=True)
            if len(vocabulary.intersection(toks)) >= 2
        ]
        passages += [
            (f"{a} {b}", ta + tb)
            for a, b, ta, tb in zip(sentences, sentences[1:], tokens[1:], tokens[2:], strict=False)
            if len(vocabulary.intersection(ta + tb)) >= 2
        ]
        similarity = (
            cosine_similarity(vectorizer.transform([t for _, t in passages]), claim_matrix)
            if passages
            else None
        )
        full_text = " ".join([title, *sentences]).lower()
        # Folding is costly on long text; only mostly-unaccented text (scam SMS) needs the fallback.
        folded_text = fold(full_text) if _mostly_unaccented(full_text) else None
        n_words = len(full_text.split())
        matches = []
        for j, claim in enumerate(self.claims):
            best = int(similarity[:, j].argmax()) if similarity is not None else -1
            cosine = float(similarity[best, j]) if similarity is not None else 0.0
            hits = [p for p in claim.key_phrases if _phrase_in(p, full_text, folded_text)]
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
    def _index(self) -> tuple[TfidfVectorizer, object, frozenset[str]]:
        vectorizer = TfidfVectorizer(analyzer=_as_is, sublinear_tf=True)
        docs = [_syllable_bigrams(f"{c.claim} {' '.join(c.key_phrases)}") for c in self.claims]
        matrix = vectorizer.fit_transform(docs)
        return vectorizer, matrix, frozenset(vectorizer.vocabulary_)


def _as_is(tokens: list[str]) -> list[str]:
    return tokens


def _is_identifier(phrase: str) -> bool:
    return any(ch.isdigit() or ch in "./" for ch in phrase) and " " not in phrase.strip()


def _mostly_unaccented(text: str) -> bool:
    sample = text[:3000]
    changed = sum(1 for a, b in zip(sample, fold(sample), strict=False) if a != b)
    return changed < 0.03 * max(1, len(sample))


def _phrase_in(phrase: str, text: str, folded_text: str | None) -> bool:
    phrase = phrase.lower()
    # The folded comparison is a fallback for scam SMS typed without diacritics.
    return phrase in text or (folded_text is not None and fold(phrase) in folded_text)


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
