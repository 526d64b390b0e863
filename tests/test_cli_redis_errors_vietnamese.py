"""`pressmon enqueue`/`worker` say why Redis could not be used in Vietnamese: redis-py's and
urllib's English ("Error 111 connecting to … Connection refused.", "Redis URL must specify one
of the following schemes …", "Port could not be cast to integer value …") used to follow the
"Lỗi:" line; it is logged under -v only."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ("Error ", "Connection refused", "must specify", "Port could", "Invalid", "IPv6")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(tmp_path: Path, url: str, *options: str) -> str:
    env = {"PRESSMON_REDIS_URL": url, "PRESSMON_ARCHIVE": str(tmp_path / "a.db")}
    result = CliRunner().invoke(main, [*options, "enqueue"], env=env)
    assert result.exit_code == 1, result.output
    return result.output


def test_an_unreachable_redis_is_explained_in_vietnamese(tmp_path: Path) -> None:
    output = _run(tmp_path, f"redis://:s3cret@127.0.0.1:{_closed_port()}/0")
    assert "bị từ chối kết nối (không có Redis nào nghe ở máy và cổng này)" in output
    assert not any(word in output for word in ENGLISH) and "s3cret" not in output


def test_with_v_the_clients_own_words_are_logged(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pressmon", "-v", "enqueue"],
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "PRESSMON_REDIS_URL": f"redis://127.0.0.1:{_closed_port()}/0",
            "PRESSMON_ARCHIVE": str(tmp_path / "a.db"),
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Thông tin (pressmon.cli.distributed_cmds): Redis ở" in result.stderr
    assert "Connection refused" in result.stderr


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("127.0.0.1:6379", "địa chỉ phải bắt đầu bằng redis://, rediss:// hoặc unix://"),
        ("redis://:s3cret@127.0.0.1:abc/0", "không đọc được máy, cổng (phải là số)"),
        ("redis://:s3cret@[::1/0", "không đọc được máy, cổng (phải là số)"),
    ],
)
def test_a_malformed_url_is_explained_in_vietnamese(tmp_path: Path, url: str, problem: str) -> None:
    output = _run(tmp_path, url)
    assert "PRESSMON_REDIS_URL không hợp lệ (" in output and problem in output
    assert not any(word in output for word in ENGLISH) and "s3cret" not in output
