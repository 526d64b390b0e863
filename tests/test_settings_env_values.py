"""Settings from PRESSMON_* variables: a section set to a plain value is refused naming the
variable (PRESSMON_CLASSIFIER=x used to end in a Python traceback); a relative file named in one
is in the current folder."""

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


@pytest.mark.parametrize(
    ("variable", "field"),
    [
        ("PRESSMON_SOURCES", lambda s: s.sources_file),
        ("PRESSMON_TARGETS", lambda s: s.targets_file),
        ("PRESSMON_SYNONYMS_FILE", lambda s: s.synonyms_file),
        ("PRESSMON_CLASSIFIER__KNOWN_CLAIMS", lambda s: s.classifier.known_claims),
        ("PRESSMON_ALERTS__CA_FILE", lambda s: s.alerts.ca_file),
    ],
    ids=["sources", "targets", "synonyms", "known_claims", "ca_file"],
)
def test_a_relative_file_in_a_variable_is_in_the_current_folder(
    tmp_path: Path, variable: str, field
) -> None:
    """README: relative paths in PRESSMON_* variables are relative to the current folder. Config
    files named so were looked for in the checkout (PRESSMON_SOURCES=mine.yaml: 'không tìm thấy
    tệp /…/pressmon/mine.yaml')."""
    settings = load_settings(environ={variable: "mine.yaml"}, data_dir=tmp_path, cwd=tmp_path)
    assert field(settings) == tmp_path / "mine.yaml"
