"""Evaluation helpers, and the real corpora readers (those skip without ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifier.card import FORM_NAMES
from classifier.corpora import (
    CORPORA,
    FORMS,
    EvalItem,
    load,
    read_vfnd,
    read_vietnews_bhxh,
    read_vietnews_other,
    template_key,
)
from classifier.evaluation import (
    as_examples,
    form_consistency,
    gates_for,
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


_ARTICLE = json.dumps(
    {
        "id": 7,
        "title": "BHXH tăng lương hưu",
        "abstract": "Sapo ngắn .",
        "body": "Thân bài .",
        "term_in_title_or_abstract": True,
        "n_term_matches": 1,
    }
)
_VFND_CSV = 'text,label,domain\n"BHXH tăng lương hưu\nThân bài.",0,a.vn\n'


@pytest.mark.parametrize(
    ("reader", "name", "content", "body"),
    [
        (read_vietnews_bhxh, "bhxh_articles.jsonl", _ARTICLE, "Sapo ngắn.\nThân bài."),
        (read_vietnews_other, "other_articles_random1500.jsonl", _ARTICLE, "Sapo ngắn.\nThân bài."),
        (read_vfnd, "csv/vn_news_223_tdlfr.csv", _VFND_CSV, "Thân bài."),
    ],
    ids=["vietnews-bhxh", "vietnews-other", "vfnd"],
)
def test_press_corpora_read_each_article_also_as_its_body_without_title(
    tmp_path: Path, reader, name: str, content: str, body: str
) -> None:
    # Users paste an article's body without its headline: that form is scored too.
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    items = {i.form: i for i in reader(tmp_path)}
    assert (items["body"].title, items["body"].text) == ("", body)
    assert items["body"].key == items["full"].key and items["full"].title


def test_every_form_has_a_vietnamese_name() -> None:
    assert set(FORMS) <= set(FORM_NAMES)


def test_research_model_trains_on_each_article_once_in_full() -> None:
    forms = [EvalItem("", "x", 0, f, "c", "g", "", "c:1") for f in ("body", "title", "full")]
    assert [e.register for e in as_examples(forms)] == ["full"]


def test_body_without_title_is_compared_with_the_full_article_and_gated() -> None:
    items = [EvalItem("t", "x", 0, f, "vietnews-bhxh", "g", "", "k:1") for f in ("full", "body")]
    forms = form_consistency(items, {("k:1", "full"): 0.6, ("k:1", "body"): 0.4}, review=0.5)
    pair = {"n": 1, "mean_abs_difference": 0.2, "decision_flips": 1}
    assert forms == {"vietnews-bhxh": {"full vs body": pair}}
    rows = rows_for(items, [0.6, 0.4], review=0.5, urgent=0.8)
    gates = {g.name: g for g in gates_for(rows, {"vietnews-bhxh": items}, {}, review=0.5)}
    assert gates["BHXH press as body without title flagged"].value == 0.0


@pytest.mark.parametrize(
    ("reader", "name"),
    [
        (read_vietnews_bhxh, "bhxh_articles.jsonl"),
        (read_vietnews_other, "other_articles_random1500.jsonl"),
    ],
    ids=["vietnews-bhxh", "vietnews-other"],
)
def test_genuine_articles_are_also_read_as_one_sentence_of_their_body(
    tmp_path: Path, reader, name: str
) -> None:
    # A sentence quoted alone is a form users meet; the pick is the same on every run.
    body = (
        "Ngày 5/3, Sở Y tế tỉnh tổ chức hội nghị tổng kết công tác khám chữa bệnh năm qua. "
        "Theo báo cáo, số lượt khám bằng thẻ bảo hiểm y tế tăng 12% so với năm trước. "
        "Ảnh: T.L. "
        "Giám đốc Sở đề nghị các bệnh viện tiếp tục rút ngắn thời gian chờ của người bệnh."
    )
    row = {
        "id": "a1",
        "title": "Tổng kết khám chữa bệnh",
        "abstract": "Sapo ngắn .",
        "body": body,
        "term_in_title_or_abstract": True,
        "n_term_matches": 3,
    }
    (tmp_path / name).write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    first = [i for i in reader(tmp_path) if i.form == "sentence"]
    again = [i for i in reader(tmp_path) if i.form == "sentence"]
    assert len(first) == 1 and first == again
    sentence = first[0]
    assert sentence.title == "" and sentence.label == 0 and sentence.text in body
    assert 40 <= len(sentence.text) <= 300  # never the photo credit
    assert sentence.key == next(i.key for i in reader(tmp_path) if i.form == "full")
