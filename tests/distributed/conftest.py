"""A private redis-server per test (loopback, free port) and helpers to run pressmon workers."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis
import yaml
from redis.backoff import NoBackoff
from redis.retry import Retry

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = shutil.which("redis-server")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RedisServer:
    """A redis-server subprocess this test owns; `restart()` keeps port and data directory."""

    port: int
    data_dir: Path
    appendonly: bool
    password: str | None = None  # requirepass: clients must log in
    process: subprocess.Popen | None = None
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log = self.data_dir / "redis.log"

    @property
    def url(self) -> str:
        login = f":{self.password}@" if self.password else ""
        return f"redis://{login}127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        """A client that fails at once when the server is down: redis-py's default retries
        (about 10 s) made every SHUTDOWN, whose reply is the connection closing, wait them out."""
        return redis.Redis(
            host="127.0.0.1", port=self.port, password=self.password, retry=Retry(NoBackoff(), 0)
        )

    def start(self) -> None:
        assert REDIS_SERVER is not None  # the fixtures skip without it
        persistence = (
            ["--appendonly", "yes", "--appendfsync", "everysec"]
            if self.appendonly
            else ["--appendonly", "no"]
        )
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--dir",
                str(self.data_dir),
                "--daemonize",
                "no",
                "--logfile",
                str(self.log),
                *persistence,
                *(["--requirepass", self.password] if self.password else []),
            ],
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                if self.client().ping():
                    return
            except redis.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(  # noqa: B904 (the log says why, not the ping)
                        f"redis-server did not start: {self.log.read_text(errors='replace')[-500:]}"
                    )
                time.sleep(0.05)

    def shutdown(self) -> None:
        """Stop like an operator would: SHUTDOWN writes the AOF (and RDB if configured) first."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            self.client().shutdown(nosave=not self.appendonly)
        except redis.ConnectionError:
            pass  # the server closes the connection as it exits
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def restart(self) -> None:
        self.shutdown()
        self.start()


def _redis(tmp_path: Path, appendonly: bool, password: str | None = None) -> Iterator[RedisServer]:
    if REDIS_SERVER is None:
        pytest.skip(
            "redis-server is not installed (Debian package redis-server; `make test` installs it)"
        )
    data_dir = tmp_path / "redis"
    data_dir.mkdir()
    server = RedisServer(
        port=_free_port(), data_dir=data_dir, appendonly=appendonly, password=password
    )
    server.start()
    try:
        yield server
    finally:
        server.shutdown()


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    yield from _redis(tmp_path, appendonly=False)


@pytest.fixture
def redis_server_with_password(tmp_path: Path) -> Iterator[RedisServer]:
    yield from _redis(tmp_path, appendonly=False, password="s3cret-pw")


@pytest.fixture
def redis_server_aof(tmp_path: Path) -> Iterator[RedisServer]:
    yield from _redis(tmp_path, appendonly=True)


@dataclass(frozen=True)
class CrawlEnv:
    """Environment for `python -m pressmon ...` subprocesses crawling the demo site."""

    tmp: Path
    sources_file: Path
    redis_url: str | None

    def environ(self, name: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PRESSMON_")}
        env.update(
            {
                "PRESSMON_SOURCES": str(self.sources_file),
                "PRESSMON_ARCHIVE": str(self.tmp / f"{name}.db"),
                "PRESSMON_ARCHIVE__STATE_PATH": str(self.tmp / f"{name}-state.db"),
                "PRESSMON_CRAWL__DOWNLOAD_DELAY": "0",
                "PRESSMON_CRAWL__AUTOTHROTTLE": "false",
                "PYTHONUNBUFFERED": "1",
            }
        )
        if self.redis_url:
            env["PRESSMON_REDIS_URL"] = self.redis_url
        return env

    def start(self, name: str, *args: str, archive: str | None = None) -> subprocess.Popen:
        log = open(self.tmp / f"{name}.log", "wb")  # noqa: SIM115 (closed with the process)
        return subprocess.Popen(
            [sys.executable, "-m", "pressmon", *args],
            cwd=ROOT,
            env=self.environ(archive or name),
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def run(self, name: str, *args: str, archive: str | None = None, timeout: float = 240) -> str:
        process = self.start(name, *args, archive=archive)
        try:
            process.wait(timeout=timeout)
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                process.wait()
        text = self.log(name)
        assert process.returncode == 0, text[-3000:]
        return text

    def log(self, name: str) -> str:
        return (self.tmp / f"{name}.log").read_text(encoding="utf-8", errors="replace")


def write_sources(path: Path, sources: list[dict]) -> Path:
    path.write_text(yaml.safe_dump(sources, allow_unicode=True), encoding="utf-8")
    return path


class DroppingServer:
    """A loopback port that accepts each connection and closes it at once, counting them."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"redis://127.0.0.1:{self.listener.getsockname()[1]}/0"
        self.accepted = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:  # closed by the test
                return
            self.accepted += 1
            connection.close()


@pytest.fixture
def dropping_server() -> Iterator[DroppingServer]:
    server = DroppingServer()
    yield server
    server.listener.close()
