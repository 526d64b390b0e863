"""Every CLI option that takes a day reads it as YYYY-MM-DD or DD/MM/YYYY, the form the CLI
prints dates in and the web app's date fields take, through one parser; a day it cannot read is
refused naming both forms. The audit found `search`/`counts`/`flagged --from/--to` taking only
YYYY-MM-DD while `demo --until` took both."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from index import open_archive
from pressmon.cli import main
from pressmon.cli.options import DayType
from tests.index.index_factories import make_doc

DATE_OPTIONS = {"--from", "--to", "--until", "--since", "--date", "--day"}


def _options(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, click.Option]]:
    found = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found.extend(_options(command, (*path, name)))
            continue
        for param in command.params:
            if isinstance(param, click.Option) and DATE_OPTIONS & set(param.opts):
                found.append((" ".join((*path, name, param.opts[0])), param))
    return found


DAY_OPTIONS = _options(main)


def test_the_day_options_are_the_ones_audited() -> None:
    assert {name for name, _ in DAY_OPTIONS} == {
        f"{command} {option}"
        for command in ("search", "counts", "flagged", "rescore")
        for option in ("--from", "--to")
    } | {"demo --until"}


@pytest.mark.parametrize(("name", "option"), DAY_OPTIONS, ids=[n for n, _ in DAY_OPTIONS])
def test_every_day_option_reads_both_forms_with_the_shared_parser(
    name: str, option: click.Option
) -> None:
    assert isinstance(option.type, DayType), name
    assert "YYYY-MM-DD hoặc DD/MM/YYYY" in (option.help or ""), name


def _run(archive: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--archive", str(archive), *args], prog_name="pressmon")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    with open_archive("sqlite", path=path) as opened:
        opened.upsert(
            [
                make_doc("a", title="BHXH chi trả lương hưu tháng Hai"),
                make_doc(
                    "b",
                    title="BHXH chi trả lương hưu tháng Ba",
                    published_at=datetime(2024, 3, 15, 3, 0, tzinfo=UTC),
                ),
            ]
        )
    return path


@pytest.mark.parametrize(
    "command", [["search", "lương hưu"], ["counts"], ["flagged"]], ids=lambda c: c[0]
)
def test_dd_mm_yyyy_selects_the_same_days_as_iso(archive: Path, command: list[str]) -> None:
    iso = _run(archive, *command, "--from", "2024-03-01", "--to", "2024-03-31")
    vietnamese = _run(archive, *command, "--from", "01/03/2024", "--to", "31/3/2024")
    assert iso.exit_code == 0, iso.output
    assert vietnamese.exit_code == 0, vietnamese.output
    assert vietnamese.output == iso.output


def test_search_by_vietnamese_dates_finds_only_that_month(archive: Path) -> None:
    result = _run(archive, "search", "lương hưu", "--from", "01/03/2024", "--to", "31/03/2024")
    assert result.exit_code == 0, result.output
    assert "tháng Ba" in result.output and "tháng Hai" not in result.output


@pytest.mark.parametrize("option", ["--from", "--to"])
def test_an_unreadable_day_names_both_forms(archive: Path, option: str) -> None:
    result = _run(archive, "counts", option, "31/02/2024")
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1] == (
        f"Lỗi: giá trị không hợp lệ cho '{option}': cần một ngày dạng YYYY-MM-DD hoặc "
        "DD/MM/YYYY, không phải '31/02/2024'"
    ), result.output
