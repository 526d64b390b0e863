"""Evaluation helpers, and the real corpora readers (those skip without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from classifier.corpora import CORPORA, EvalItem, load, template_key
from classifier.evaluation import (
    read_stance_labels,
    reliability,
    rows_for,
    scores_for,
    stance_confusion,
)


def _item(label: int | None, form: str = "sms", kind: str = "") -> EvalItem:
    return EvalItem("", "x", label, form, "c", "g", kind, "c:1")


def test_rows_count_flagged_and_urgent_shares_by_class() -> None:
    items = [_item(0), _item(0), _item(1), _item(None, kind="spam")]
    rows = rows_for(items, [0.1, 0.6, 0.9, 0.2], review=0.5, urgent=0.8)
    by = {r.cls: r for r in rows}
    assert by["0"].flagged == 0.5 and by["1"].urgent == 1.0 and by["spam"].flagged == 0.0


def test_scores_need_both_labels_and_report_calibration() -> None:
    items = [_item(0), _item(0), _item(1), _item(1)]
    (score,) = scores_for(items, [0.1, 0.3, 0.7, 0.9], review=0.5)
    assert score.roc_auc == 1.0 and score.precision == 1.0 and score.recall == 1.0
    assert 0 <= score.brier <= 1
    assert scores_for(items[:2], [0.1, 0.2], review=0.5) == []


def test_reliability_bins_mean_risk_against_observed_share() -> None:
    table = reliability([0, 1, 1], [0.05, 0.95, 0.92])
    assert [(b["n"], b["observed"]) for b in table] == [(1, 0.0), (2, 1.0)]


def test_stance_confusion_counts_by_hand_label() -> None:
    result = stance_confusion(
        {"a": "reports-and-debunks", "b": "reports-and-debunks", "c": "asserts"},
        {"a": "reports-and-debunks", "b": "asserts", "c": "asserts"},
    )
    assert result["warnings_read_as_warnings"] == 0.5
    assert result["confusion"]["asserts"]["asserts"] == 1


def test_stance_labels_name_texts_by_key_only() -> None:
    labels = read_stance_labels()
    assert len(labels) >= 40
    assert set(labels.values()) <= {"asserts", "reports-and-debunks", "neutral"}
    assert all(":" in key for key in labels)


def test_messages_from_one_template_share_a_key() -> None:
    assert template_key("Ma OTP cua ban la 123456, het han 12:00") == template_key(
        "Ma OTP cua ban la 987654, het han 18:30"
    )


@pytest.mark.shared
@pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])
def test_every_corpus_reads_with_unique_keys_per_form(corpus, raw_dir: Path) -> None:
    if not (raw_dir / corpus.folder).is_dir():
        pytest.skip(f"{raw_dir / corpus.folder} is absent")
    items = load(corpus, raw_dir)
    assert items
    keys = [(i.key, i.form) for i in items]
    assert len(keys) == len(set(keys))
    assert all(i.key.startswith(corpus.name + ":") for i in items)
    assert all(i.label in (0, 1, None) for i in items)
