"""`pressmon --data-dir D` uses the sources file `pressmon --data-dir D demo` wrote beside D's
archive, as `--archive` does: `--data-dir D serve` named the demo's outlets by their ids on the
coverage page and in the report's Excel ("bao_tinh_29"), and its queue offered the configured
outlets, none of which the demo has, in its outlet filter."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from demo.sources import demo_sources
from pressmon.cli import AppContext, main
from pressmon.companions import Companions

CONFIGURED = Path(__file__).resolve().parents[2] / "config" / "sources.yaml"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key in [k for k in os.environ if k.startswith("PRESSMON_")]:
        monkeypatch.delenv(key)
    from index import open_archive

    archive = tmp_path / "pressmon.db"  # the data folder's archive, as the demo builds it
    open_archive("sqlite", path=archive).close()
    sources = demo_sources("http://127.0.0.1:9")
    Companions.of(archive).sources.write_text(
        yaml.safe_dump(sources, allow_unicode=True), encoding="utf-8"
    )
    return tmp_path


def _outlets(*args: str, env: dict[str, str] | None = None) -> list[str]:
    result = CliRunner().invoke(main, [*args, "sources", "--all", "--json"], env=env)
    assert result.exit_code == 0, result.output
    return [json.loads(line)["source_id"] for line in result.output.splitlines()]


def test_the_data_folder_names_the_demo_outlets(data_dir: Path) -> None:
    demo_ids = [s["id"] for s in demo_sources("http://127.0.0.1:9")]
    assert _outlets("--data-dir", str(data_dir)) == demo_ids  # not the configured outlets
    assert _outlets(env={"PRESSMON_HOME": str(data_dir)}) == demo_ids
    # What the web app names outlets by (`serve` reads these settings).
    settings = AppContext(None, None, data_dir=data_dir).settings
    assert settings.sources_file == Companions.of(data_dir / "pressmon.db").sources


def test_a_sources_file_named_still_wins(data_dir: Path) -> None:
    named = _outlets("--data-dir", str(data_dir), env={"PRESSMON_SOURCES": str(CONFIGURED)})
    assert "baohiemxahoi" in named and len(named) > 50


def test_a_data_folder_without_a_demo_keeps_the_configured_outlets(tmp_path: Path) -> None:
    from index import open_archive

    open_archive("sqlite", path=tmp_path / "pressmon.db").close()
    assert AppContext(None, None, data_dir=tmp_path).settings.sources_file == CONFIGURED
