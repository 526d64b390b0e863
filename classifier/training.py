"""Train the flagging model and describe what it was trained on."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from classifier.corpora import CORPORA, load
from classifier.errors import TrainingDataError
from classifier.examples import LabelledExample, data_version, read_jsonl
from classifier.model import TrainedModel, build_pipeline
from classifier.views import views

logger = logging.getLogger(__name__)


def train(
    examples: Sequence[LabelledExample], *, extra: Sequence[LabelledExample] = ()
) -> TrainedModel:
    """Fit the calibrated pipeline on every form of `examples` plus `extra` (module views)."""
    data = [*examples, *extra]
    labels = [e.label for e in data]
    counts = Counter(labels)
    if set(counts) != {0, 1}:
        raise TrainingDataError(
            f"Huấn luyện cần cả hai nhãn 0 và 1; số ví dụ theo nhãn: {dict(counts)}."
        )
    if min(counts.values()) < 5:
        raise TrainingDataError(
            f"Mỗi nhãn cần ít nhất 5 ví dụ; số ví dụ theo nhãn: {dict(counts)}."
        )
    texts: list[str] = []
    targets: list[int] = []
    weights: list[float] = []
    for example in data:
        for view in views(example.title, example.text):
            texts.append(view.text)
            targets.append(example.label)
            weights.append(view.weight)
    pipeline = build_pipeline()
    pipeline.fit(texts, targets, classifier__sample_weight=np.asarray(weights))
    return TrainedModel(pipeline=pipeline, data_version=data_version(data))


def load_extra(path: Path) -> list[LabelledExample]:
    """Labelled examples from a JSON-lines file, or from a real corpus folder of ../shared.

    A folder is matched by name against the known corpora (vfnd, sms-vietsmishing, vihsd…);
    `../shared/data/raw` itself adds every labelled corpus in it. Unlabelled items (advertising
    SMS, offensive comments) are left out.
    """
    from classifier.evaluation import as_examples

    if path.is_file():
        return read_jsonl(path)
    if not path.is_dir():
        raise TrainingDataError(f"Không có dữ liệu huấn luyện bổ sung {str(path)!r}.")
    matched = [c for c in CORPORA if (path / c.folder).is_dir()]  # the raw folder itself
    if matched:
        return as_examples(i for c in matched for i in load(c, path))
    folder = path.name
    matched = [c for c in CORPORA if c.folder.split("/")[-1] == folder]
    if not matched:
        names = ", ".join(sorted({c.folder for c in CORPORA}))
        raise TrainingDataError(
            f"{str(path)!r} không phải tệp JSON lines, cũng không phải thư mục kho ngữ liệu "
            f"đã biết ({names})."
        )
    return as_examples(i for c in matched for i in c.reader(path))


def data_summary(
    shipped: Sequence[LabelledExample], extra: Sequence[LabelledExample]
) -> dict[str, object]:
    """What the model was trained on, for the model card."""
    registers = Counter((e.register or "template", e.label) for e in shipped)
    return {
        "shipped_examples": len(shipped),
        "extra_examples": len(extra),
        "extra_sources": dict(Counter(e.source for e in extra)),
        "labels": dict(Counter(e.label for e in [*shipped, *extra])),
        "shipped_by_register": {
            f"{register} / label {label}": n for (register, label), n in sorted(registers.items())
        },
        "categories": dict(Counter(e.category for e in shipped if e.label == 1 and e.category)),
    }
