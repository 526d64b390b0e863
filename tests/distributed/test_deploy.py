"""deploy/: Docker cannot run here, so the compose file is checked for shape, not started."""

from __future__ import annotations

from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def _compose() -> dict:
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))


def test_compose_has_every_service_of_distributed_mode() -> None:
    services = _compose()["services"]
    assert {"elasticsearch", "redis", "worker", "scheduler", "web"} <= set(services)


def test_redis_persists_with_aof() -> None:
    command = " ".join(_compose()["services"]["redis"]["command"])
    assert "--appendonly yes" in command


def test_pressmon_services_run_pressmon_commands_with_their_environment() -> None:
    services = _compose()["services"]
    commands = {
        name: " ".join(services[name]["command"]) for name in ("worker", "scheduler", "web")
    }
    assert "pressmon worker" in commands["worker"]
    assert "pressmon enqueue" in commands["scheduler"]
    assert "pressmon serve" in commands["web"] and "0.0.0.0" in commands["web"]
    env_files = {name: services[name].get("env_file", []) for name in commands}
    for name, files in env_files.items():
        assert files, f"{name} has no env_file"
        for file in files:
            text = (DEPLOY / file).read_text(encoding="utf-8")
            for variable in (
                "PRESSMON_BACKEND=elasticsearch",
                "PRESSMON_ELASTICSEARCH_URL=",
                "PRESSMON_REDIS_URL=",
            ):
                assert variable in text, f"{file} lacks {variable}"


def test_elasticsearch_is_version_9_single_node() -> None:
    elasticsearch = _compose()["services"]["elasticsearch"]
    assert ":9." in elasticsearch["image"]
    assert "discovery.type=single-node" in elasticsearch["environment"]
