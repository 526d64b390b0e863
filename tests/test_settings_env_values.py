"""Settings from PRESSMON_* variables: a section set to a plain value is refused naming the
variable (PRESSMON_CLASSIFIER=x used to end in a Python traceback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressmon.settings import ConfigError, load_settings


@pytest.mark.parametrize("section", ["CLASSIFIER", "ALERTS", "WEB", "CRAWL"])
def test_a_section_set_to_a_plain_value_is_refused_naming_the_variable(
    tmp_path: Path, section: str
) -> None:
    variable = f"PRESSMON_{section}"
    with pytest.raises(ConfigError, match=f"biến môi trường {variable}"):
        load_settings(environ={variable: "x"}, data_dir=tmp_path)
