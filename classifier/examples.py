"""Labelled examples: the shipped synthetic set, VFND and VietNews readers, group-aware splits."""

from __future__ import annotations

import csv
import hashlib
import json
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from classifier.errors import TrainingDataError
from classifier.text import normalize_text

SHIPPED_DATA = Path(__file__).with_name("data") / "synthetic.jsonl"


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


def read_jsonl(path: Path) -> list[LabelledExample]:
    """Examples from JSONL: text, title, label, optional category/stance/source/group."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as err:
        raise TrainingDataError(f"Training data {str(path)!r} does not exist.") from err
    examples = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            label = int(row["label"])
            if label not in (0, 1):
                raise ValueError(f"label {label!r} is not 0 or 1")
            examples.append(
                LabelledExample(
                    text=normalize_text(str(row["text"])),
                    title=normalize_text(str(row.get("title", ""))),
                    label=label,
                    category=row.get("category"),
                    stance=row.get("stance"),
                    source=str(row.get("source", "")),
                    group=str(row.get("group", "")),
                )
            )
        except (ValueError, KeyError, TypeError) as err:
            raise TrainingDataError(f"{str(path)!r} line {n}: {err}") from err
    return examples


def load_shipped() -> list[LabelledExample]:
    return read_jsonl(SHIPPED_DATA)


def load_vfnd(path: Path) -> list[LabelledExample]:
    """VFND press articles with their publishing domain (csv/vn_news_223_tdlfr.csv; 1 = fake)."""
    csv_path = path / "csv" / "vn_news_223_tdlfr.csv" if path.is_dir() else path
    try:
        with csv_path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except FileNotFoundError as err:
        raise TrainingDataError(f"VFND file {str(csv_path)!r} does not exist.") from err
    examples = []
    for row in rows:
        title, _, body = row["text"].strip().partition("\n")
        examples.append(
            LabelledExample(
                text=normalize_text(body),
                title=normalize_text(title),
                label=int(row["label"]),
                source="vfnd",
                group=row.get("domain") or "unknown",
            )
        )
    return examples


_SPACED_PUNCT = re.compile(r" ([,.;:!?%)”])|([(“]) ")


def load_vietnews(path: Path, *, on_topic_only: bool = True) -> list[LabelledExample]:
    """Real press coverage of social insurance (label 0).

    On-topic = a term in the title or sapo, or at least three term matches.
    """
    jsonl = path / "bhxh_articles.jsonl" if path.is_dir() else path
    try:
        lines = jsonl.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as err:
        raise TrainingDataError(f"VietNews file {str(jsonl)!r} does not exist.") from err
    examples = []
    for line in lines:
        row = json.loads(line)
        if on_topic_only and not (row["term_in_title_or_abstract"] or row["n_term_matches"] >= 3):
            continue
        body = _SPACED_PUNCT.sub(
            lambda m: m.group(1) or m.group(2), f"{row['abstract']}\n{row['body']}"
        )
        examples.append(
            LabelledExample(
                text=normalize_text(body),
                title=normalize_text(
                    _SPACED_PUNCT.sub(lambda m: m.group(1) or m.group(2), row["title"])
                ),
                label=0,
                stance="neutral",
                source="vietnews",
                group=f"vietnews:{row['id']}",
            )
        )
    return examples


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
    raise TrainingDataError("Cannot split the examples so that both sides hold both labels.")
