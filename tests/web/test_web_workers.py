"""`pressmon serve --workers N`: several workers need a shared session secret, get the command's
settings through the environment, and serve one app: a session opened on one is honoured by all."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner

from index.sqlite_backend import SQLiteArchive
from pressmon.cli import main
from pressmon.errors import ConfigError
from pressmon.settings import SERVE_SETTINGS_ENV, Settings
from pressmon.web import AccountStore
from pressmon.web.serving import check_serve
from pressmon.web.workers import FACTORY
from tests.web.conftest import FAST_HASHER, PASSWORDS, make_doc

ROOT = Path(__file__).resolve().parents[2]
SECRET = "k" * 16 + "-mot-bi-mat-du-dai-32-byte"
HOST = "127.0.0.1"


@pytest.mark.parametrize("host", ["127.0.0.1", "0.0.0.0"])
def test_several_workers_need_the_secret_wherever_they_listen(host) -> None:
    with pytest.raises(ConfigError, match="PRESSMON_SESSION_SECRET") as refused:
        check_serve(host, None, workers=2)
    assert "2 tiến trình" in str(refused.value)
    assert check_serve("127.0.0.1", SECRET, workers=4).warnings == ()
    assert check_serve("127.0.0.1", None, workers=1).warnings  # one worker: a warning, as before


def _archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite3"
    with SQLiteArchive(path) as archive:
        archive.upsert([make_doc(n, risk=0.9, tier="urgent") for n in range(1, 4)])
    AccountStore(tmp_path / "state.sqlite3", hasher=FAST_HASHER).add(
        "an", PASSWORDS["an"], "reviewer"
    )
    return path


def test_serve_hands_its_settings_to_the_workers(tmp_path, monkeypatch) -> None:
    import uvicorn

    calls: list[tuple[object, dict, str | None]] = []
    monkeypatch.setattr(
        uvicorn,
        "run",
        lambda app, **kw: calls.append((app, kw, os.environ.get(SERVE_SETTINGS_ENV))),
    )
    archive = _archive(tmp_path)
    state = str(tmp_path / "state.sqlite3")
    args = ["--archive", str(archive), "serve", "--workers", "2"]
    refused = CliRunner().invoke(main, args, env={"PRESSMON_ARCHIVE__STATE_PATH": state})
    assert refused.exit_code == 1 and "PRESSMON_SESSION_SECRET" in refused.output
    assert "tiến trình" in refused.output and calls == []

    env = {"PRESSMON_ARCHIVE__STATE_PATH": state, "PRESSMON_SESSION_SECRET": SECRET}
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 0, result.output
    [(app, kwargs, handed)] = calls
    assert app == FACTORY and kwargs["factory"] is True and kwargs["workers"] == 2
    assert kwargs["proxy_headers"] is False and kwargs["forwarded_allow_ips"] == ""
    settings = Settings.model_validate_json(handed or "")
    assert settings.archive.path == archive and settings.web.session_secret == SECRET
    assert SERVE_SETTINGS_ENV not in os.environ  # only while the workers run


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _get(port: int, path: str, cookie: str = "") -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection(HOST, port, timeout=10)  # a new connection each time
    conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def _sign_in(port: int) -> str:
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    conn.request("GET", "/dang-nhap")
    response = conn.getresponse()
    page = response.read().decode()
    cookie = response.getheader("set-cookie", "").split(";")[0]
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match is not None
    form = {"username": "an", "password": PASSWORDS["an"], "csrf_token": match.group(1)}
    conn.request(
        "POST",
        "/dang-nhap",
        urlencode(form),
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
    )
    response = conn.getresponse()
    response.read()
    conn.close()
    assert response.status == 303
    found = [
        v.split(";")[0]
        for k, v in response.getheaders()
        if k.lower() == "set-cookie" and v.startswith("pm_session=")
    ]
    return found[0]


def _workers(pid: int) -> list[int]:
    """uvicorn's worker processes: children started by multiprocessing's spawn."""
    children = [
        int(child)
        for task in Path(f"/proc/{pid}/task").glob("*/children")
        for child in task.read_text().split()
    ]
    return [c for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="counts workers through /proc")
def test_two_workers_on_loopback_answer_and_share_sessions(tmp_path) -> None:
    archive = _archive(tmp_path)
    port = _free_port()
    env = {
        **os.environ,
        "PRESSMON_ARCHIVE__STATE_PATH": str(tmp_path / "state.sqlite3"),
        "PRESSMON_SESSION_SECRET": SECRET,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "pressmon", "--data-dir", str(tmp_path), "--archive"]
    server = subprocess.Popen(
        [*command, str(archive), "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.communicate()[0].decode()
            try:
                if _get(port, "/dang-nhap").status == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        assert len(_workers(server.pid)) == 2
        cookie = _sign_in(port)
        # Each request on a new connection, which either worker may accept.
        assert {_get(port, "/hang-doi", cookie).status for _ in range(12)} == {200}
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl-C
        output = server.communicate(timeout=30)[0].decode()
    assert server.returncode == 0, output
    assert "2 tiến trình" in output
