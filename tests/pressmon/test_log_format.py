"""Log lines name their level in Vietnamese (`Cảnh báo (sources): …`), not `WARNING sources: …`,
in the CLI's processes (tests/test_cli_client_logs.py) and in `pressmon serve`'s uvicorn."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pressmon.log_format import UVICORN_LOG_CONFIG
from pressmon.web import workers

ROOT = Path(__file__).resolve().parents[2]


def test_serve_hands_uvicorn_the_vietnamese_log_config(monkeypatch: pytest.MonkeyPatch) -> None:
    given: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **options: given.update(options))
    workers.serve(workers.FACTORY, host="127.0.0.1", port=8000, workers=2)
    assert given["log_config"] is UVICORN_LOG_CONFIG


def test_uvicorn_logs_with_vietnamese_levels_under_that_config() -> None:
    """In a process of its own, as a uvicorn worker is: nothing else configured logging."""
    script = (
        "import logging, uvicorn\n"
        "from pressmon.log_format import UVICORN_LOG_CONFIG\n"
        "uvicorn.Config('x:y', log_config=UVICORN_LOG_CONFIG, log_level='warning')"
        ".configure_logging()\n"
        "logging.getLogger('uvicorn.error').error('không mở được cổng 8000')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stderr == "Lỗi (uvicorn.error): không mở được cổng 8000\n"
