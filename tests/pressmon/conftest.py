"""Fixtures shared by the pressmon tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from classifier.examples import load_shipped
from classifier.model import save
from classifier.training import train


@pytest.fixture(scope="session")
def model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small flagger model on disk, for commands that load one (`PRESSMON_MODEL`)."""
    path = tmp_path_factory.mktemp("model") / "flagger.skops"
    save(train(load_shipped()[::5]), path)  # a fifth of the examples: every register, fast
    return path
