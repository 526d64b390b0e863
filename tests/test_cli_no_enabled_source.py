"""`pressmon crawl` with no source enabled (all `enabled: false`, or an empty list) is refused
naming the sources file; it used to crawl nothing and exit 0 ("lưu 0 bài từ 0/0 nguồn"), and
`pressmon run` did so every cycle."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pressmon.cli import crawl_cmds, main

SOURCE = {"id": "bao", "name": "Báo", "kind": "national", "domain": "127.0.0.1", "enabled": False}


@pytest.mark.parametrize("listed", [[SOURCE], []], ids=["all-disabled", "empty"])
@pytest.mark.parametrize("command", [["crawl"], ["run", "--cycles", "1"]])
def test_no_enabled_source_is_refused(tmp_path: Path, listed: list, command: list[str]) -> None:
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump(listed), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path), *command], env={"PRESSMON_SOURCES": str(sources)}
    )
    assert result.exit_code == 1, result.output
    assert f"Lỗi: {sources}: không có nguồn nào đang bật (enabled) để thu thập" in result.output
    assert "gợi ý: bật ít nhất một nguồn (enabled: true)" in result.output


def test_a_disabled_source_named_with_source_is_still_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump([SOURCE]), encoding="utf-8")
    cycles: list[list[str]] = []
    monkeypatch.setattr(
        crawl_cmds, "run_every", lambda _every, command, **_: cycles.append(command)
    )
    result = CliRunner().invoke(
        main,
        ["--data-dir", str(tmp_path), "run", "--source", "bao", "--cycles", "1"],
        env={"PRESSMON_SOURCES": str(sources)},
    )
    assert result.exit_code == 0, result.output
    assert cycles and cycles[0][-2:] == ["--source", "bao"]
