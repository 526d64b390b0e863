"""Readers for the real data sets in ../shared (skipped where ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from classifier.examples import load_vfnd, load_vietnews

SHARED = (Path(__file__).resolve().parents[2] / "../shared").resolve()


def _shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only on the team's machines)")
    return path


def test_vfnd_rows_have_labels_and_domains() -> None:
    examples = load_vfnd(_shared("data", "raw", "vfnd"))
    assert len(examples) == 223
    assert {e.label for e in examples} == {0, 1}
    assert all(e.group and e.title for e in examples)


def test_vietnews_on_topic_articles_are_ordinary_coverage() -> None:
    examples = load_vietnews(_shared("data", "raw", "vietnews-bhxh"))
    assert 400 <= len(examples) <= 600
    assert {e.label for e in examples} == {0}
    assert not any(" ," in e.text[:200] for e in examples[:20])
