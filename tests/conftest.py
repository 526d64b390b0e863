"""Every test's default data folder is a temporary one, never the developer's
~/.local/share/pressmon; shared by the session so the model is trained once."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_data_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    previous = os.environ.get("PRESSMON_HOME")
    os.environ["PRESSMON_HOME"] = str(tmp_path_factory.mktemp("pressmon-home"))
    yield
    if previous is None:
        os.environ.pop("PRESSMON_HOME", None)
    else:
        os.environ["PRESSMON_HOME"] = previous
