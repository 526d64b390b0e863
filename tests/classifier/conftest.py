"""Shared fixtures: the shipped model trained in code, the reference data, ../shared paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from classifier.claims import KnownClaims
from classifier.examples import LabelledExample, load_shipped
from classifier.facts import OfficialFacts
from classifier.flagger import Flagger, Thresholds
from classifier.links import Channels
from classifier.model import TrainedModel, save
from classifier.training import train

ROOT = Path(__file__).resolve().parents[2]
KNOWN_CLAIMS = ROOT / "config" / "known_claims.yaml"
OFFICIAL_FACTS = ROOT / "config" / "official_facts.yaml"
CHANNELS = ROOT / "config" / "channels.yaml"
# ../shared beside the checkout; a git worktree elsewhere names it in PRESSMON_SHARED_DIR.
SHARED = Path(os.environ.get("PRESSMON_SHARED_DIR") or ROOT.parent / "shared")
RAW = SHARED / "data" / "raw"


def small_subset(examples: list[LabelledExample], every: int = 5) -> list[LabelledExample]:
    """Every n-th example: all registers and labels, a fraction of the training time."""
    return examples[::every]


@pytest.fixture(scope="session")
def shipped_model() -> TrainedModel:
    """The default model exactly as a deployment trains it on first use."""
    return train(load_shipped())


@pytest.fixture(scope="session")
def model_file(shipped_model: TrainedModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped model on disk, for the commands that load one (`PRESSMON_MODEL`)."""
    path = tmp_path_factory.mktemp("model") / "flagger.skops"
    save(shipped_model, path)
    return path


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
def channels() -> Channels:
    return Channels.load(CHANNELS)


@pytest.fixture(scope="session")
def flagger(
    shipped_model: TrainedModel,
    known_claims: KnownClaims,
    official_facts: OfficialFacts,
    channels: Channels,
) -> Flagger:
    return Flagger(shipped_model, known_claims, official_facts, channels, Thresholds())


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    if not RAW.is_dir():
        pytest.skip(f"{RAW} is absent: the real corpora of ../shared are not on this machine")
    return RAW
