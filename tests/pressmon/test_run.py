"""Scheduled mode: `pressmon run` crawls once per cycle, each in a fresh process, and records it."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


class _EmptyFeed(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>'
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_run_crawls_once_per_cycle(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _EmptyFeed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    feed = f"http://127.0.0.1:{server.server_address[1]}/rss.xml"
    source = {
        "id": "bao",
        "name": "Báo",
        "kind": "national",
        "domain": "127.0.0.1",
        "feeds": [feed],
    }
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump([source]), "utf-8")
    env = {
        "PATH": "/usr/bin:/bin",
        "PRESSMON_SOURCES": str(tmp_path / "sources.yaml"),
        "PRESSMON_ARCHIVE__STATE_PATH": str(tmp_path / "state.db"),
        "PRESSMON_CRAWL__DOWNLOAD_DELAY": "0",
    }
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pressmon",
                "--archive",
                str(tmp_path / "a.db"),
                "run",
                "--every",
                "0s",
                "--cycles",
                "2",
            ],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr[-2000:]
    assert "lượt 1: xong sau" in result.stderr and "lượt 2: xong sau" in result.stderr
    with sqlite3.connect(tmp_path / "state.db") as db:
        runs = db.execute("SELECT count(DISTINCT run_id) FROM crawl_runs").fetchone()[0]
    assert runs == 2


def test_run_with_cycles_exits_1_naming_the_cycles_that_failed(tmp_path: Path) -> None:
    """A crawl that fails in every cycle (here: its only source refuses connections) was logged
    as "cycle 1: exit 1", in English, and `run --cycles` still exited 0: a cron job never knew.
    (A missing sources file is refused before the first cycle.)"""
    with socket.socket() as closed:  # a loopback port nothing listens on once it is closed
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    source = {
        "id": "bao",
        "name": "Báo",
        "kind": "national",
        "domain": "127.0.0.1",
        "feeds": [f"http://127.0.0.1:{port}/rss.xml"],
    }
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump([source]), "utf-8")
    env = {
        "PATH": "/usr/bin:/bin",
        "PRESSMON_SOURCES": str(tmp_path / "sources.yaml"),
        "PRESSMON_ARCHIVE__STATE_PATH": str(tmp_path / "state.db"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "pressmon", "--archive", str(tmp_path / "a.db")]
        + ["run", "--every", "0s", "--cycles", "2"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr[-2000:]
    lines = result.stderr.splitlines()
    for cycle in (1, 2):
        assert f"Cảnh báo (pressmon.crawl): lượt {cycle}: không thành công (mã thoát 1)" in (
            result.stderr
        )
    assert "Lỗi: 2/2 lượt thu thập không thành công (lượt 1, 2)" in lines, result.stderr
    assert lines[-1].startswith("  gợi ý: "), result.stderr
    assert "cycle 1" not in result.stderr and "Traceback" not in result.stderr
