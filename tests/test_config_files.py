"""Every file in config/: a malformed copy fails with one clear line naming the file and field,
in Vietnamese (never pydantic's, PyYAML's or tomllib's English, never a URL or a traceback).

Table-driven: a new file in config/ without an entry in FILES fails the coverage test.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from classifier.claims import KnownClaims
from classifier.errors import ReferenceDataError, RelevanceConfigError
from classifier.facts import OfficialFacts
from classifier.links import Channels
from classifier.relevance import RelevanceModel
from pressmon.cli import main
from pressmon.errors import ConfigError
from pressmon.settings import (
    DEFAULT_CONFIG_DIR,
    Settings,
    load_settings,
    load_sources,
    load_synonyms,
    load_targets,
)
from pressmon.wiring import gazetteer_from
from vntext.provinces import GazetteerError


@dataclass(frozen=True)
class ConfigFile:
    load: Callable[[Settings], object]  # the product's loader for the file
    error: type[Exception]
    command: tuple[str, ...]  # a CLI command that reads the file
    wrong_type: tuple[Callable[[Any], None], str]  # edit of the parsed file, field named
    unknown_key: tuple[Callable[[Any], None], str]


def _set(*path: Any, value: Any) -> Callable[[Any], None]:
    def edit(data: Any) -> None:
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return edit


_INGEST = ("ingest", "-")
FILES: dict[str, ConfigFile] = {
    "settings.toml": ConfigFile(
        load=lambda settings: settings,  # read by load_settings itself
        error=ConfigError,
        command=("counts",),
        wrong_type=(_set("web", "port", value="eighty"), "web.port"),
        unknown_key=(_set("web", "prot", value=8000), "web.prot"),
    ),
    "sources.yaml": ConfigFile(
        load=lambda settings: load_sources(settings.sources_file),
        error=ConfigError,
        command=("sources",),
        wrong_type=(_set(0, "feeds", value="https://bao.vn/rss"), "sources[0].feeds"),
        unknown_key=(_set(0, "feedz", value=[]), "sources[0].feedz"),
    ),
    "targets.yaml": ConfigFile(
        load=lambda settings: load_targets(settings.targets_file),
        error=ConfigError,
        command=("counts", "--targets"),
        wrong_type=(_set("targets", 0, "count", value="many"), "targets[0].count"),
        unknown_key=(_set("targets", 0, "cout", value=1), "targets[0].cout"),
    ),
    "synonyms.yaml": ConfigFile(
        load=lambda settings: load_synonyms(settings.synonyms_file),
        error=ConfigError,
        command=("search", "bhxh"),
        wrong_type=(_set("synonyms", 0, value="BHXH"), "synonyms[0]"),
        unknown_key=(_set("synonym", value=[]), "synonym"),
    ),
    "topics.yaml": ConfigFile(
        load=lambda settings: RelevanceModel.from_yaml(settings.topics_file),
        error=RelevanceConfigError,
        command=_INGEST,
        wrong_type=(_set("threshold", value="high"), "threshold"),
        unknown_key=(_set("positions", "footer", value=1.0), "positions.footer"),
    ),
    "provinces.yaml": ConfigFile(
        load=gazetteer_from,
        error=GazetteerError,
        command=_INGEST,
        wrong_type=(_set("provinces", 0, "aliases", value=5), "provinces[0].aliases"),
        unknown_key=(_set("provinces", 0, "alias", value=["HN"]), "provinces[0].alias"),
    ),
    "known_claims.yaml": ConfigFile(
        load=lambda settings: KnownClaims.load(settings.classifier.known_claims),
        error=ReferenceDataError,
        command=_INGEST,
        wrong_type=(_set("claims", 0, "key_phrases", value="một"), "claims[0].key_phrases"),
        unknown_key=(_set("claims", 0, "sources", value=[]), "claims[0].sources"),
    ),
    "official_facts.yaml": ConfigFile(
        load=lambda settings: OfficialFacts.load(settings.classifier.official_facts),
        error=ReferenceDataError,
        command=_INGEST,
        wrong_type=(
            _set("figures", 0, "values", 0, "value", value="lots"),
            "figures[0].values[0].value",
        ),
        unknown_key=(_set("channels", "hotline", value=[]), "channels.hotline"),
    ),
    "channels.yaml": ConfigFile(
        load=lambda settings: Channels.load(settings.classifier.channels),
        error=ReferenceDataError,
        command=_INGEST,
        wrong_type=(_set("brands", 0, "domains", value=3), "brands[0].domains"),
        unknown_key=(_set("shortners", value=[]), "shortners"),
    ),
}
CASES = [
    pytest.param(name, variant, id=f"{name}-{variant}")
    for name in FILES
    for variant in ("wrong_type", "unknown_key", "syntax", "duplicate")
]
# What each kind of problem says, in Vietnamese; {suffix} is TOML or YAML.
SAID = {
    "wrong_type": "phải là",
    "unknown_key": "trường không có (viết sai, hoặc không có ở phiên bản này)",
    "syntax": "không phải {suffix} hợp lệ: dòng",
    "duplicate": "không phải {suffix} hợp lệ: dòng",
}
# Appended to the file: a table declared twice (TOML), an indentation by tab (YAML).
SAID_TWICE = {".toml": "bảng [web] được khai báo hai lần", ".yaml": "có ký tự tab"}
# Library English that must never reach a person.
ENGLISH = (
    "Input should",
    "Field required",
    "Value error",
    "errors.pydantic.dev",
    "Cannot declare",
    "Cannot overwrite",
    "Expected",
    "expected",
    "while parsing",
    "while scanning",
    "not allowed",
    "Traceback",
)


def test_every_config_file_is_covered() -> None:
    shipped = {path.name for path in DEFAULT_CONFIG_DIR.iterdir() if path.is_file()}
    assert shipped == set(FILES), "add the new config file to FILES with its loader and command"


def test_the_shipped_files_load() -> None:
    settings = load_settings(DEFAULT_CONFIG_DIR, environ={})
    for config in FILES.values():
        config.load(settings)


@pytest.mark.parametrize("name", FILES)
def test_a_file_saved_with_a_byte_order_mark_loads(tmp_path: Path, name: str) -> None:
    """Windows editors save UTF-8 with a byte-order mark; the file reads as if without it."""
    folder = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, folder)
    path = folder / name
    path.write_bytes("\ufeff".encode() + path.read_bytes())
    FILES[name].load(load_settings(folder, environ={}))


def _broken_copy(tmp_path: Path, name: str, variant: str) -> tuple[Path, str]:
    """A copy of config/ beside its own var/, with `name` broken; the field the error names."""
    folder = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    if variant in ("syntax", "duplicate"):
        twice = '\n[web]\nhost = "x"\n' if path.suffix == ".toml" else "\n\tbroken: 1\n"
        path.write_text(text + ("\n[unclosed\n" if variant == "syntax" else twice), "utf-8")
        return folder, f"không phải {path.suffix[1:].upper()} hợp lệ: dòng"
    edit, field = getattr(FILES[name], variant)
    if path.suffix == ".toml":  # no TOML writer: the same edits, as text
        replacement = 'port = "eighty"' if variant == "wrong_type" else "port = 8000\nprot = 8000"
        path.write_text(text.replace("port = 8000", replacement), encoding="utf-8")
    else:
        data = yaml.safe_load(text)
        edit(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder, f"{field}: "


@pytest.mark.parametrize(("name", "variant"), CASES)
def test_a_malformed_file_raises_one_line_naming_file_and_field(
    tmp_path: Path, name: str, variant: str
) -> None:
    folder, field = _broken_copy(tmp_path, name, variant)
    config = FILES[name]
    with pytest.raises(config.error) as caught:
        config.load(load_settings(folder, environ={}))
    message = str(caught.value)
    assert message.startswith(f"{folder / name}: {field}"), message
    assert "\n" not in message and "pydantic" not in message
    _assert_vietnamese(message, name, variant)


def _assert_vietnamese(message: str, name: str, variant: str) -> None:
    suffix = Path(name).suffix
    assert SAID[variant].format(suffix=suffix[1:].upper()) in message, message
    if variant == "duplicate":
        assert SAID_TWICE[suffix] in message, message
    assert not [english for english in ENGLISH if english in message], message


@pytest.fixture
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No PRESSMON_* from the environment, and a private data folder with an (empty) archive:
    reading commands refuse a missing one."""
    for key in [k for k in os.environ if k.startswith("PRESSMON_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("PRESSMON_HOME", str(tmp_path / "data"))
    CliRunner().invoke(main, ["index", "import", os.devnull])


@pytest.mark.parametrize(("name", "variant"), CASES)
def test_the_cli_exits_non_zero_with_one_line(
    tmp_path: Path, private_home: None, name: str, variant: str
) -> None:
    folder, field = _broken_copy(tmp_path, name, variant)
    result = CliRunner().invoke(main, ["--config", str(folder), *FILES[name].command], input="")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    error, *rest = result.output.strip().splitlines()
    assert error.startswith(f"Lỗi: {folder / name}: {field}"), result.output
    assert [line for line in rest if not line.startswith("  gợi ý:")] == []
    _assert_vietnamese(result.output, name, variant)


def _not_utf8(path: Path) -> None:
    path.write_bytes(b"a = 1\nb: \xff\xfe\n")


def _a_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


UNREADABLE = {
    "not-utf8": (_not_utf8, "không phải văn bản UTF-8 (byte lỗi ở vị trí 9)"),
    "a-folder": (_a_folder, "đây là một thư mục, không phải tệp"),
}


@pytest.mark.parametrize("how", UNREADABLE)
@pytest.mark.parametrize("name", FILES)
def test_an_unreadable_file_is_named_with_a_hint(
    tmp_path: Path, private_home: None, name: str, how: str
) -> None:
    folder = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, folder)
    spoil, said = UNREADABLE[how]
    spoil(folder / name)
    result = CliRunner().invoke(main, ["--config", str(folder), *FILES[name].command], input="")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    error, hint = result.output.strip().splitlines()
    assert error == f"Lỗi: {folder / name}: không đọc được: {said}", result.output
    assert hint.startswith("  gợi ý: ") and len(hint) > len("  gợi ý: "), result.output


def _two_problems(tmp_path: Path, name: str) -> tuple[Path, tuple[str, str]]:
    """A copy of config/ with both a wrong type and an unknown key in `name`; the two fields."""
    folder = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    (wrong, wrong_field), (unknown, unknown_field) = FILES[name].wrong_type, FILES[name].unknown_key
    if path.suffix == ".toml":
        path.write_text(text.replace("port = 8000", 'port = "eighty"\nprot = 8000'), "utf-8")
    else:
        data = yaml.safe_load(text)
        wrong(data)
        unknown(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder, (wrong_field, unknown_field)


@pytest.mark.parametrize("name", FILES)
def test_several_problems_are_one_per_line_each_naming_the_file(
    tmp_path: Path, private_home: None, name: str
) -> None:
    folder, fields = _two_problems(tmp_path, name)
    result = CliRunner().invoke(main, ["--config", str(folder), *FILES[name].command], input="")
    assert result.exit_code == 1, result.output
    first, *rest = result.output.strip().splitlines()
    hints = [line for line in rest if line.startswith("  gợi ý:")]
    problems = [first.removeprefix("Lỗi: "), *(line.removeprefix("  ") for line in rest)]
    problems = problems[: len(problems) - len(hints)]
    assert len(problems) == 2 and len(hints) == 1, result.output
    assert all(line.startswith(f"{folder / name}: ") for line in problems), result.output
    assert {line.split(": ")[1] for line in problems} == set(fields), result.output
    assert not [english for english in ENGLISH if english in result.output], result.output


YAML_FILES = [name for name in FILES if name.endswith(".yaml")]


def _key_twice(tmp_path: Path, name: str) -> tuple[Path, str, int]:
    """A copy of config/ where `name` writes its first key twice in one mapping (PyYAML keeps
    the second silently); the key and the line of its first writing."""
    folder = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, folder)
    path = folder / name
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip() and not line.startswith("#"))
    found = re.match(r"(- )?(\w+):", lines[first])
    assert found is not None, lines[first]
    item, key = found.groups()
    if item:  # a list of mappings (sources.yaml): the same key again in its first item
        lines.insert(first + 1, f"  {key}: lặp lại")
    else:  # a mapping: the same key again at its end
        lines.append(f"{key}: null")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder, key, first + 1


@pytest.mark.parametrize("name", YAML_FILES)
def test_a_key_written_twice_is_an_error_naming_both_lines(tmp_path: Path, name: str) -> None:
    folder, key, line = _key_twice(tmp_path, name)
    config = FILES[name]
    with pytest.raises(config.error) as caught:
        config.load(load_settings(folder, environ={}))
    message = str(caught.value)
    assert message.startswith(f"{folder / name}: không phải YAML hợp lệ: dòng "), message
    assert f"khóa '{key}' được ghi hai lần trong cùng một mục" in message, message
    assert f"bắt đầu ở dòng {line}," in message, message
    assert not [english for english in ENGLISH if english in message], message


@pytest.mark.parametrize("name", YAML_FILES)
def test_the_cli_refuses_a_key_written_twice(tmp_path: Path, private_home: None, name: str) -> None:
    folder, key, _ = _key_twice(tmp_path, name)
    result = CliRunner().invoke(main, ["--config", str(folder), *FILES[name].command], input="")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    error = result.output.strip().splitlines()[0]
    assert error.startswith(f"Lỗi: {folder / name}: không phải YAML hợp lệ: dòng "), result.output
    assert f"khóa '{key}' được ghi hai lần" in error, result.output
