"""Every test's default data folder is a temporary one, never the developer's
~/.local/share/pressmon; shared by the session so the model is trained once."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_data_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # XDG_DATA_HOME too: tests that clear every PRESSMON_* variable still stay inside.
    folder = tmp_path_factory.mktemp("pressmon-home")
    names = ("PRESSMON_HOME", "XDG_DATA_HOME")
    previous = {name: os.environ.get(name) for name in names}
    os.environ["PRESSMON_HOME"] = str(folder)
    os.environ["XDG_DATA_HOME"] = str(folder / "xdg")
    yield
    for name, value in previous.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
