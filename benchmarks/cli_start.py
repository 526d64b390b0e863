"""Start-up time of light `pressmon` commands (issue #15: under 0.5 s each).

    PYTHONPATH=. python benchmarks/cli_start.py [--runs 5]

Each command runs in a fresh interpreter against an empty archive in a temporary data folder;
the median wall time of `--runs` runs is printed, with the interpreter's bare start for scale.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = (
    ("python -c pass (bare interpreter)", None),
    ("pressmon --help", ["--help"]),
    ("pressmon info", ["info"]),
    ("pressmon counts", ["counts"]),
    ("pressmon search 'lương hưu'", ["search", "lương hưu"]),
    ("pressmon flagged", ["flagged"]),
    ("pressmon users list", ["users", "list"]),
)


def _time(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PRESSMON_HOME": folder}
        subprocess.run(
            [sys.executable, "-m", "pressmon", "index", "import", os.devnull],
            env=env,
            check=True,
            capture_output=True,
        )
        print(f"{'command':40} median of {runs} (s)")
        for name, args in COMMANDS:
            argv = (
                [sys.executable, "-c", "pass"]
                if args is None
                else [sys.executable, "-m", "pressmon", *args]
            )
            print(f"{name:40} {statistics.median(_time(argv, env) for _ in range(runs)):.3f}")


if __name__ == "__main__":
    main()
