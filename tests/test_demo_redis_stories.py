"""The demo shares no stories through a deployment's Redis: with PRESSMON_REDIS_URL set (as on a
worker host), its crawl and ingest would read and append to the production stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressmon.demo_run import DemoPaths, demo_environment
from pressmon.settings import load_settings


@pytest.mark.parametrize("variable", ["PRESSMON_REDIS_URL", "PRESSMON_CRAWL__REDIS_URL"])
def test_the_demo_runs_without_the_environments_redis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "redis://10.0.0.5:6379/0")
    environ = demo_environment(DemoPaths.beside(tmp_path / "demo.db"))
    assert not load_settings(None, environ=environ).crawl.redis_url
