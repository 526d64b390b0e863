"""Shared fixtures: a small model trained in code, the shipped reference data, ../shared paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from classifier.claims import KnownClaims
from classifier.examples import LabelledExample, load_shipped
from classifier.facts import OfficialFacts
from classifier.flagger import Flagger, Thresholds
from classifier.model import TrainedModel
from classifier.training import train

ROOT = Path(__file__).resolve().parents[2]
KNOWN_CLAIMS = ROOT / "config" / "known_claims.yaml"
OFFICIAL_FACTS = ROOT / "config" / "official_facts.yaml"


def small_subset(examples: list[LabelledExample], every: int = 5) -> list[LabelledExample]:
    """Every n-th example: all families and categories, a fraction of the training time."""
    return examples[::every]


@pytest.fixture(scope="session")
def tiny_model() -> TrainedModel:
    return train(small_subset(load_shipped()))


@pytest.fixture(scope="session")
def known_claims() -> KnownClaims:
    return KnownClaims.load(KNOWN_CLAIMS)


@pytest.fixture(scope="session")
def official_facts() -> OfficialFacts:
    return OfficialFacts.load(OFFICIAL_FACTS)


@pytest.fixture(scope="session")
def flagger(
    tiny_model: TrainedModel, known_claims: KnownClaims, official_facts: OfficialFacts
) -> Flagger:
    return Flagger(tiny_model, known_claims, official_facts, Thresholds())
