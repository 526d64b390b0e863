"""Evaluation on real data by form, the gates, stance on real warnings, and the research model.

Everything here reads corpora the project did not write (`corpora`, ../shared/data/raw). The
figures it returns are the headline; held-out figures on the project's own written examples are
an appendix (`synthetic_appendix`). Nothing here trains the shipped model.
"""

from __future__ import annotations

import csv
import hashlib
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from classifier.corpora import CORPORA, Corpus, EvalItem, available, load
from classifier.examples import LabelledExample, group_split, load_shipped
from classifier.flagger import Flagger
from classifier.types import ArticleText, Assessment
from vntext.normalize import fold

REAL_STANCE = Path(__file__).with_name("data") / "real_stance.csv"
# Rows of the real corpora whose label the text itself contradicts (reviewed one by one; reasons
# in the file). Gates read the audited label; the tables show the corpora's own labels.
LABEL_AUDIT = Path(__file__).with_name("data") / "label_audit.csv"
Progress = Callable[[str, int, int], None]  # (stage, done, total)
# Shorter forms of an article also read in full: the research model trains on the full one only.
DERIVED_FORMS = ("title", "title+abstract", "body")


@dataclass(frozen=True)
class Row:
    """One corpus × form × class: how much of it reaches review."""

    corpus: str
    form: str
    cls: str  # "0", "1" or the corpus's own class for unlabelled items ("spam", "hate"…)
    n: int
    flagged: float  # share at or above the review threshold
    urgent: float  # share at or above the urgent threshold


@dataclass(frozen=True)
class Scores:
    """Ranking and calibration where a corpus × form has both labels."""

    corpus: str
    form: str
    n: int
    positives: int
    roc_auc: float
    pr_auc: float
    precision: float | None
    recall: float | None
    brier: float
    reliability: list[dict[str, float]] = field(default_factory=list)


@dataclass(frozen=True)
class Gate:
    name: str
    value: float
    limit: float
    kind: str  # "max" (value must not exceed limit) | "min"
    n: int

    @property
    def holds(self) -> bool:
        return self.value <= self.limit if self.kind == "max" else self.value >= self.limit


@dataclass
class RealReport:
    rows: list[Row]
    scores: list[Scores]
    gates: list[Gate]
    stance: dict[str, object]
    forms: dict[str, object]
    variants: dict[str, object]
    skipped: list[str]

    def as_dict(self) -> dict[str, object]:
        return {
            "rows": [asdict(r) for r in self.rows],
            "scores": [asdict(s) for s in self.scores],
            "gates": [asdict(g) | {"holds": g.holds} for g in self.gates],
            "stance": self.stance,
            "forms": self.forms,
            "variants": self.variants,
            "skipped": self.skipped,
        }


def article(item: EvalItem) -> ArticleText:
    return ArticleText(title=item.title, text=item.text)


def assess_items(
    flagger: Flagger,
    items: Sequence[EvalItem],
    *,
    batch: int = 256,
    progress: Progress | None = None,
    stage: str = "",
) -> list[Assessment]:
    out: list[Assessment] = []
    for start in range(0, len(items), batch):
        out += flagger.assess_many([article(i) for i in items[start : start + batch]])
        if progress:
            progress(stage, len(out), len(items))
    return out


def rows_for(items: Sequence[EvalItem], risks: Sequence[float], review: float, urgent: float):
    groups: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for item, risk in zip(items, risks, strict=True):
        cls = str(item.label) if item.label is not None else item.kind
        groups[(item.corpus, item.form, cls)].append(risk)
    return [
        Row(
            corpus,
            form,
            cls,
            len(rs),
            round(sum(r >= review for r in rs) / len(rs), 4),
            round(sum(r >= urgent for r in rs) / len(rs), 4),
        )
        for (corpus, form, cls), rs in sorted(groups.items())
    ]


def reliability(labels: Sequence[int], risks: Sequence[float], bins: int = 10) -> list[dict]:
    """Mean predicted risk and observed share of label 1, per risk decile."""
    table = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, r in enumerate(risks) if lo <= r < hi or (b == bins - 1 and r == 1.0)]
        if idx:
            table.append(
                {
                    "from": lo,
                    "to": hi,
                    "n": len(idx),
                    "mean_risk": round(float(np.mean([risks[i] for i in idx])), 4),
                    "observed": round(float(np.mean([labels[i] for i in idx])), 4),
                }
            )
    return table


def scores_for(items: Sequence[EvalItem], risks: Sequence[float], review: float) -> list[Scores]:
    groups: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    for item, risk in zip(items, risks, strict=True):
        if item.label is not None:
            groups[(item.corpus, item.form)].append((item.label, risk))
    out = []
    for (corpus, form), pairs in sorted(groups.items()):
        labels = [y for y, _ in pairs]
        rs = [r for _, r in pairs]
        if len(set(labels)) < 2:
            continue
        tp = sum(1 for y, r in pairs if y == 1 and r >= review)
        fp = sum(1 for y, r in pairs if y == 0 and r >= review)
        pos = sum(labels)
        out.append(
            Scores(
                corpus=corpus,
                form=form,
                n=len(pairs),
                positives=pos,
                roc_auc=round(float(roc_auc_score(labels, rs)), 4),
                pr_auc=round(float(average_precision_score(labels, rs)), 4),
                precision=round(tp / (tp + fp), 4) if tp + fp else None,
                recall=round(tp / pos, 4) if pos else None,
                brier=round(float(brier_score_loss(labels, rs)), 4),
                reliability=reliability(labels, rs),
            )
        )
    return out


def _share(rows: list[Row], corpus: str, form: str, cls: str) -> tuple[float, int]:
    for r in rows:
        if (r.corpus, r.form, r.cls) == (corpus, form, cls):
            return r.flagged, r.n
    return float("nan"), 0


def gates_for(
    rows: list[Row], corpora: dict[str, list[EvalItem]], risks: dict[str, float], review: float
) -> list[Gate]:
    """The regression gates of `make test` (issue 12, item 7), where their corpora are present."""
    gates = []
    if "vietnews-bhxh" in corpora:
        value, n = _share(rows, "vietnews-bhxh", "title+abstract", "0")
        gates.append(Gate("BHXH press as title+abstract flagged", value, 0.02, "max", n))
        # Users also paste an article's body without its headline into `classify`.
        value, n = _share(rows, "vietnews-bhxh", "body", "0")
        gates.append(Gate("BHXH press as body without title flagged", value, 0.02, "max", n))
    genuine = [
        i
        for name in ("sms-vietsmishing", "sms-vie-spam", "sms-lekhang")
        for i in audited(corpora.get(name, []))
        if i.label == 0
    ]
    if genuine:
        share = sum(risks[i.key] >= review for i in genuine) / len(genuine)
        gates.append(Gate("genuine SMS flagged", round(share, 4), 0.02, "max", len(genuine)))
        for name in ("sms-vietsmishing", "sms-vie-spam", "sms-lekhang"):
            part = [i for i in genuine if i.corpus == name]
            if part:
                share = sum(risks[i.key] >= review for i in part) / len(part)
                gates.append(
                    Gate(f"genuine SMS flagged ({name})", round(share, 4), 0.02, "max", len(part))
                )
    if "vihsd" in corpora:
        value, n = _share(rows, "vihsd", "comment", "0")
        gates.append(Gate("clean social comments flagged", value, 0.03, "max", n))
    if "sms-reported" in corpora:
        scams = [i for i in audited(corpora["sms-reported"]) if i.label == 1]
        share = sum(risks[i.key] >= review for i in scams) / len(scams)
        gates.append(
            Gate(
                "reported scam SMS reaching review (audited labels)",
                round(share, 4),
                0.90,
                "min",
                len(scams),
            )
        )
        value, n = _share(rows, "sms-reported", "sms", "1")
        gates.append(
            Gate(
                "reported scam SMS reaching review (corpus labels, for reference)",
                value,
                0.0,
                "min",
                n,
            )
        )
    return gates


def stance_confusion(labels: Mapping[str, str], predicted: Mapping[str, str]) -> dict[str, Any]:
    """Confusion of stance on real warnings and real scams (hand labels by text key)."""
    stances = ("asserts", "reports-and-debunks", "neutral")
    matrix = {t: dict.fromkeys(stances, 0) for t in stances}
    for key, truth in labels.items():
        if key in predicted:
            matrix[truth][predicted[key]] += 1
    warnings = matrix["reports-and-debunks"]
    n_warn = sum(warnings.values())
    return {
        "confusion": matrix,  # rows: hand label, columns: detected
        "warnings": n_warn,
        "warnings_read_as_warnings": round(warnings["reports-and-debunks"] / n_warn, 4)
        if n_warn
        else None,
        "warnings_read_as_asserting": round(warnings["asserts"] / n_warn, 4) if n_warn else None,
    }


def read_label_audit(path: Path = LABEL_AUDIT) -> dict[str, int]:
    """Text key -> audited label."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["key"]: int(row["audited_label"]) for row in csv.DictReader(fh)}


def audited(items: Iterable[EvalItem], audit: dict[str, int] | None = None) -> list[EvalItem]:
    """The items with audited labels in place of the corpus's own."""
    audit = read_label_audit() if audit is None else audit
    return [replace(i, label=audit[i.key]) if i.key in audit else i for i in items]


def read_stance_labels(path: Path = REAL_STANCE) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["key"]: row["stance"] for row in csv.DictReader(fh)}


def form_consistency(
    items: list[EvalItem], risks: dict[tuple[str, str], float], review: float
) -> dict[str, object]:
    """For texts met in several forms: how far the risk moves and how often the decision flips."""
    by_key: dict[str, dict[str, float]] = defaultdict(dict)
    corpus_of: dict[str, str] = {}
    for item in items:
        if (item.key, item.form) in risks:
            by_key[item.key][item.form] = risks[(item.key, item.form)]
            corpus_of[item.key] = item.corpus
    pairs = (
        ("full", "title+abstract"),
        ("title+abstract", "title"),
        ("full", "title"),
        ("full", "body"),
    )
    out: dict[str, object] = {}
    for corpus in sorted(set(corpus_of.values())):
        entry = {}
        for a, b in pairs:
            both = [f for k, f in by_key.items() if corpus_of[k] == corpus and a in f and b in f]
            if not both:
                continue
            diffs = [abs(f[a] - f[b]) for f in both]
            flips = sum((f[a] >= review) != (f[b] >= review) for f in both)
            entry[f"{a} vs {b}"] = {
                "n": len(both),
                "mean_abs_difference": round(float(np.mean(diffs)), 4),
                "decision_flips": flips,
            }
        if entry:
            out[corpus] = entry
    return out


def _variants(text: str) -> dict[str, str]:
    return {"as typed": text, "without diacritics": fold(text), "upper case": text.upper()}


def variant_consistency(
    flagger: Flagger, samples: dict[str, list[EvalItem]], review: float
) -> dict[str, object]:
    """The same texts typed without diacritics or in capitals: does the judgement change?"""
    out: dict[str, object] = {}
    for name, items in samples.items():
        if not items:
            continue
        per_variant: dict[str, list[float]] = {}
        for variant in ("as typed", "without diacritics", "upper case"):
            arts = [
                ArticleText(title=_variants(i.title)[variant], text=_variants(i.text)[variant])
                for i in items
            ]
            per_variant[variant] = [a.risk for a in flagger.assess_many(arts)]
        base = per_variant["as typed"]
        entry: dict[str, object] = {"n": len(items)}
        for variant, rs in per_variant.items():
            entry[variant] = {
                "flagged": round(sum(r >= review for r in rs) / len(rs), 4),
                "mean_abs_difference": round(float(np.mean(np.abs(np.subtract(rs, base)))), 4),
                "decision_flips": sum(
                    (a >= review) != (b >= review) for a, b in zip(rs, base, strict=True)
                ),
            }
        out[name] = entry
    return out


def evaluate_real(
    flagger: Flagger,
    raw_dir: Path,
    *,
    corpora: Iterable[Corpus] | None = None,
    progress: Progress | None = None,
    variant_sample: int = 300,
    seed: int = 7,
) -> RealReport:
    """Every real corpus present under `raw_dir`, in every form, through the whole flagger."""
    review, urgent = flagger.thresholds.review, flagger.thresholds.urgent
    chosen = list(corpora) if corpora is not None else available(raw_dir)
    skipped = [c.name for c in CORPORA if c not in chosen]
    loaded: dict[str, list[EvalItem]] = {c.name: load(c, raw_dir) for c in chosen}
    all_items = [i for items in loaded.values() for i in items]
    assessments = assess_items(flagger, all_items, progress=progress, stage="real corpora")
    risk_list = [a.risk for a in assessments]
    rows = rows_for(all_items, risk_list, review, urgent)
    by_form = {(i.key, i.form): r for i, r in zip(all_items, risk_list, strict=True)}
    by_key = {
        i.key: r
        for i, r in zip(all_items, risk_list, strict=True)
        if i.form in ("sms", "comment", "full")
    }
    stance_pred = {
        i.key: a.stance
        for i, a in zip(all_items, assessments, strict=True)
        if i.form in ("sms", "full", "comment")
    }
    rng = random.Random(seed)
    samples = {
        "BHXH press, title+abstract": [
            i for i in loaded.get("vietnews-bhxh", []) if i.form == "title+abstract"
        ],
        "genuine SMS": [i for i in loaded.get("sms-vietsmishing", []) if i.label == 0],
        "clean comments": [i for i in loaded.get("vihsd", []) if i.label == 0],
        "reported scam SMS": [i for i in loaded.get("sms-reported", []) if i.label == 1],
    }
    samples = {k: rng.sample(v, min(variant_sample, len(v))) for k, v in samples.items() if v}
    if progress:
        progress("variants", 0, 1)
    return RealReport(
        rows=rows,
        scores=scores_for(all_items, risk_list, review),
        gates=gates_for(rows, loaded, by_key, review),
        stance=stance_confusion(read_stance_labels(), stance_pred),
        forms=form_consistency(all_items, by_form, review),
        variants=variant_consistency(flagger, samples, review),
        skipped=skipped,
    )


# --- the research model: shipped data plus the real corpora, evaluated on held-out groups ----

RESEARCH_CORPORA = (
    "sms-vietsmishing",
    "sms-reported",
    "sms-vie-spam",
    "sms-lekhang",
    "vfnd",
    "vietnews-bhxh",
    "vietnews-other",
    "vihsd",
)


def as_examples(items: Iterable[EvalItem]) -> list[LabelledExample]:
    """Labelled real items as training examples (one per text: its fullest form)."""
    seen: set[str] = set()
    examples = []
    for item in items:
        if item.label is None or item.key in seen or item.form in DERIVED_FORMS:
            continue
        seen.add(item.key)
        examples.append(
            LabelledExample(
                text=item.text,
                title=item.title,
                label=item.label,
                source=item.corpus,
                group=item.group,
                register=item.form,
            )
        )
    return examples


def fold_of(group: str, folds: int) -> int:
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % folds


def evaluate_research(
    make_flagger: Callable[[Sequence[LabelledExample]], Flagger],
    raw_dir: Path,
    *,
    folds: int = 5,
    vihsd_sample: int = 6000,
    seed: int = 7,
    progress: Progress | None = None,
) -> dict[str, object]:
    """Shipped data + real corpora, `folds`-fold by group (no SMS template, VFND domain or article
    on both sides); every real item is scored once, by the model that did not see its group."""
    rng = random.Random(seed)
    present = {c.name: c for c in available(raw_dir)}
    loaded = {n: load(present[n], raw_dir) for n in RESEARCH_CORPORA if n in present}
    if "vihsd" in loaded:
        clean = [i for i in loaded["vihsd"] if i.label == 0]
        loaded["vihsd"] = rng.sample(clean, min(vihsd_sample, len(clean)))
    items = [i for v in loaded.values() for i in v]
    shipped = load_shipped()
    risks: dict[tuple[str, str], float] = {}
    for k in range(folds):
        train_items = [i for i in items if fold_of(i.group, folds) != k]
        test_items = [i for i in items if fold_of(i.group, folds) == k]
        flagger = make_flagger([*shipped, *as_examples(train_items)])
        for item, a in zip(test_items, assess_items(flagger, test_items), strict=True):
            risks[(item.key, item.form)] = a.risk
        if progress:
            progress("research model folds", k + 1, folds)
    review, urgent = flagger.thresholds.review, flagger.thresholds.urgent
    scored = [i for i in items if (i.key, i.form) in risks]
    risk_list = [risks[(i.key, i.form)] for i in scored]
    return {
        "folds": folds,
        "training": {"shipped": len(shipped), "real": len(as_examples(items))},
        "rows": [asdict(r) for r in rows_for(scored, risk_list, review, urgent)],
        "scores": [asdict(s) for s in scores_for(scored, risk_list, review)],
    }


def synthetic_appendix(make_flagger: Callable[[Sequence[LabelledExample]], Flagger]) -> dict:
    """Held-out figures on the project's own written examples (whole groups held out)."""
    train_part, test_part = group_split(load_shipped())
    flagger = make_flagger(train_part)
    risks = [a.risk for a in flagger.assess_many([ArticleText(e.title, e.text) for e in test_part])]
    review = flagger.thresholds.review
    by_register: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for e, r in zip(test_part, risks, strict=True):
        by_register[e.register or "template"].append((e.label, r))
    out = {}
    for register, pairs in sorted(by_register.items()):
        labels = [y for y, _ in pairs]
        rs = [r for _, r in pairs]
        counts = Counter(labels)
        entry: dict[str, object] = {"n": len(pairs), "positives": counts[1]}
        if len(counts) == 2:
            entry["roc_auc"] = round(float(roc_auc_score(labels, rs)), 4)
        entry["flagged_negatives"] = round(
            sum(r >= review for y, r in pairs if y == 0) / max(1, counts[0]), 4
        )
        entry["recall"] = round(sum(r >= review for y, r in pairs if y == 1) / max(1, counts[1]), 4)
        out[register] = entry
    return {"train": len(train_part), "test": len(test_part), "by_register": out}
