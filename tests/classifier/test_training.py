from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from classifier.claims import KnownClaims
from classifier.errors import TrainingDataError
from classifier.evaluation import evaluate_synthetic
from classifier.examples import LabelledExample, group_split, load_shipped, read_jsonl
from classifier.facts import OfficialFacts
from classifier.flagger import Thresholds
from classifier.model import TrainedModel
from classifier.training import (
    evaluate,
    metrics_from_scores,
    train,
    train_default,
    write_model_card,
)


def test_shipped_data_covers_every_category_and_stance() -> None:
    examples = load_shipped()
    assert len(examples) >= 500
    assert {e.category for e in examples if e.label == 1} == {f"C{i}" for i in range(1, 9)}
    assert Counter(e.stance for e in examples).keys() == {
        "asserts",
        "reports-and-debunks",
        "neutral",
    }
    assert all(e.source == "synthetic" and e.group for e in examples)
    assert {e.label for e in examples if e.stance == "reports-and-debunks"} == {0}


def test_group_split_never_shares_a_group() -> None:
    train_part, test_part = group_split(load_shipped())
    assert not {e.group for e in train_part} & {e.group for e in test_part}
    assert {e.label for e in test_part} == {0, 1}


def test_train_refuses_a_single_class() -> None:
    one_class = [LabelledExample(text=f"Tin số {i}", title="", label=0) for i in range(10)]
    with pytest.raises(TrainingDataError, match="both labels"):
        train(one_class)


def test_reviewer_decisions_join_training(tiny_model: TrainedModel) -> None:
    base = load_shipped()[::5]
    extra = [
        LabelledExample(
            text="Đổi thẻ BHYT lấy quà tặng, nhắn tin ngay", title="", label=1, source="review"
        )
    ]
    model = train(base, extra=extra)
    assert model.data_version != tiny_model.data_version


def test_evaluate_reports_every_metric(tiny_model: TrainedModel) -> None:
    _, held_out = group_split(load_shipped()[1::5])
    metrics = evaluate(tiny_model, held_out)
    assert 0.0 <= (metrics.roc_auc or 0) <= 1.0 and metrics.pr_auc is not None
    assert sum(metrics.confusion.values()) == metrics.n
    assert set(metrics.recall_by_category) <= {f"C{i}" for i in range(1, 9)}


def test_metrics_by_hand() -> None:
    examples = [
        LabelledExample("a", "", 1, "C1"),
        LabelledExample("b", "", 1, "C2"),
        LabelledExample("c", "", 0),
        LabelledExample("d", "", 0),
    ]
    m = metrics_from_scores([0.9, 0.2, 0.6, 0.1], examples, 0.5)
    assert m.confusion == {"tn": 1, "fp": 1, "fn": 1, "tp": 1}
    assert m.precision_at_review == 0.5 and m.recall_at_review == 0.5
    assert m.recall_by_category == {"C1": 1.0, "C2": 0.0}
    assert m.roc_auc == 0.75


def test_model_card_states_intended_use_and_metrics(tmp_path: Path) -> None:
    m = metrics_from_scores([0.9, 0.1], [LabelledExample("a", "", 1), LabelledExample("b", "", 0)])
    write_model_card(tmp_path / "README.md", {"held-out": m}, {"examples": 2})
    card = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "never a verdict" in card and "| held-out | 2 | 1 | 1.0 |" in card


def test_read_jsonl_reports_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "a", "label": 1}\n{"text": "b", "label": 7}\n', encoding="utf-8")
    with pytest.raises(TrainingDataError, match="line 2"):
        read_jsonl(path)


def test_train_default_writes_model_card_and_metrics(tmp_path: Path) -> None:
    extra = tmp_path / "reviews.jsonl"
    extra.write_text(
        json.dumps({"text": "Nhận ngay quà BHXH, bấm link", "label": 1}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    metrics = train_default(tmp_path / "m.skops", tmp_path / "card", extra_paths=[extra])
    assert (tmp_path / "m.skops").is_file()
    assert (
        json.loads((tmp_path / "card" / "metrics.json").read_text())["data"]["extra_examples"] == 1
    )
    assert metrics.n > 0


def test_synthetic_evaluation_reports_model_flagger_and_stance(
    known_claims: KnownClaims, official_facts: OfficialFacts
) -> None:
    report = evaluate_synthetic(known_claims, official_facts, Thresholds(), load_shipped()[::4])
    assert report["flagger"]["n"] == report["model"]["n"] > 0
    assert 0.0 <= report["stance_accuracy"] <= 1.0
