"""`pressmon enqueue` and `pressmon worker` check Redis with one ping and no retries at start,
the check `ingest` and `crawl` make (`crawlers.distributed.connection.ping_once`), and say why in
Vietnamese. The attempts are counted on a loopback socket that drops every connection."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main
from tests.distributed.conftest import DroppingServer


@pytest.fixture(autouse=True)
def _no_pressmon_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in [k for k in os.environ if k.startswith("PRESSMON_")]:
        monkeypatch.delenv(key)


@pytest.mark.parametrize("command", ["enqueue", "worker"])
def test_a_distributed_command_tries_an_unanswering_redis_once(
    tmp_path: Path, dropping_server: DroppingServer, command: str
) -> None:
    arguments = ["--data-dir", str(tmp_path / "data"), command]
    result = CliRunner().invoke(main, arguments, env={"PRESSMON_REDIS_URL": dropping_server.url})
    assert result.exit_code == 1, result.output
    assert f"không kết nối được Redis ở {dropping_server.url}" in result.output
    assert dropping_server.accepted == 1
