"""The model card: intended use, data, real-data figures by form first, own examples last."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from classifier.types import TIER_LABELS

FORM_NAMES = {
    "full": "toàn văn",
    "title+abstract": "tiêu đề + sapo",
    "title": "chỉ tiêu đề",
    "body": "thân bài, không tiêu đề",
    "sms": "SMS",
    "comment": "bình luận",
    "post": "bài đăng",
    "sentence": "một câu",
}


def _pct(value: float | None) -> str:
    return "–" if value is None or value != value else f"{value:.1%}"


def _num(value: float | None) -> str:
    return "–" if value is None or value != value else f"{value:.3f}"


def real_tables(report: Mapping[str, Any]) -> list[str]:
    """Markdown tables of a real-data report (classifier.evaluation.RealReport.as_dict())."""
    lines = [
        "| corpus | form | class | n | flagged (≥ review) | urgent |",
        "|---|---|---|---|---|---|",
    ]
    for r in report["rows"]:
        lines.append(
            f"| {r['corpus']} | {FORM_NAMES.get(r['form'], r['form'])} | {r['cls']} | {r['n']:,} | "
            f"{_pct(r['flagged'])} | {_pct(r['urgent'])} |"
        )
    if report.get("scores"):
        lines += [
            "",
            "| corpus | form | n (positives) | ROC-AUC | PR-AUC | precision | recall | Brier |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for s in report["scores"]:
            lines.append(
                f"| {s['corpus']} | {FORM_NAMES.get(s['form'], s['form'])} | {s['n']:,} "
                f"({s['positives']}) | {_num(s['roc_auc'])} | {_num(s['pr_auc'])} | "
                f"{_pct(s['precision'])} | {_pct(s['recall'])} | {_num(s['brier'])} |"
            )
    return lines


def gate_table(gates: list[Mapping[str, Any]]) -> list[str]:
    lines = ["| gate | value | limit | n | holds |", "|---|---|---|---|---|"]
    for g in gates:
        sign = "≤" if g["kind"] == "max" else "≥"
        lines.append(
            f"| {g['name']} | {_pct(g['value'])} | {sign} {_pct(g['limit'])} | {g['n']:,} | "
            f"{'yes' if g['holds'] else '**no**'} |"
        )
    return lines


def stance_table(stance: Mapping[str, Any]) -> list[str]:
    names = ("asserts", "reports-and-debunks", "neutral")
    lines = [
        "| hand label ↓ / detected → | " + " | ".join(names) + " |",
        "|---|---|---|---|",
    ]
    for truth in names:
        row = stance["confusion"][truth]
        lines.append(f"| {truth} | " + " | ".join(str(row[p]) for p in names) + " |")
    return lines


def write_model_card(
    path: Path,
    *,
    model_version: str,
    summary: Mapping[str, Any],
    real: Mapping[str, Any] | None = None,
    research: Mapping[str, Any] | None = None,
    appendix: Mapping[str, Any] | None = None,
) -> None:
    """README.md beside the model: real data first, the project's own examples last."""
    tiers = ", ".join(f'"{label}"' for label in TIER_LABELS.values())
    lines = [
        "# pressmon flagging model",
        "",
        f"Version `{model_version}`, written {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        "## Intended use",
        "Triage for human review of Vietnamese texts about social insurance and the scams and",
        "false claims around it — press articles, headlines, social posts, comments, SMS: a risk",
        f"score, a tier ({tiers}), a category C1–C8, a stance and the reasons.",
        "**It is never a verdict**: a reviewer decides every item.",
        "",
        "## How it reads a text",
        "- De-obfuscation (`vntext/deobfuscate.py`): look-alike digits and symbols,",
        "  punctuation inside words, glued or spaced syllables, other scripts, disguised links and",
        "  phone numbers are read back; matching reads folded words, so diacritics, case and",
        "  punctuation carry no weight by themselves.",
        "- Model: TF-IDF over folded word 1–3-grams and character 3–5-grams of the opening",
        "  (title + 120 words) into calibrated logistic regression; trained on every form of each",
        "  example (title, title + lead, opening) with equal weight, rows normalised with a floor",
        "  so that a few words cannot speak as loudly as a paragraph; the probability is restated",
        "  for a base rate of texts needing review (`classifier.base_rate`, default 10%).",
        "- Rules (`classifier/cues.py`, `claims.py`, `facts.py`, `stance.py`): hidden channels",
        "  (look-alike, throw-away, shortened and chat links, private numbers), demands (OTP,",
        "  payment), pushes (lures, threats), known denied claims, official channels and figures,",
        "  and the stance toward the content; `classifier/flagger.py` documents the combination.",
        "",
        "## Training data",
        "Only texts the project wrote (`classifier/data/`, see `written/SPEC.md`), plus any",
        "`--extra` data named below.",
        "```json",
        json.dumps(summary, ensure_ascii=False, indent=2),
        "```",
    ]
    if real:
        lines += [
            "",
            "## Real data, by form (headline figures)",
            "Corpora in `../shared/data/raw` that the project did not write; none of them is in",
            "the training data of this model. `class` is the corpus's label (1 = scam/fake,",
            "0 = not) or its own class where it has no veracity label.",
            "",
            *real_tables(real),
            "",
            "### Gates (regression checks of `make test`)",
            *gate_table(real["gates"]),
            "",
            "### Stance on real warnings and real scams (hand-labelled keys, "
            "`classifier/data/real_stance.csv`)",
            *stance_table(real["stance"]),
        ]
        if real.get("variants"):
            lines += ["", "### The same texts without diacritics and in capitals", "```json"]
            lines += [json.dumps(real["variants"], ensure_ascii=False, indent=2), "```"]
        if real.get("forms"):
            lines += ["", "### The same articles in each form", "```json"]
            lines += [json.dumps(real["forms"], ensure_ascii=False, indent=2), "```"]
    else:
        lines += ["", "## Real data", "Not evaluated here (`../shared/data/raw` was absent)."]
    if research:
        lines += [
            "",
            "## Research model: shipped data plus the real corpora",
            f"{research['folds']}-fold by group (SMS template, VFND domain, article): every real",
            "item is scored by a model that saw none of its group.",
            "",
            *real_tables(research),
        ]
    if appendix:
        lines += [
            "",
            "## Appendix: the project's own written examples (held out by group)",
            "These examples share their authors' habits; the figures overstate real accuracy.",
            "```json",
            json.dumps(appendix, ensure_ascii=False, indent=2),
            "```",
        ]
    lines += [
        "",
        "## Limits",
        "- Trained only on texts the project wrote; real scams and rumours change faster. Reviewer",
        "  decisions (`pressmon train --with-reviews`) and `--extra` corpora add real data.",
        "- Some scams look exactly like genuine notices (a bill, a greeting from a new number):",
        "  nothing in the text alone separates them.",
        "- Stance comes from rules plus the model; unusual warning wording can be read as",
        "  assertion.",
        "- Article 11 clauses are pointers for the legal team, not findings.",
        '- C8 (disputed forecasts) is routed as "cần thêm bối cảnh", never as false.',
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
