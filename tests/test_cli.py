"""Every CLI command has --help and a README entry; the commands issues promise exist."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pressmon.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")

# Command names are a contract with the issues that spell them out.
PROMISED = {
    "demo",
    "crawl",
    "extract",
    "classify",
    "ingest",
    "search",
    "counts",
    "flagged",
    "rescore",
    "serve",
    "train",
    "evaluate",
    "sources",
    "run",
    "users",
    "users add",
    "users list",
    "users disable",
    "users unlock",
    "index",
    "index export",
    "index import",
    "worker",
    "enqueue",
}


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        names.append(full)
        if isinstance(command, click.Group):
            names.extend(_commands(command, full + " "))
    return names


ALL = _commands(main)


def test_promised_commands_exist() -> None:
    assert PROMISED <= set(ALL), f"missing: {sorted(PROMISED - set(ALL))}"


@pytest.mark.parametrize("name", ALL)
def test_command_has_help_and_readme_entry(name: str) -> None:
    result = CliRunner().invoke(main, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Cách dùng:" in result.output
    assert f"pressmon {name}" in README, f"README does not document 'pressmon {name}'"


def test_errors_exit_non_zero_with_one_line_and_hint(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["--archive", str(tmp_path / "a.db"), "crawl", "--source", "no_such_outlet"]
    )
    assert result.exit_code != 0
    assert "không có nguồn 'no_such_outlet'" in result.output
    assert "gợi ý:" in result.output


@pytest.mark.parametrize(
    ("variable", "command", "text", "field"),
    [
        (
            "PRESSMON_SOURCES",
            ["crawl"],
            "- id: a\n  name: x\n  kind: tabloid\n  domain: x.vn\n",
            "kind",
        ),
        (
            "PRESSMON_TARGETS",
            ["counts", "--targets"],
            "targets:\n  - id: t\n    name: x\n    count: 0\n",
            "count",
        ),
    ],
    ids=["sources", "targets"],
)
def test_broken_config_file_exits_non_zero_naming_file_and_field(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    command: list[str],
    text: str,
    field: str,
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(text, encoding="utf-8")
    monkeypatch.setenv(variable, str(broken))
    # Reading commands refuse a missing archive before reading any config: make one.
    CliRunner().invoke(main, ["--archive", str(tmp_path / "a.db"), "index", "import", "/dev/null"])
    result = CliRunner().invoke(main, ["--archive", str(tmp_path / "a.db"), *command])
    assert result.exit_code == 1
    assert str(broken) in result.output and field in result.output
