"""Triage of one article: a risk score, a tier, a category, a stance and the reasons behind them.

How the risk is made (documented for reviewers and auditors):
1. p = calibrated model probability on title + the first words of the body.
2. Evidence from rules, each a weight in [0, 1]: a strong known-claim match 0.5 × score, a
   suggested match 0.2 × score, each failed fact check 0.3 (at most three), assertion cues
   0.05 each (at most 0.3).
3. Stance "asserts": risk = 1 − (1 − p) · Π(1 − wᵢ) (noisy-OR: each piece of evidence can only
   raise the risk). "neutral": the same with every weight halved. "reports-and-debunks": the
   article warns about the claim, so risk = 0.3 · min(p, review threshold), always below review.
4. Outlet prior: articles from sector/national/provincial press are multiplied by 0.85.
5. C8 (disputed forecast) never reaches "cần xem ngay": it needs context, not a verdict.
A category is shown when the risk reaches review, a known claim matched, or the article warns.
Empty and non-Vietnamese texts get risk 0 with a note saying why. Text past 20,000 words is
ignored; the word-segmented model branch reads the first 200 words (text.SEGMENT_WORD_CAP).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from classifier.categories import CATEGORIES, CONTEXT_NOTE, LEGAL_CAVEAT, pick_category
from classifier.claims import ClaimMatch, KnownClaims
from classifier.errors import ModelNotFoundError
from classifier.facts import FactCheckFailure, OfficialFacts
from classifier.model import Scored, TrainedModel, load, model_version, save
from classifier.stance import StanceResult, detect_stance
from classifier.text import cap_words, normalize_text, vietnamese_share
from classifier.types import ArticleText, Assessment, Reason, Tier

_MIN_VIETNAMESE_SHARE = 0.3
_PRESS_KINDS = frozenset({"sector", "national", "provincial"})
_MAX_SENTENCES = 400


@dataclass(frozen=True)
class Thresholds:
    """Risk from `review` is "nên xem", from `urgent` "cần xem ngay"."""

    review: float = 0.5
    urgent: float = 0.8

    def __post_init__(self) -> None:
        if not 0.0 < self.review < self.urgent <= 1.0:
            raise ValueError(
                f"Thresholds need 0 < review < urgent <= 1, got {self.review!r}, {self.urgent!r}."
            )

    def tier(self, risk: float) -> Tier:
        if risk >= self.urgent:
            return "cần xem ngay"
        if risk >= self.review:
            return "nên xem"
        return "không ưu tiên"


def uncertainty(risk: float, thresholds: Thresholds) -> float:
    """1 at the review threshold, falling to 0 at risk 0 or 1: which items to label next."""
    distance = abs(risk - thresholds.review)
    span = thresholds.review if risk < thresholds.review else 1.0 - thresholds.review
    return max(0.0, 1.0 - distance / span) if span > 0 else 0.0


class Flagger:
    """Applies the model, the known-claim matcher, the official facts and the stance rules."""

    def __init__(
        self,
        model: TrainedModel,
        claims: KnownClaims,
        facts: OfficialFacts,
        thresholds: Thresholds,
        *,
        model_version: str | None = None,
    ) -> None:
        self.model = model
        self.claims = claims
        self.facts = facts
        self.thresholds = thresholds
        self.model_version = model_version or f"unsaved+{model.data_version[:8]}"

    @classmethod
    def from_files(
        cls,
        model_path: Path,
        known_claims_path: Path,
        official_facts_path: Path,
        thresholds: Thresholds,
        *,
        train_if_missing: bool = False,
    ) -> Flagger:
        """Load everything; with `train_if_missing`, train on the shipped data and save first."""
        if not model_path.exists():
            if not train_if_missing:
                raise ModelNotFoundError(
                    f"Model file {str(model_path)!r} does not exist; run `pressmon train`."
                )
            from classifier.examples import load_shipped
            from classifier.training import train

            save(train(load_shipped()), model_path)
        model = load(model_path)
        return cls(
            model,
            KnownClaims.load(known_claims_path),
            OfficialFacts.load(official_facts_path),
            thresholds,
            model_version=model_version(model_path, model.data_version),
        )

    def assess(self, article: ArticleText) -> Assessment:
        return self.assess_many([article])[0]

    def assess_many(self, articles: Sequence[ArticleText]) -> list[Assessment]:
        """Assess a batch; the model featurises all Vietnamese texts in one call."""
        from underthesea import sent_tokenize

        # Rules too read at most MODEL_WORD_CAP words: hostile 10 MB pages stay cheap.
        prepared = [
            (normalize_text(cap_words(a.title, 200)), normalize_text(cap_words(a.text)))
            for a in articles
        ]
        usable = [
            i
            for i, (title, text) in enumerate(prepared)
            if vietnamese_share(f"{title} {text}") >= _MIN_VIETNAMESE_SHARE
        ]
        scored = self.model.score([model_input(*prepared[i]) for i in usable], term_limit=12)
        by_index = dict(zip(usable, scored, strict=True))
        results = []
        for i, article in enumerate(articles):
            title, text = prepared[i]
            if i not in by_index:
                results.append(self._not_assessed(title, text))
                continue
            sentences = sent_tokenize(text)[:_MAX_SENTENCES] if text else []
            results.append(self._assess_one(article, title, text, sentences, by_index[i]))
        return results

    def _assess_one(
        self, article: ArticleText, title: str, text: str, sentences: list[str], scored: Scored
    ) -> Assessment:
        matches = self.claims.match(title, sentences)
        failures = self.facts.check(f"{title}\n{text}", article.published_at)
        stance = detect_stance(
            title,
            text,
            model_risk=scored.risk,
            claim_matched=any(m.strength == "strong" for m in matches),
            outlet_kind=article.outlet_kind,
        )
        # A text the model already rates as risky needs only one cue to be filed under a category.
        category = pick_category(
            f"{title} {text}",
            [m.claim.category for m in matches],
            min_cues=1 if scored.risk >= self.thresholds.review else 2,
        )
        risk = self._combine(scored.risk, matches, failures, stance, article.outlet_kind, category)
        # Ordinary coverage gets no category: a label on it would only be noise for reviewers.
        if not (
            matches or risk >= self.thresholds.review or stance.stance == "reports-and-debunks"
        ):
            category = None
        reasons = [
            *_stance_reasons(stance),
            *(_claim_reason(m, stance.stance) for m in matches[:3]),
            *(_fact_reason(f) for f in failures[:5]),
            *_sentence_reasons(sentences or [title], scored, matches, failures),
            *_term_reasons(scored),
        ]
        if category == "C8":
            reasons.insert(0, Reason("note", CONTEXT_NOTE))
        clause = CATEGORIES[category].article11_clause if category else None
        if clause:
            reasons.append(Reason("note", LEGAL_CAVEAT))
        return Assessment(
            risk=round(risk, 4),
            tier=self.thresholds.tier(risk),
            category=category,
            article11_clause=clause,
            stance=stance.stance,
            reasons=tuple(reasons),
            model_version=self.model_version,
        )

    def _combine(
        self,
        p: float,
        matches: list[ClaimMatch],
        failures: list[FactCheckFailure],
        stance: StanceResult,
        outlet_kind: str | None,
        category: str | None,
    ) -> float:
        if stance.stance == "reports-and-debunks":
            risk = 0.3 * min(p, self.thresholds.review)
        else:
            weights = [(0.5 if m.strength == "strong" else 0.2) * m.score for m in matches[:2]]
            weights += [0.3] * min(3, len(failures))
            weights.append(min(0.3, 0.05 * stance.assert_score))
            scale = 1.0 if stance.stance == "asserts" else 0.5
            keep = 1.0 - p
            for w in weights:
                keep *= 1.0 - scale * w
            risk = 1.0 - keep
        if outlet_kind in _PRESS_KINDS:
            risk *= 0.85
        if category == "C8":
            risk = min(risk, self.thresholds.urgent - 0.01)
        return min(1.0, max(0.0, risk))

    def _not_assessed(self, title: str, text: str) -> Assessment:
        if not (title or text):
            note = "Văn bản trống: không có nội dung để đánh giá, rủi ro thấp."
        else:
            share = vietnamese_share(f"{title} {text}")
            note = (
                f"Văn bản không phải tiếng Việt (chỉ {share:.0%} âm tiết tiếng Việt): mô hình "
                "không đánh giá, rủi ro thấp; cần xác minh thủ công nếu nghi ngờ."
            )
        return Assessment(
            risk=0.0,
            tier="không ưu tiên",
            category=None,
            article11_clause=None,
            stance="neutral",
            reasons=(Reason("note", note),),
            model_version=self.model_version,
        )


def model_input(title: str, text: str) -> str:
    """What the model reads: the title, then the capped body."""
    return cap_words(f"{title}. {text}" if title else text)


def _stance_reasons(stance: StanceResult) -> list[Reason]:
    if stance.stance == "reports-and-debunks":
        cues = ", ".join(f'"{c}"' for c in stance.debunk_cues[:4])
        return [
            Reason(
                "stance",
                f"Bài viết có dấu hiệu cảnh báo/đính chính ({cues}); nội dung sai được "
                "trích dẫn để bác bỏ, không phải lan truyền.",
                -stance.debunk_score,
            )
        ]
    if stance.stance == "asserts":
        cues = ", ".join(f'"{c}"' for c in stance.assert_cues[:4]) or "mô hình đánh giá cao"
        return [
            Reason(
                "stance",
                f"Văn bản có dấu hiệu khẳng định/kêu gọi hành động ({cues}); cần xác minh.",
                stance.assert_score,
            )
        ]
    return []


def _claim_reason(match: ClaimMatch, stance: str) -> Reason:
    level = "gần trùng" if match.strength == "strong" else "có thể liên quan đến"
    framing = " (bài viết trích dẫn để cảnh báo)" if stance == "reports-and-debunks" else ""
    return Reason(
        "known-claim",
        f"Nội dung {level} thông tin BHXH đã bác bỏ{framing}, cần xác minh: "
        f'"{match.claim.claim}" Đính chính chính thức: {match.claim.correction}',
        match.score,
        {
            "claim_id": match.claim.id,
            "strength": match.strength,
            "source_url": match.claim.source_url,
            "date": match.claim.date,
            "category": match.claim.category,
            "evidence": match.evidence,
        },
    )


_FACT_LABEL = {
    "domain": "Trang web không thuộc kênh chính thức được giới thiệu như của BHXH",
    "page": "Trang mạng xã hội không thuộc kênh chính thức được giới thiệu như của BHXH",
    "phone": "Số điện thoại không phải tổng đài chính thức được gắn với BHXH",
    "app": "Ứng dụng/đường tải không thuộc kênh chính thức",
    "figure": "Số liệu chính sách khác với mức đang áp dụng",
}


def _fact_reason(failure: FactCheckFailure) -> Reason:
    return Reason(
        "fact-check",
        f"{_FACT_LABEL[failure.kind]}: {failure.found} (chính thức: {failure.official}); cần xác "
        "minh.",
        0.3,
        {
            "kind": failure.kind,
            "found": failure.found,
            "official": failure.official,
            "context": failure.context,
        },
    )


def _term_reasons(scored: Scored, limit: int = 6) -> list[Reason]:
    """Terms that pushed the score up, one per spelling, skipping fragments under 3 letters."""
    seen: set[str] = set()
    reasons = []
    for term, weight in scored.terms:
        if len(term) < 3 or term in seen:
            continue
        seen.add(term)
        reasons.append(Reason("term", term, weight))
    return reasons[:limit]


def _sentence_reasons(
    sentences: list[str],
    scored: Scored,
    matches: list[ClaimMatch],
    failures: list[FactCheckFailure],
    limit: int = 3,
) -> list[Reason]:
    """Sentences holding the most pushing terms, matched-claim evidence or failed facts."""
    terms = [(re.escape(t), w) for t, w in scored.terms]
    evidence = {m.evidence for m in matches}
    found = [f.found.split(": ")[-1] for f in failures]
    ranked = []
    for sentence in sentences:
        lowered = sentence.lower()
        weight = sum(w for t, w in terms if re.search(t, lowered))
        weight += sum(0.5 for e in evidence if sentence in e)
        weight += sum(0.3 for f in found if f and f in sentence)
        if weight > 0:
            ranked.append((weight, sentence))
    ranked.sort(key=lambda r: r[0], reverse=True)
    return [
        Reason("sentence", s if len(s) <= 400 else s[:397] + "…", round(w, 4))
        for w, s in ranked[:limit]
    ]
