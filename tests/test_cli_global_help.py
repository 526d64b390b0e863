"""`pressmon --help` names the environment variable behind each global option, as README's
"Command line" does: the help used to say only the built-in default, so an operator with
PRESSMON_HOME set could not learn from it why the data went elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressmon.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("option", "variable"),
    [
        ("--data-dir", "PRESSMON_HOME"),
        ("--archive", "PRESSMON_ARCHIVE"),
        ("--config", "PRESSMON_CONFIG_DIR"),
    ],
)
def test_a_global_option_names_its_variable(option: str, variable: str) -> None:
    (param,) = [p for p in main.params if option in getattr(p, "opts", ())]
    assert param.envvar == variable
    assert f"biến {variable}" in (getattr(param, "help", "") or "")
    assert f"`{option} " in README and f"(or `{variable}`)" in README
