"""Training data, training, the extra-data loader and the model card."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from classifier.card import write_model_card
from classifier.errors import TrainingDataError
from classifier.examples import (
    SHIPPED_DATA,
    LabelledExample,
    group_split,
    load_shipped,
    read_jsonl,
)
from classifier.model import TrainedModel
from classifier.training import data_summary, load_extra, train
from classifier.views import views


def test_shipped_data_covers_every_register_label_category_and_stance() -> None:
    shipped = load_shipped()
    registers = Counter((e.register, e.label) for e in shipped if e.register)
    for register in ("press", "headline", "sms", "comment", "post"):
        assert registers[(register, 0)] >= 50, register
    for register in ("sms", "post", "headline", "comment"):
        assert registers[(register, 1)] >= 50, register
    assert {e.category for e in shipped if e.label == 1} >= {f"C{n}" for n in range(1, 9)}
    assert {e.stance for e in shipped} >= {"asserts", "reports-and-debunks", "neutral"}


def test_genuine_press_is_shipped_in_every_short_form() -> None:
    # Too few, too uniform genuine headlines taught the model their shape: real headlines and
    # single sentences reached review on wording alone.
    def short_form(e: LabelledExample) -> str | None:
        if e.register == "headline":
            return "headline + sapo" if e.text else "headline"
        if e.register == "press" and not e.title and "\n" not in e.text:
            return "sentence"
        return None

    forms = Counter(short_form(e) for e in load_shipped() if e.label == 0)
    assert forms["headline"] >= 450
    assert forms["headline + sapo"] >= 300
    assert forms["sentence"] >= 200


def test_written_texts_are_unique_and_grouped() -> None:
    written = [e for e in load_shipped() if e.source == "written"]
    texts = Counter((e.title, e.text) for e in written)
    assert max(texts.values()) == 1
    assert all(e.group for e in written)


@pytest.mark.parametrize(
    "path", sorted((SHIPPED_DATA / "written").glob("*.jsonl")), ids=lambda path: path.name
)
def test_every_written_file_is_described_in_its_spec(path: Path) -> None:
    # What each file holds and why it was written is read before the file is changed.
    spec = (SHIPPED_DATA / "written" / "SPEC.md").read_text(encoding="utf-8")
    assert f"`{path.name}`" in spec


def test_every_form_of_an_example_shares_one_unit_of_weight() -> None:
    forms = views("Tiêu đề bài báo", "Sapo một câu.\nThân bài dài hơn nhiều câu. Câu nữa.")
    assert {v.form for v in forms} == {"full", "title", "title+abstract"}
    assert sum(v.weight for v in forms) == pytest.approx(1.0)


def test_group_split_never_shares_a_group() -> None:
    train_part, test_part = group_split(load_shipped())
    assert not {e.group for e in train_part} & {e.group for e in test_part}


def test_train_refuses_a_single_class() -> None:
    only = [LabelledExample(text=f"văn bản số {i}", title="", label=0) for i in range(10)]
    with pytest.raises(TrainingDataError, match="cả hai nhãn"):
        train(only)


def test_extra_examples_join_training(tiny_model: TrainedModel) -> None:
    extra = [
        LabelledExample(text="Nhận ngay quà tri ân qua đường dẫn", title="", label=1),
        LabelledExample(text="Lịch họp tổ dân phố sáng chủ nhật", title="", label=0),
    ]
    model = train(load_shipped()[::5], extra=extra)
    assert model.data_version != tiny_model.data_version


def test_read_jsonl_reports_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "a", "label": 0}\n{"text": "b", "label": 7}\n', encoding="utf-8")
    with pytest.raises(TrainingDataError, match="dòng 2"):
        read_jsonl(path)


def test_extra_loader_reads_files_and_refuses_unknown_folders(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"text": "một câu", "label": 1}) + "\n", encoding="utf-8")
    assert [e.label for e in load_extra(path)] == [1]
    with pytest.raises(TrainingDataError, match="thư mục kho ngữ liệu"):
        load_extra(tmp_path)


@pytest.mark.shared
def test_extra_loader_reads_a_real_corpus_folder(raw_dir: Path) -> None:
    examples = load_extra(raw_dir / "sms-vietsmishing")
    assert {e.label for e in examples} == {0, 1}
    assert {e.source for e in examples} == {"sms-vietsmishing", "sms-reported"}


def test_model_card_puts_real_data_first_and_own_examples_last(tmp_path: Path) -> None:
    real = {
        "rows": [
            {
                "corpus": "sms-reported",
                "form": "sms",
                "cls": "1",
                "n": 10,
                "flagged": 0.9,
                "urgent": 0.5,
            }
        ],
        "scores": [],
        "gates": [
            {"name": "g", "value": 0.01, "limit": 0.02, "kind": "max", "n": 10, "holds": True}
        ],
        "stance": {
            "confusion": {
                t: {p: 0 for p in ("asserts", "reports-and-debunks", "neutral")}
                for t in ("asserts", "reports-and-debunks", "neutral")
            }
        },
    }
    path = tmp_path / "README.md"
    write_model_card(
        path,
        model_version="v",
        summary=data_summary(load_shipped()[:5], []),
        real=real,
        appendix={"train": 1},
    )
    text = path.read_text(encoding="utf-8")
    assert text.index("Real data, by form") < text.index("Appendix")
    assert "never a verdict" in text
