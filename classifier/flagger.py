"""Triage of one text: a risk score, a tier, a category, a stance and the reasons behind them.

How the risk is made (documented for reviewers and auditors):
1. The text is read back as its reader received it (`deobfuscate`): look-alike digits, symbols,
   punctuation inside words, other scripts and disguised links are undone, and matching reads the
   folded words, so diacritics, case and punctuation cannot change a judgement.
2. p = calibrated model probability on the folded opening (title + first words), the part that
   every form of a text shares (`views`), restated for the base rate of texts that need review
   (`Weights.base_rate`).
3. Evidence, each a weight in [0, 1] (`Weights`): the scam cues' score (`cues`: hidden channel,
   demand, push), a strong known-claim match × its score, a suggested one, each failed official-fact
   check, assertion cues.
4. Stance "asserts": risk = 1 − (1 − p) · Π(1 − wᵢ) (noisy-OR: evidence can only add). "neutral":
   the same with the claim, fact and assertion weights halved (scam cues stand as they are).
   "reports-and-debunks": the text warns about the content, so risk is capped below review.
5. Outlet prior: articles from sector/national/provincial press are multiplied by `press_prior`.
6. C8 (disputed forecast) never reaches "cần xem ngay": it needs context, not a verdict.
A category is shown when the risk reaches review or a known claim matched. Empty and
non-Vietnamese texts get risk 0 with a note saying why. Text past 20,000 words is ignored.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from classifier.categories import CATEGORIES, CONTEXT_NOTE, LEGAL_CAVEAT, pick_category
from classifier.claims import ClaimMatch, KnownClaims
from classifier.cues import MARKED_FROM, ScamSignals, scam_signals
from classifier.errors import ModelNotFoundError
from classifier.facts import FactCheckFailure, OfficialFacts
from classifier.links import Channels
from classifier.model import Scored, TrainedModel, load, model_version, save
from classifier.stance import StanceResult, detect_stance
from classifier.types import ArticleText, Assessment, Reason, Tier
from classifier.views import opening
from vntext.deobfuscate import Cleaned, clean
from vntext.normalize import INVISIBLE, fold, normalize_text, without_invisible
from vntext.segment import split_sentences

# Share of words that must read as Vietnamese syllables (typed with diacritics or not).
MIN_VIETNAMESE_SHARE = 0.4
# Words the scam cues read: far past any SMS or post; a long article's demands are in its opening.
CUE_WORDS = 400
_PRESS_KINDS = frozenset({"sector", "national", "provincial"})
_MAX_SENTENCES = 400
_NON_WORD = re.compile(r"[^\w./]+")
_TRAILING = " ,.;:!?…"  # a phrase's excerpt ends where the reader's sentence may go on
# Rules read at most this many words of a text: past this a press article is repeating itself,
# and the cap keeps hostile 10 MB "articles" cheap.
MODEL_WORD_CAP = 20_000
# A phrase is a reason of its own only when it alone multiplies the model's odds by this much:
# below a Bayes factor of 3 evidence is "not worth more than a bare mention" (Kass & Raftery
# 1995). On 198 flagged real scam texts no phrase came near (odds × 1.45 at most): "hỗ trợ",
# "không cần" say something only with the rest of the wording, so one reason names them together.
TELLING_ODDS = 3.0
MODEL_WORDING = "Cách viết giống các tin lừa đảo, tin giả mà mô hình đã học"
MODEL_ONLY = f"{MODEL_WORDING} (mô hình đánh giá trên toàn bộ cách viết, không có cụm từ nổi bật)."


def cap_words(text: str, limit: int = MODEL_WORD_CAP) -> str:
    """The first `limit` whitespace-separated words of `text`."""
    words = text.split(maxsplit=limit)
    return " ".join(words[:limit])


@dataclass(frozen=True)
class Thresholds:
    """Risk from `review` is tier "review" (nên xem), from `urgent` tier "urgent" (cần xem ngay)."""

    review: float = 0.5
    urgent: float = 0.8

    def __post_init__(self) -> None:
        if not 0.0 < self.review < self.urgent <= 1.0:
            raise ValueError(
                f"Thresholds need 0 < review < urgent <= 1, got {self.review!r}, {self.urgent!r}."
            )

    def tier(self, risk: float) -> Tier:
        if risk >= self.urgent:
            return "urgent"
        if risk >= self.review:
            return "review"
        return "low"


@dataclass(frozen=True)
class Weights:
    """How much each piece of evidence adds to the model's probability (module docstring)."""

    # The model is trained with both labels weighted equally; among what pressmon reads, far fewer
    # texts need review. Its probability is moved to this base rate (Bayes' rule on the odds), so
    # the model alone reaches review only when it is very sure, and evidence must corroborate it.
    base_rate: float = 0.1
    strong_claim: float = 0.5  # × the match score of a known claim matched strongly
    suggested_claim: float = 0.2  # × the score of a claim that may be related
    failed_fact: float = 0.3  # each official-fact check that fails
    max_failed_facts: int = 3
    assert_cue: float = 0.05  # each assertion cue ("chia sẻ ngay", "liên hệ ngay")
    max_assert: float = 0.3
    neutral_scale: float = (
        0.5  # claim/fact/assertion evidence of a text that neither asserts nor warns
    )
    debunk_factor: float = 0.3  # a warning's risk: this × min(p, review threshold)
    press_prior: float = 0.85  # sector, national and provincial press
    forecast_margin: float = 0.01  # C8 stays this far below "cần xem ngay"


def to_base_rate(p: float, base_rate: float, trained_rate: float = 0.5) -> float:
    """A probability learnt at `trained_rate` positives, restated for `base_rate` (prior shift)."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    odds = p / (1 - p) * (base_rate / (1 - base_rate)) / (trained_rate / (1 - trained_rate))
    return odds / (1 + odds)


def uncertainty(risk: float, thresholds: Thresholds) -> float:
    """1 at the review threshold, falling to 0 at risk 0 or 1: which items to label next."""
    distance = abs(risk - thresholds.review)
    span = thresholds.review if risk < thresholds.review else 1.0 - thresholds.review
    return max(0.0, 1.0 - distance / span) if span > 0 else 0.0


@dataclass(frozen=True)
class _Read:
    """One text prepared for assessment."""

    title: str
    text: str
    cleaned: Cleaned  # the opening the cues read, disguises undone
    model_text: str


@dataclass(frozen=True)
class FlaggerReferences:
    """The reference files the flagger reads beside its model (config/known_claims.yaml,
    official_facts.yaml, channels.yaml)."""

    known_claims: KnownClaims
    official_facts: OfficialFacts
    channels: Channels

    @classmethod
    def load(
        cls, known_claims_path: Path, official_facts_path: Path, channels_path: Path
    ) -> FlaggerReferences:
        return cls(
            KnownClaims.load(known_claims_path),
            OfficialFacts.load(official_facts_path),
            Channels.load(channels_path),
        )


class Flagger:
    """Applies the model, the scam cues, the known claims, the official facts and the stance."""

    def __init__(
        self,
        model: TrainedModel,
        claims: KnownClaims,
        facts: OfficialFacts,
        channels: Channels,
        thresholds: Thresholds,
        *,
        weights: Weights | None = None,
        model_version: str | None = None,
    ) -> None:
        self.model = model
        self.claims = claims
        self.facts = facts
        self.channels = channels
        self.thresholds = thresholds
        self.weights = weights or Weights()
        self.model_version = model_version or f"unsaved+{model.data_version[:8]}"

    @classmethod
    def from_files(
        cls,
        model_path: Path,
        references: FlaggerReferences,
        thresholds: Thresholds,
        *,
        weights: Weights | None = None,
        train_if_missing: bool = False,
    ) -> Flagger:
        """Load the model; with `train_if_missing`, train on the shipped data and save first.
        `references` are loaded before: a typo in one fails at once, not after training."""
        if not model_path.exists():
            if not train_if_missing:
                raise ModelNotFoundError(
                    f"Không có tệp mô hình {str(model_path)!r}; chạy `pressmon train`."
                )
            from classifier.examples import load_shipped
            from classifier.training import train

            save(train(load_shipped()), model_path)
        model = load(model_path)
        return cls(
            model,
            references.known_claims,
            references.official_facts,
            references.channels,
            thresholds,
            weights=weights,
            model_version=model_version(model_path, model.data_version),
        )

    def assess(self, article: ArticleText) -> Assessment:
        return self.assess_many([article])[0]

    def assess_many(self, articles: Sequence[ArticleText]) -> list[Assessment]:
        """Assess a batch; the model featurises all Vietnamese texts in one call."""
        read = [self._read(a) for a in articles]
        signals = [scam_signals(r.cleaned, self.channels) for r in read]
        usable = [
            i
            for i, (r, s) in enumerate(zip(read, signals, strict=True))
            if r.cleaned.syllable_share >= MIN_VIETNAMESE_SHARE or s.score >= self.thresholds.review
        ]
        scored = [
            Scored(to_base_rate(s.risk, self.weights.base_rate), s.terms)
            for s in self.model.score([read[i].model_text for i in usable], term_limit=12)
        ]
        by_index = dict(zip(usable, scored, strict=True))
        results = []
        for i, article in enumerate(articles):
            r = read[i]
            if i not in by_index:
                results.append(self._not_assessed(r))
                continue
            sentences = split_sentences(r.text)[:_MAX_SENTENCES] if r.text else []
            results.append(self._assess_one(article, r, sentences, by_index[i], signals[i]))
        return results

    def _read(self, article: ArticleText) -> _Read:
        # Rules read at most MODEL_WORD_CAP words: hostile 10 MB pages stay cheap.
        title = normalize_text(cap_words(article.title, 200))
        text = normalize_text(cap_words(article.text))
        cleaned = clean(opening(title, text, CUE_WORDS))
        # The model's opening is a prefix of what the cues read: read once, cut by offset.
        return _Read(title, text, cleaned, cleaned.words_before(len(opening(title, text))))

    def _assess_one(
        self,
        article: ArticleText,
        r: _Read,
        sentences: list[str],
        scored: Scored,
        signals: ScamSignals,
    ) -> Assessment:
        matches = self.claims.match(r.title, sentences, r.cleaned.folded)
        failures = self.facts.check(f"{r.title}\n{r.text}", article.published_at)
        stance = detect_stance(
            r.title,
            r.text,
            model_risk=scored.risk,
            claim_matched=any(m.strength == "strong" for m in matches),
            outlet_kind=article.outlet_kind,
            scam_score=signals.score,
            marked=r.cleaned.marked_share >= MARKED_FROM,
        )
        leaning = max(scored.risk, signals.score)
        category = pick_category(
            r.cleaned.folded,
            [m.claim.category for m in matches],
            min_cues=1 if leaning >= self.thresholds.review else 2,
        )
        risk = self._combine(scored.risk, signals, matches, failures, stance, article, category)
        flagged = risk >= self.thresholds.review
        if not (matches or flagged):
            category = None  # a label on ordinary content would only be noise for reviewers
        reasons = [
            *(_claim_reason(m, stance.stance) for m in matches[:3]),
            *(_fact_reason(f) for f in failures[:5]),
            *_cue_reasons(signals, self.channels),
            *_stance_reasons(stance, r),
            *_sentence_reasons(sentences or [r.title], scored, matches, failures, r),
            *_term_reasons(scored, r.cleaned, self.model.odds_scale),
        ]
        if flagged and not reasons:  # a flag always says why, even when no phrase stands out
            reasons.append(Reason("term", MODEL_ONLY, round(scored.risk, 4)))
        if category == "C8":
            reasons.insert(0, Reason("note", CONTEXT_NOTE))
        clause = CATEGORIES[category].article11_clause if category and flagged else None
        if clause:
            reasons.append(Reason("note", LEGAL_CAVEAT))
        if article.outlet_note:
            reasons.append(Reason("note", article.outlet_note))
        return Assessment(
            risk=round(risk, 4),
            tier=self.thresholds.tier(risk),
            category=category,
            article11_clause=clause,
            stance=stance.stance,
            reasons=tuple(_visible(reasons, r)),
            model_version=self.model_version,
        )

    def _combine(
        self,
        p: float,
        signals: ScamSignals,
        matches: list[ClaimMatch],
        failures: list[FactCheckFailure],
        stance: StanceResult,
        article: ArticleText,
        category: str | None,
    ) -> float:
        w = self.weights
        if stance.stance == "reports-and-debunks":
            risk = w.debunk_factor * min(max(p, signals.score), self.thresholds.review)
        else:
            evidence = [
                (w.strong_claim if m.strength == "strong" else w.suggested_claim) * m.score
                for m in matches[:2]
            ]
            evidence += [w.failed_fact] * min(w.max_failed_facts, len(failures))
            evidence.append(min(w.max_assert, w.assert_cue * stance.assert_score))
            scale = 1.0 if stance.stance == "asserts" else w.neutral_scale
            keep = (1.0 - p) * (1.0 - signals.score)
            for weight in evidence:
                keep *= 1.0 - scale * weight
            risk = 1.0 - keep
        if article.outlet_kind in _PRESS_KINDS:
            risk *= w.press_prior
        if category == "C8":
            risk = min(risk, self.thresholds.urgent - w.forecast_margin)
        return min(1.0, max(0.0, risk))

    def _not_assessed(self, r: _Read) -> Assessment:
        if not (r.title or r.text):
            note = "Văn bản trống: không có nội dung để đánh giá, rủi ro thấp."
        else:
            share = r.cleaned.syllable_share
            note = (
                f"Văn bản không phải tiếng Việt (chỉ {share:.0%} âm tiết tiếng Việt): mô hình "
                "không đánh giá, rủi ro thấp; cần xác minh thủ công nếu nghi ngờ."
            )
        return Assessment(
            risk=0.0,
            tier="low",
            category=None,
            article11_clause=None,
            stance="neutral",
            reasons=(Reason("note", note),),
            model_version=self.model_version,
        )


def _visible(reasons: list[Reason], r: _Read) -> list[Reason]:
    """The reasons as a reader sees the text: invisible characters, which the judgement read as
    disguise, out of their quotes (so a quote is found in the text as shown and stored), and
    offsets into the cues' opening counted without them."""
    if INVISIBLE.isdisjoint(r.title) and INVISIBLE.isdisjoint(r.text):
        return reasons
    original = r.cleaned.original

    def shown(key: str, value: object) -> object:
        if isinstance(value, str):
            return without_invisible(value)
        if isinstance(value, list):  # the model's wording reason names its phrases in lists
            return [without_invisible(v) if isinstance(v, str) else v for v in value]
        if key in ("start", "end") and isinstance(value, int):
            return len(without_invisible(original[:value]))
        return value

    return [
        replace(
            reason,
            text=without_invisible(reason.text),
            detail={key: shown(key, value) for key, value in reason.detail.items()},
        )
        for reason in reasons
    ]


def _cue_reasons(signals: ScamSignals, channels: Channels) -> list[Reason]:
    """The scam cues, most telling first, each with the words the reader received; an
    impersonation with the brands it names, as channels.yaml names them for people."""
    names = [brand.name if (brand := channels.brand(b)) else b for b in signals.brands]
    reasons = []
    for hit in signals.hits:
        if hit.family == "promotion":
            continue  # marketing words are context, not evidence
        shown = f": “{hit.excerpt}”" if hit.excerpt and hit.family != "impersonation" else ""
        brands = f" ({', '.join(names)})" if hit.family == "impersonation" else ""
        reasons.append(
            Reason(
                "scam-cue",
                f"{hit.label[0].upper()}{hit.label[1:]}{brands}{shown}",
                hit.weight,
                {"family": hit.family, "excerpt": hit.excerpt, "start": hit.start, "end": hit.end},
            )
        )
    return reasons


def _original_words(folded: str, original: str) -> str:
    """The words of `original` whose folded form is `folded` (folding keeps NFC lengths)."""
    index = fold(original.lower()).find(folded)
    return original[index : index + len(folded)] if index >= 0 else folded


def _stance_reasons(stance: StanceResult, r: _Read) -> list[Reason]:
    source = f"{r.title}\n{r.text}"
    if stance.stance == "reports-and-debunks":
        cues = ", ".join(f'"{_original_words(c, source)}"' for c in stance.debunk_cues[:4])
        return [
            Reason(
                "stance",
                f"Văn bản có dấu hiệu cảnh báo/đính chính ({cues}); có vẻ nêu lại nội dung "
                "đáng ngờ để cảnh báo hoặc bác bỏ, không phải để lan truyền.",
                -stance.debunk_score,
            )
        ]
    if stance.stance == "asserts":
        shown = [f'"{_original_words(c, source)}"' for c in stance.assert_cues[:4]]
        cues = ", ".join(shown) or "mô hình/dấu hiệu lừa đảo đánh giá cao"
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


def _term_reasons(
    scored: Scored, cleaned: Cleaned, odds_scale: float, limit: int = 5
) -> list[Reason]:
    """Phrases of two words or more that pushed the score up, as the reader wrote them: each one
    that alone is telling evidence (`TELLING_ODDS`) a reason of its own, the rest named in one
    last reason on the model's wording, its three strongest phrases."""
    telling: list[tuple[str, str, float]] = []
    wording: list[tuple[str, str, float]] = []
    for term, weight in dict(scored.terms).items():
        if len(term.split()) < 2:
            continue  # one syllable ("cập", "ông") explains nothing
        start = cleaned.folded.find(term)
        shown = cleaned.excerpt(start, start + len(term)) if start >= 0 else term
        strong = math.exp(odds_scale * weight) >= TELLING_ODDS
        (telling if strong else wording).append((term, shown, weight))
    reasons = [
        Reason("term", shown, weight, {"folded": term}) for term, shown, weight in telling[:limit]
    ]
    if wording:
        top = wording[:3]
        phrases = [shown.rstrip(_TRAILING) for _, shown, _ in top]
        quoted = ", ".join(f"“{phrase}”" for phrase in phrases)
        reasons.append(
            Reason(
                "term",
                f"{MODEL_WORDING}: {quoted} (mô hình đánh giá trên toàn bộ cách viết; từng cụm từ "
                "không phải bằng chứng riêng).",
                round(sum(weight for _, _, weight in top), 4),
                {"phrases": [term for term, _, _ in top], "shown": phrases},
            )
        )
    return reasons


def _sentence_reasons(
    sentences: list[str],
    scored: Scored,
    matches: list[ClaimMatch],
    failures: list[FactCheckFailure],
    r: _Read,
    limit: int = 3,
) -> list[Reason]:
    """Sentences holding the most pushing phrases, matched-claim evidence or failed facts; a
    sentence the text repeats is one piece of evidence, quoted once."""
    terms = [(f" {t} ", w) for t, w in scored.terms if " " in t]
    evidence = {m.evidence for m in matches}
    found = [f.found.split(": ")[-1] for f in failures]
    ranked = []
    for sentence in dict.fromkeys(sentences):
        folded = f" {' '.join(_NON_WORD.sub(' ', fold(sentence.lower())).split())} "
        weight = sum(w for t, w in terms if t in folded)
        weight += sum(0.5 for e in evidence if sentence in e)
        weight += sum(0.3 for f in found if f and f in sentence)
        if weight > 0:
            ranked.append((weight, sentence))
    ranked.sort(key=lambda item: item[0], reverse=True)
    return [
        Reason("sentence", s if len(s) <= 400 else s[:397] + "…", round(w, 4))
        for w, s in ranked[:limit]
    ]
