"""Held-out evaluation: synthetic by template, VFND by publishing domain, real BHXH coverage."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from classifier.claims import KnownClaims
from classifier.examples import (
    LabelledExample,
    group_split,
    load_shipped,
    load_vfnd,
    load_vietnews,
)
from classifier.facts import OfficialFacts
from classifier.flagger import Flagger, Thresholds
from classifier.training import evaluate, metrics_from_scores, train
from classifier.types import ArticleText


def _articles(
    examples: Sequence[LabelledExample], outlet_kind: str | None = None
) -> list[ArticleText]:
    return [ArticleText(title=e.title, text=e.text, outlet_kind=outlet_kind) for e in examples]


def evaluate_synthetic(
    claims: KnownClaims,
    facts: OfficialFacts,
    thresholds: Thresholds,
    examples: Sequence[LabelledExample] | None = None,
) -> dict[str, object]:
    """Train on some templates, test on the others: model alone, whole flagger, stance accuracy."""
    train_part, test_part = group_split(load_shipped() if examples is None else examples)
    model = train(train_part)
    flagger = Flagger(model, claims, facts, thresholds)
    assessments = flagger.assess_many(_articles(test_part))
    stance_known = [
        (a.stance, e.stance) for a, e in zip(assessments, test_part, strict=True) if e.stance
    ]
    return {
        "model": evaluate(model, test_part, review_threshold=thresholds.review).as_dict(),
        "flagger": metrics_from_scores(
            [a.risk for a in assessments], test_part, thresholds.review
        ).as_dict(),
        "stance_accuracy": round(sum(p == t for p, t in stance_known) / len(stance_known), 4),
        "train_examples": len(train_part),
    }


def evaluate_vfnd(vfnd_dir: Path, thresholds: Thresholds, folds: int = 5) -> dict[str, object]:
    """Cross-validation with whole publishing domains held out (labels leak through the domain).

    The pipeline is trained on VFND alone here: it measures the features on general Vietnamese
    fake news, not the BHXH model (VFND has one social-insurance article).
    """
    examples = load_vfnd(vfnd_dir)
    domains = sorted({e.group for e in examples})
    risks: dict[int, float] = {}
    for fold in range(folds):
        held = set(domains[fold::folds])
        train_part = [e for e in examples if e.group not in held]
        test_idx = [i for i, e in enumerate(examples) if e.group in held]
        if len({e.label for e in train_part}) < 2 or not test_idx:
            continue
        model = train(train_part)
        texts = [f"{examples[i].title}. {examples[i].text}" for i in test_idx]
        risks.update(zip(test_idx, model.risk(texts), strict=True))
    covered = sorted(risks)
    metrics = metrics_from_scores(
        [risks[i] for i in covered], [examples[i] for i in covered], thresholds.review
    )
    return {"metrics": metrics.as_dict(), "domains": len(domains), "folds": folds}


def evaluate_coverage(flagger: Flagger, vietnews_dir: Path) -> dict[str, object]:
    """Share of real on-topic BHXH coverage that reaches the review threshold (target ≤ 2%)."""
    examples = load_vietnews(vietnews_dir)
    as_unknown = flagger.assess_many(_articles(examples))
    as_press = flagger.assess_many(_articles(examples, outlet_kind="national"))
    review = flagger.thresholds.review
    flagged = [
        (e.title, a.risk, a.category, a.stance)
        for e, a in zip(examples, as_unknown, strict=True)
        if a.risk >= review
    ]
    return {
        "articles": len(examples),
        "flagged_share_outlet_unknown": round(len(flagged) / len(examples), 4),
        "flagged_share_as_press": round(sum(a.risk >= review for a in as_press) / len(examples), 4),
        "model_only_flagged_share": round(
            sum(r >= review for r in flagger.model.risk([f"{e.title}. {e.text}" for e in examples]))
            / len(examples),
            4,
        ),
        "flagged_examples": flagged[:20],
    }


def evaluate_default(
    model_path: Path,
    known_claims_path: Path,
    official_facts_path: Path,
    *,
    shared_dir: Path | None = None,
    thresholds: Thresholds | None = None,
    metrics_path: Path | None = None,
) -> dict[str, object]:
    """Every evaluation that the data at hand allows; writes JSON to `metrics_path` if given.

    `shared_dir` is the team's ../shared folder (VFND, VietNews); evaluations needing it are
    reported as skipped when it is absent.
    """
    thresholds = thresholds or Thresholds()
    claims, facts = KnownClaims.load(known_claims_path), OfficialFacts.load(official_facts_path)
    flagger = Flagger.from_files(
        model_path, known_claims_path, official_facts_path, thresholds, train_if_missing=True
    )
    report: dict[str, object] = {
        "model_version": flagger.model_version,
        "thresholds": {"review": thresholds.review, "urgent": thresholds.urgent},
        "synthetic_held_out_by_template": evaluate_synthetic(claims, facts, thresholds),
    }
    raw = shared_dir / "data" / "raw" if shared_dir else None
    if raw and (raw / "vfnd").is_dir():
        report["vfnd_by_domain"] = evaluate_vfnd(raw / "vfnd", thresholds)
    else:
        report["vfnd_by_domain"] = {"skipped": "../shared/data/raw/vfnd not found"}
    if raw and (raw / "vietnews-bhxh").is_dir():
        report["real_bhxh_coverage"] = evaluate_coverage(flagger, raw / "vietnews-bhxh")
    else:
        report["real_bhxh_coverage"] = {"skipped": "../shared/data/raw/vietnews-bhxh not found"}
    if metrics_path:
        metrics_path.parent.mkdir(parents=True, exist_ok=True)
        metrics_path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return report
