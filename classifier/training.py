"""Train, evaluate and document the flagging model."""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sklearn.metrics import average_precision_score, roc_auc_score

from classifier.errors import TrainingDataError
from classifier.examples import (
    LabelledExample,
    data_version,
    group_split,
    load_shipped,
    read_jsonl,
)
from classifier.model import TrainedModel, build_pipeline, save
from classifier.text import cap_words

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Metrics:
    """Scores of risk against labels at one review threshold."""

    n: int
    n_positive: int
    roc_auc: float | None
    pr_auc: float | None
    precision_at_review: float | None
    recall_at_review: float | None
    flagged_share: float
    review_threshold: float
    recall_by_category: dict[str, float] = field(default_factory=dict)
    confusion: dict[str, int] = field(default_factory=dict)  # tn, fp, fn, tp

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def example_input(example: LabelledExample) -> str:
    return cap_words(f"{example.title}. {example.text}" if example.title else example.text)


def train(
    examples: Sequence[LabelledExample], *, extra: Sequence[LabelledExample] = ()
) -> TrainedModel:
    """Fit the calibrated pipeline on `examples` plus reviewer decisions in `extra`."""
    data = [*examples, *extra]
    labels = [e.label for e in data]
    counts = Counter(labels)
    if set(counts) != {0, 1}:
        raise TrainingDataError(f"Training needs both labels 0 and 1; got counts {dict(counts)}.")
    if min(counts.values()) < 3:
        raise TrainingDataError(f"Each label needs at least 3 examples; got {dict(counts)}.")
    pipeline = build_pipeline(len(data))
    pipeline.fit([example_input(e) for e in data], labels)
    return TrainedModel(pipeline=pipeline, data_version=data_version(data))


def metrics_from_scores(
    risks: Sequence[float], examples: Sequence[LabelledExample], review_threshold: float = 0.5
) -> Metrics:
    """Metrics for given risks (from the model alone or from the whole flagger)."""
    labels = [e.label for e in examples]
    flagged = [r >= review_threshold for r in risks]
    tp = sum(1 for f, y in zip(flagged, labels, strict=True) if f and y == 1)
    fp = sum(1 for f, y in zip(flagged, labels, strict=True) if f and y == 0)
    fn = sum(1 for f, y in zip(flagged, labels, strict=True) if not f and y == 1)
    tn = len(labels) - tp - fp - fn
    both = len(set(labels)) == 2
    by_category: dict[str, list[bool]] = {}
    for f, e in zip(flagged, examples, strict=True):
        if e.label == 1 and e.category:
            by_category.setdefault(e.category, []).append(f)
    return Metrics(
        n=len(labels),
        n_positive=sum(labels),
        roc_auc=round(float(roc_auc_score(labels, risks)), 4) if both else None,
        pr_auc=round(float(average_precision_score(labels, risks)), 4) if both else None,
        precision_at_review=round(tp / (tp + fp), 4) if tp + fp else None,
        recall_at_review=round(tp / (tp + fn), 4) if tp + fn else None,
        flagged_share=round(sum(flagged) / len(flagged), 4) if flagged else 0.0,
        review_threshold=review_threshold,
        recall_by_category={c: round(sum(v) / len(v), 4) for c, v in sorted(by_category.items())},
        confusion={"tn": tn, "fp": fp, "fn": fn, "tp": tp},
    )


def evaluate(
    model: TrainedModel, examples: Sequence[LabelledExample], *, review_threshold: float = 0.5
) -> Metrics:
    """Model-only metrics (calibrated probability) on held-out examples."""
    return metrics_from_scores(
        model.risk([example_input(e) for e in examples]), examples, review_threshold
    )


def write_model_card(
    path: Path, metrics: dict[str, Metrics], data_summary: dict[str, object]
) -> None:
    """A Markdown model card: data, labels, metrics, limits, intended use."""
    lines = [
        "# pressmon flagging model",
        "",
        f"Written {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        "## Intended use",
        "Triage for human review of Vietnamese content about social insurance (BHXH, BHYT, BHTN):",
        'a risk score, a tier ("cần xem ngay", "nên xem", "không ưu tiên"), a category C1–C8,',
        "a stance and the reasons. **It is never a verdict**: a reviewer decides every item.",
        "",
        "## Model",
        "TF-IDF over underthesea words (1–2 grams, first 200 words) and syllables (1–3 grams, "
        "first",
        "20,000 words) into logistic regression (class_weight=balanced), calibrated with",
        "CalibratedClassifierCV (sigmoid below 1,000 examples, isotonic above). The flagger "
        "combines",
        "the probability with known-claim matches, official-fact checks and stance rules",
        "(classifier/flagger.py documents the formula).",
        "",
        "## Data",
        "```json",
        json.dumps(data_summary, ensure_ascii=False, indent=2, default=str),
        "```",
        "Labels: 1 = content that needs review (scam or false claim asserted), 0 = ordinary "
        "coverage",
        "or a warning that quotes and corrects false content.",
        "",
        "## Metrics (held-out, never used in training)",
        "",
        "| split | n | positives | ROC-AUC | PR-AUC | precision@review | recall@review | flagged |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, m in metrics.items():
        lines.append(
            f"| {name} | {m.n} | {m.n_positive} | {m.roc_auc} | {m.pr_auc} | "
            f"{m.precision_at_review} | {m.recall_at_review} | {m.flagged_share:.2%} |"
        )
    for name, m in metrics.items():
        if m.recall_by_category:
            lines += [
                "",
                f"Recall per category ({name}): "
                + ", ".join(f"{c} {r:.2f}" for c, r in m.recall_by_category.items()),
                f"Confusion ({name}): {m.confusion}",
            ]
    lines += [
        "",
        "## Limits",
        "- The shipped training data are synthetic, written by the project from templates; real",
        "  scam texts vary more. Reviewer decisions (`pressmon train --with-reviews`) fix this "
        "over time.",
        "- Held-out synthetic scores overstate real-world accuracy even with whole templates held "
        "out.",
        "- Stance comes from rules plus the model; unusual warning wording can be read as "
        "assertion.",
        "- Article 11 clauses are pointers for the legal team, not findings (Điều 11 lists "
        "prohibited",
        "  acts and sets no monitoring duty).",
        '- C8 (disputed forecasts) is routed as "cần thêm bối cảnh", never as false.',
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def train_default(
    model_path: Path,
    card_dir: Path,
    *,
    extra_paths: Sequence[Path] = (),
    extra_examples: Sequence[LabelledExample] = (),
    review_threshold: float = 0.5,
) -> Metrics:
    """Evaluate on a held-out template split, then train on all shipped data and save.

    Writes the model to `model_path`, and README.md + metrics.json to `card_dir`. Returns the
    held-out metrics.
    """
    shipped = load_shipped()
    extra = [*extra_examples, *(e for p in extra_paths for e in read_jsonl(p))]
    train_part, test_part = group_split(shipped)
    held_out = evaluate(
        train(train_part, extra=extra), test_part, review_threshold=review_threshold
    )
    model = train(shipped, extra=extra)
    save(model, model_path)
    summary = {
        "shipped_examples": len(shipped),
        "extra_examples": len(extra),
        "labels": dict(Counter(e.label for e in shipped + extra)),
        "categories": dict(Counter(e.category for e in shipped if e.label == 1)),
        "data_version": model.data_version,
    }
    card_dir.mkdir(parents=True, exist_ok=True)
    (card_dir / "metrics.json").write_text(
        json.dumps(
            {"held_out_synthetic": held_out.as_dict(), "data": summary},
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    write_model_card(
        card_dir / "README.md", {"held-out synthetic (by template)": held_out}, summary
    )
    logger.info(
        "trained %s examples; held-out ROC-AUC %s", len(shipped) + len(extra), held_out.roc_auc
    )
    return held_out
