"""Regression gates on real data the project did not write (issue 12, item 7).

They run the shipped default model, trained exactly as on first use, over real corpora in
../shared/data/raw, and skip with a reason where that folder is absent. SMS labels are read
through the row-by-row audit in classifier/data/label_audit.csv (26 of 4,800 labelled SMS).
They are gates, not the goal: the figures a reviewer should read are in the model card
(`pressmon evaluate`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from classifier.corpora import CORPORA, EvalItem, load
from classifier.evaluation import assess_items, audited
from classifier.flagger import Flagger

pytestmark = pytest.mark.shared


def _corpus(raw_dir: Path, name: str) -> list[EvalItem]:
    corpus = next(c for c in CORPORA if c.name == name)
    if not (raw_dir / corpus.folder).is_dir():
        pytest.skip(f"{raw_dir / corpus.folder} is absent")
    return load(corpus, raw_dir)


def _flagged_share(flagger: Flagger, items: list[EvalItem]) -> float:
    risks = [a.risk for a in assess_items(flagger, items)]
    return sum(r >= flagger.thresholds.review for r in risks) / len(risks)


# A share or search snippet (title + sapo), and a body pasted without its headline.
@pytest.mark.parametrize("form", ["title+abstract", "body"])
def test_bhxh_press_is_rarely_flagged(flagger: Flagger, raw_dir: Path, form: str) -> None:
    items = [i for i in _corpus(raw_dir, "vietnews-bhxh") if i.form == form]
    assert items
    assert _flagged_share(flagger, items) <= 0.02


@pytest.mark.parametrize("name", ["sms-vietsmishing", "sms-vie-spam", "sms-lekhang"])
def test_genuine_sms_is_rarely_flagged(flagger: Flagger, raw_dir: Path, name: str) -> None:
    items = [i for i in audited(_corpus(raw_dir, name)) if i.label == 0]
    assert _flagged_share(flagger, items) <= 0.02


def test_clean_social_comments_are_rarely_flagged(flagger: Flagger, raw_dir: Path) -> None:
    items = [i for i in _corpus(raw_dir, "vihsd") if i.label == 0]
    assert _flagged_share(flagger, items) <= 0.03


def test_reported_scam_sms_reach_review(flagger: Flagger, raw_dir: Path) -> None:
    # Labels audited row by row where the text itself contradicts them (greetings, genuine-form
    # bills, advertising with opt-outs, warnings): classifier/data/label_audit.csv.
    items = [i for i in audited(_corpus(raw_dir, "sms-reported")) if i.label == 1]
    assert len(items) >= 180
    assert _flagged_share(flagger, items) >= 0.90
