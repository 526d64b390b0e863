"""A crawl killed mid-way resumes on the next run: nothing committed is lost, nothing is doubled."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import yaml

from demo.expected import expected_numbers
from demo.server import serve_demo
from demo.sources import demo_sources

REPO = Path(__file__).resolve().parents[2]


def _stored(state: Path) -> int:
    if not state.exists():
        return 0
    with sqlite3.connect(state) as db:
        try:
            return db.execute("SELECT count(*) FROM seen_urls WHERE outcome = 'stored'").fetchone()[
                0
            ]
        except sqlite3.OperationalError:  # tables not created yet
            return 0


def _stored_in_output(output: str) -> int:
    found = re.search(r"Xong \(.*\): lưu ([\d.]+) bài", output)
    assert found, output[-2000:]
    return int(found.group(1).replace(".", ""))


def test_killed_crawl_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    expected = expected_numbers()
    state = tmp_path / "state.db"
    with serve_demo() as site:
        sources = tmp_path / "sources.yaml"
        sources.write_text(yaml.safe_dump(demo_sources(site.base_url), allow_unicode=True), "utf-8")
        env = {
            **os.environ,
            "PRESSMON_ARCHIVE": str(tmp_path / "archive.db"),
            "PRESSMON_ARCHIVE__STATE_PATH": str(state),
            "PRESSMON_SOURCES": str(sources),
            "PRESSMON_CRAWL__AUTOTHROTTLE": "false",
            "PRESSMON_CRAWL__DOWNLOAD_DELAY": "0.2",  # slow enough to be killed half-way
            "PRESSMON_CRAWL__CONCURRENCY_PER_DOMAIN": "1",
            "PRESSMON_CRAWL__BATCH_SIZE": "5",
        }
        command = [sys.executable, "-m", "pressmon", "crawl"]
        first = subprocess.Popen(
            command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 300
        while _stored(state) < 10 and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        first.send_signal(signal.SIGKILL)
        first.wait()
        committed = _stored(state)
        assert 10 <= committed < expected.relevant

        second = subprocess.run(
            command, env=env, cwd=REPO, capture_output=True, text=True, timeout=600
        )
    assert second.returncode == 0, second.stderr[-2000:]
    # The archive and the crawl state are two files: a kill between their commits re-fetches at
    # most one batch, which the archive's idempotent upsert absorbs (the total below stays exact).
    missing = expected.relevant - committed
    assert missing <= _stored_in_output(second.stdout) <= missing + 5
    counts = subprocess.run(
        [sys.executable, "-m", "pressmon", "counts", "--json"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert f'"total": {expected.press}' in counts.stdout  # press only: the forum is not counted
