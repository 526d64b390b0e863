"""`pressmon run --source ID` with an id no source has (or a missing sources file) is refused
before the first cycle; it used to start the schedule and fail every cycle, for ever without
--cycles."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import crawl_cmds, main


def test_an_unknown_source_is_refused_before_any_cycle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cycles: list[list[str]] = []
    monkeypatch.setattr(
        crawl_cmds, "run_every", lambda _every, command, **_: cycles.append(command)
    )
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path), "run", "--source", "no_such_outlet", "--every", "1s"]
    )
    assert result.exit_code == 1
    assert "Lỗi: không có nguồn 'no_such_outlet'" in result.output
    assert "gợi ý: các nguồn có: " in result.output
    assert cycles == []


def test_a_known_source_is_crawled_each_cycle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cycles: list[list[str]] = []
    monkeypatch.setattr(
        crawl_cmds, "run_every", lambda _every, command, **_: cycles.append(command)
    )
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path), "run", "--source", "tuoitre", "--cycles", "1"]
    )
    assert result.exit_code == 0, result.output
    [command] = cycles
    assert command[-3:] == ["crawl", "--source", "tuoitre"]


def test_a_missing_sources_file_is_refused_before_any_cycle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cycles: list[list[str]] = []
    monkeypatch.setattr(
        crawl_cmds, "run_every", lambda _every, command, **_: cycles.append(command)
    )
    monkeypatch.setenv("PRESSMON_SOURCES", str(tmp_path / "missing.yaml"))
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "run", "--every", "1s"])
    assert result.exit_code == 1
    assert f"Lỗi: {tmp_path / 'missing.yaml'}: không tìm thấy tệp" in result.output
    assert cycles == []
