"""`pressmon --archive A` uses the state database and sources file `pressmon demo` wrote beside A,
so `pressmon sources` after a demo shows the demo's outlets, not the configured ones."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from crawlers.state import CrawlState, SourceRun
from demo.sources import demo_sources
from pressmon.cli import main
from pressmon.companions import Companions
from pressmon.state_db import open_state_db


@pytest.fixture
def demo_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key in [k for k in os.environ if k.startswith("PRESSMON_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("PRESSMON_HOME", str(tmp_path / "data"))
    archive = tmp_path / "archive.db"
    # `sources` only reads: the archive must exist (the demo's crawl creates it).
    from index import open_archive

    open_archive("sqlite", path=archive).close()
    files = Companions.of(archive)
    sources = demo_sources("http://127.0.0.1:9")
    files.sources.write_text(yaml.safe_dump(sources, allow_unicode=True), encoding="utf-8")
    open_state_db(files.state).close()
    state = CrawlState(files.state)
    now = datetime.now(UTC)
    counters = {"fetched": 9, "extracted": 6, "stored": 5, "date_disagreement": 2}
    state.record_run(SourceRun("r1", sources[0]["id"], now, now, 5, counters))
    state.close()
    return archive


def _health(archive: Path, *env: tuple[str, str]) -> dict[str, dict]:
    result = CliRunner().invoke(
        main, ["--archive", str(archive), "sources", "--all", "--json"], env=dict(env)
    )
    assert result.exit_code == 0, result.output
    return {h["source_id"]: h for h in map(json.loads, result.output.splitlines())}


def test_sources_after_a_demo_are_the_demo_outlets(demo_archive: Path) -> None:
    health = _health(demo_archive)
    demo_ids = [s["id"] for s in demo_sources("http://127.0.0.1:9")]
    assert list(health) == demo_ids  # not the 58 configured outlets
    crawled = health[demo_ids[0]]
    assert crawled["last_success"] is not None and crawled["alerts"] == []
    assert crawled["date_disagreements"] == 2


def test_an_explicit_sources_file_wins(demo_archive: Path) -> None:
    configured = Path(__file__).resolve().parents[2] / "config" / "sources.yaml"
    health = _health(demo_archive, ("PRESSMON_SOURCES", str(configured)))
    assert "baohiemxahoi" in health and len(health) > 50


def _model_in_info(archive: Path, *env: tuple[str, str]) -> Path:
    result = CliRunner().invoke(main, ["--archive", str(archive), "info", "--json"], env=dict(env))
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["locations"]
    return Path(next(row["path"] for row in rows if row["key"] == "model"))


def test_info_names_the_model_the_demo_trained_beside_its_archive(demo_archive: Path) -> None:
    """`info --archive var/demo/archive.db` named the data folder's model, which no command on
    that archive used once the demo had trained its own in var/demo/model/."""
    model = Companions.of(demo_archive).model
    assert model == demo_archive.parent / "model" / "flagger.skops"  # where the demo trains it
    assert _model_in_info(demo_archive).parent.parent == demo_archive.parent / "data"
    model.parent.mkdir()
    model.write_bytes(b"model")
    assert _model_in_info(demo_archive) == model
    elsewhere = demo_archive.parent / "other.skops"
    assert _model_in_info(demo_archive, ("PRESSMON_MODEL", str(elsewhere))) == elsewhere
