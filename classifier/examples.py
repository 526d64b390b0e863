"""Labelled examples: the texts the project wrote, JSON-lines reading, group-aware splits."""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from classifier.errors import TrainingDataError
from vntext.normalize import normalize_text
from vntext.syntax_text import syntax_problem

SHIPPED_DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class LabelledExample:
    """One training or evaluation item. label 1 = needs review (false / scam content).

    `group` keeps related items on one side of a split: the template for synthetic data, the
    publishing domain for VFND (its labels leak through the domain), the article for VietNews.
    """

    text: str
    title: str
    label: int
    category: str | None = None
    stance: str | None = None
    source: str = ""
    group: str = ""
    register: str = ""  # press | headline | sms | comment | post
    topic: str = ""  # bhxh | other


def read_jsonl(path: Path) -> list[LabelledExample]:
    """Examples from JSONL: text, title, label, optional category/stance/source/group."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as err:
        raise TrainingDataError(f"Không có dữ liệu huấn luyện {str(path)!r}.") from err
    except UnicodeDecodeError as err:
        bad_line = err.object[: err.start].count(b"\n") + 1
        raise TrainingDataError(
            f"{str(path)!r} dòng {bad_line}: có byte không phải UTF-8 (tệp phải là UTF-8)"
        ) from err
    examples = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("dòng phải là một đối tượng JSON {...}")
            label = row["label"]
            if label not in (0, 1, "0", "1"):
                raise ValueError(f"nhãn {label!r} phải là 0 hoặc 1")
            label = int(label)
            examples.append(
                LabelledExample(
                    text=normalize_text(str(row["text"])),
                    title=normalize_text(str(row.get("title", ""))),
                    label=label,
                    category=row.get("category"),
                    stance=row.get("stance"),
                    source=str(row.get("source", "")),
                    group=str(row.get("group", "")),
                    register=str(row.get("register", "")),
                    topic=str(row.get("topic", "")),
                )
            )
        except json.JSONDecodeError as err:
            raise TrainingDataError(
                f"{str(path)!r} dòng {n}: không phải JSON hợp lệ ({syntax_problem(err)})"
            ) from err
        except KeyError as err:
            raise TrainingDataError(f"{str(path)!r} dòng {n}: thiếu trường {err}") from err
        except (ValueError, TypeError) as err:
            raise TrainingDataError(f"{str(path)!r} dòng {n}: {err}") from err
    return examples


def load_shipped(folder: Path = SHIPPED_DATA) -> list[LabelledExample]:
    """Every text the project wrote for training: the template set and `written/*.jsonl`."""
    files = [folder / "synthetic.jsonl", *sorted((folder / "written").glob("*.jsonl"))]
    return [e for path in files for e in read_jsonl(path)]


def data_version(examples: Iterable[LabelledExample]) -> str:
    """Content hash of the examples, order-independent."""
    digests = sorted(
        hashlib.sha256(
            json.dumps([e.title, e.text, e.label], ensure_ascii=False).encode()
        ).hexdigest()
        for e in examples
    )
    return hashlib.sha256("".join(digests).encode()).hexdigest()[:16]


def group_split(
    examples: Sequence[LabelledExample], test_share: float = 0.25, seed: int = 7
) -> tuple[list[LabelledExample], list[LabelledExample]]:
    """Train/test split that never puts one group on both sides; every label stays on both."""
    groups = sorted({e.group or f"item:{i}" for i, e in enumerate(examples)})
    rng = random.Random(seed)
    for _ in range(50):
        rng.shuffle(groups)
        held = set(groups[: max(1, round(len(groups) * test_share))])
        train = [e for i, e in enumerate(examples) if (e.group or f"item:{i}") not in held]
        test = [e for i, e in enumerate(examples) if (e.group or f"item:{i}") in held]
        if {e.label for e in train} == {0, 1} and {e.label for e in test} == {0, 1}:
            return train, test
    raise TrainingDataError(
        "Không chia được các ví dụ sao cho cả phần huấn luyện và phần kiểm tra đều có hai nhãn."
    )
