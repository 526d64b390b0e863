"""Fast start: light commands do not import the heavy libraries (what they import, not how
long it takes, so the test does not depend on the machine's load; benchmarks/cli_start.py
reports the times)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Each costs from 0.1 s (uvicorn) to 2 s (scikit-learn + SciPy) of start-up.
HEAVY = (
    "scrapy",
    "twisted",
    "sklearn",
    "scipy",
    "underthesea",
    "fastapi",
    "starlette",
    "uvicorn",
    "openpyxl",
    "skops",
    "elasticsearch",
    "trafilatura",
)
# Runs a command in-process, then lists the heavy top-level packages that got imported.
PROBE = """
import json, os, sys
from pressmon.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
heavy = set(json.loads(os.environ["HEAVY"]))
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & heavy)))
"""


def _imported(data_dir: Path, *args: str) -> list[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PRESSMON_HOME": str(data_dir),
        "HEAVY": json.dumps(HEAVY),
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("start")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PRESSMON_HOME": str(folder)}
    subprocess.run(
        [sys.executable, "-m", "pressmon", "index", "import", os.devnull],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["counts"],
        ["counts", "--by", "outlet", "--json"],
        ["search", "lương hưu"],
        ["flagged"],
        ["users", "list"],
        ["info"],
    ],
    ids=" ".join,
)
def test_light_commands_import_no_heavy_library(data_dir: Path, args: list[str]) -> None:
    assert _imported(data_dir, *args) == []


def test_the_probe_would_see_a_heavy_import(data_dir: Path) -> None:
    # Guards the names in HEAVY: the flagger really does bring scikit-learn in.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = "import sys, classifier.flagger; print('sklearn' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"
