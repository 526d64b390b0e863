"""`pressmon --data-dir D demo` builds its archive in D, where `--data-dir D counts` reads it; it
used to ignore the data folder and rebuild the checkout's var/demo/ instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import app_cmds, main
from pressmon.demo_run import DemoPaths
from pressmon.errors import PressmonError


def _where_the_demo_goes(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> list[tuple]:
    """The demo's paths, stopped before it builds anything."""
    seen: list[tuple] = []

    def record(paths: DemoPaths, *, default_location: bool) -> None:
        seen.append((paths, default_location))
        raise PressmonError("dừng ở đây")

    monkeypatch.setattr(app_cmds, "prepare_fresh", record)
    result = CliRunner().invoke(main, [*args, "demo", "--no-serve"])
    assert result.exit_code == 1, result.output
    return seen


@pytest.mark.parametrize("by_variable", [False, True], ids=["option", "PRESSMON_HOME"])
def test_demo_builds_its_archive_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, by_variable: bool
) -> None:
    monkeypatch.delenv("PRESSMON_ARCHIVE", raising=False)
    if by_variable:
        monkeypatch.setenv("PRESSMON_HOME", str(tmp_path))
    args = [] if by_variable else ["--data-dir", str(tmp_path)]
    [(paths, default_location)] = _where_the_demo_goes(monkeypatch, args)
    assert paths.archive == tmp_path / "pressmon.db"
    assert paths.state == tmp_path / "pressmon-state.db"
    assert paths.model == tmp_path / "model" / "flagger.skops"
    assert not default_location  # what is there is the operator's: refused, never deleted


def test_demo_refuses_an_archive_already_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRESSMON_ARCHIVE", raising=False)
    monkeypatch.setattr(app_cmds, "DEMO_ARCHIVE", tmp_path / "checkout" / "archive.db")
    archive = tmp_path / "pressmon.db"
    archive.write_bytes(b"the operator's archive")
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "demo", "--no-serve"])
    assert result.exit_code == 1
    assert f"{archive} đã có" in result.output and "--data-dir" in result.output
    assert archive.read_bytes() == b"the operator's archive"
    assert not (tmp_path / "checkout").exists()
