"""Held-out evaluation of the flagger, printed as a table and written as JSON.

Usage:
    .venv/bin/python benchmarks/classifier_eval.py [--model var/model/flagger.skops]
        [--shared ../shared] [--json var/model/eval.json]

Rows: synthetic examples with whole templates held out (model alone and whole flagger), VFND with
whole publishing domains held out (5 folds), and the share of real on-topic BHXH press coverage
(VietNews subset) that reaches the review threshold (target <= 2%).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from classifier.evaluation import evaluate_default

ROOT = Path(__file__).resolve().parents[1]


def _row(name: str, m: dict[str, object]) -> str:
    return (
        f"{name:34} {m['n']:>5} {m['n_positive']:>5} {m['roc_auc']!s:>7} {m['pr_auc']!s:>7} "
        f"{m['precision_at_review']!s:>7} {m['recall_at_review']!s:>7} {m['flagged_share']:>8.2%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", type=Path, default=ROOT / "var" / "model" / "flagger.skops")
    parser.add_argument("--shared", type=Path, default=(ROOT / ".." / "shared").resolve())
    parser.add_argument("--json", type=Path, default=ROOT / "var" / "model" / "eval.json")
    args = parser.parse_args()

    report = evaluate_default(
        args.model,
        ROOT / "config" / "known_claims.yaml",
        ROOT / "config" / "official_facts.yaml",
        shared_dir=args.shared if args.shared.is_dir() else None,
        metrics_path=args.json,
    )
    synthetic = report["synthetic_held_out_by_template"]
    print(
        f"{'split':34} {'n':>5} {'pos':>5} {'ROC-AUC':>7} {'PR-AUC':>7} {'P@rev':>7} "
        f"{'R@rev':>7} {'flagged':>8}"
    )
    print(_row("synthetic by template: model", synthetic["model"]))
    print(_row("synthetic by template: flagger", synthetic["flagger"]))
    vfnd = report["vfnd_by_domain"]
    print(
        _row("VFND by domain (5 folds)", vfnd["metrics"])
        if "metrics" in vfnd
        else f"{'VFND by domain':34} skipped: {vfnd['skipped']}"
    )
    coverage = report["real_bhxh_coverage"]
    if "articles" in coverage:
        print(
            f"\nreal BHXH coverage (VietNews, on-topic): {coverage['articles']} articles, flagged "
            "at "
            f"review: {coverage['flagged_share_outlet_unknown']:.2%} (outlet unknown), "
            f"{coverage['flagged_share_as_press']:.2%} (as national press), model alone "
            f"{coverage['model_only_flagged_share']:.2%}; target <= 2%"
        )
    else:
        print(f"real BHXH coverage skipped: {coverage['skipped']}")
    print(f"stance accuracy (synthetic held-out): {synthetic['stance_accuracy']:.2%}")
    print(
        f"recall per category (flagger): {json.dumps(synthetic['flagger']['recall_by_category'])}"
    )
    print(f"\nmetrics JSON: {args.json}")


if __name__ == "__main__":
    main()
