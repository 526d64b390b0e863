"""Real-data evaluation of the flagger by corpus and form, the research model, and the appendix.

Usage:
    .venv/bin/python benchmarks/classifier_eval.py [--shared ../shared] [--research]
        [--json var/model/evaluation.json] [--markdown out.md]

Trains the shipped default model exactly as a deployment does on first use (only the texts the
project wrote), then scores every real corpus of ../shared/data/raw in every form (full text,
title + abstract, title, body without title, SMS, comment): share flagged at the review
threshold, ranking and calibration where labels exist, the gates of `make test`, stance on
hand-labelled real warnings, and the same texts typed without diacritics or in capitals.
`--research` adds the model trained with the real corpora too, scored 5-fold with no SMS
template, VFND domain or article on both sides. Figures on the project's own written examples
come last, as an appendix.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from classifier.card import gate_table, real_tables, stance_table
from classifier.claims import KnownClaims
from classifier.evaluation import evaluate_real, evaluate_research, synthetic_appendix
from classifier.examples import load_shipped
from classifier.facts import OfficialFacts
from classifier.flagger import Flagger, Thresholds
from classifier.links import Channels
from classifier.training import train

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    # ../shared beside the checkout; a git worktree elsewhere names it in PRESSMON_SHARED_DIR.
    shared = os.environ.get("PRESSMON_SHARED_DIR") or ROOT / ".." / "shared"
    parser.add_argument("--shared", type=Path, default=Path(shared).resolve())
    parser.add_argument("--research", action="store_true")
    parser.add_argument("--json", type=Path, default=ROOT / "var" / "model" / "evaluation.json")
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args()
    raw = args.shared / "data" / "raw"
    if not raw.is_dir():
        sys.exit(f"{raw} not found: the real corpora are needed for this benchmark")

    claims = KnownClaims.load(ROOT / "config" / "known_claims.yaml")
    facts = OfficialFacts.load(ROOT / "config" / "official_facts.yaml")
    channels = Channels.load(ROOT / "config" / "channels.yaml")

    def make(examples):
        return Flagger(train(examples), claims, facts, channels, Thresholds())

    def progress(stage: str, done: int, total: int) -> None:
        if done == total:
            print(f"  {stage}: {total:,} done", file=sys.stderr)

    start = time.perf_counter()
    shipped = make(load_shipped())
    report: dict[str, Any] = {
        "real": evaluate_real(shipped, raw, progress=progress).as_dict(),
        "appendix_own_examples": synthetic_appendix(make),
    }
    if args.research:
        report["research"] = evaluate_research(make, raw, progress=progress)
    real = report["real"]
    lines = [
        "## Shipped default model on real data, by form",
        *real_tables(real),
        "",
        "### Gates",
        *gate_table(real["gates"]),
        "",
        "### Stance on hand-labelled real warnings and scams",
        *stance_table(real["stance"]),
    ]
    if args.research:
        lines += ["", "## Research model (shipped + real corpora, 5 folds by group)"]
        lines += real_tables(report["research"])
    lines += [
        "",
        "## Appendix: held-out project-written examples",
        "```json",
        json.dumps(report["appendix_own_examples"], indent=1),
        "```",
        f"\n({time.perf_counter() - start:.0f} s)",
    ]
    text = "\n".join(lines)
    print(text)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
