"""An Elasticsearch server that cannot be reached is one Vietnamese "Lỗi:" line: the client's
retry warnings, with their tracebacks and the server's URL, are shown only with -v."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _closed_port() -> int:
    """A loopback port nothing listens on: connecting is refused at once, offline."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("verbose", [False, True], ids=["quiet", "verbose"])
def test_unreachable_elasticsearch_is_one_line_and_its_retries_only_with_v(
    verbose: bool,
) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    result = subprocess.run(
        [sys.executable, "-m", "pressmon", *(["-v"] if verbose else []), "search", "lương hưu"],
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "PRESSMON_BACKEND": "elasticsearch",
            "PRESSMON_ELASTICSEARCH_URL": url,
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "Lỗi: không kết nối được Elasticsearch khi kiểm tra chỉ mục pressmon" in lines[-2]
    assert lines[-1].startswith("  gợi ý: ")
    if verbose:
        assert "Retrying request after failure" in result.stderr
        # Log lines name their level in Vietnamese, as every other line the CLI prints.
        assert "Cảnh báo (elastic_transport.transport): Retrying" in result.stderr
        assert "WARNING" not in result.stderr
    else:
        assert len(lines) == 2, result.stderr
        assert url not in result.stderr and "Traceback" not in result.stderr
