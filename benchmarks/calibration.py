"""Which host a benchmark ran on: its CPU model and two fixed, tiny CPU workloads.

Absolute figures only compare across hosts when the hosts are known. `calibrate` times a fixed
pure-Python workload and a fixed SQLite/FTS5 workload (same inputs everywhere, a few hundred
ms each); dividing two hosts' calibration times gives how much slower one runs the same code.
The best of several CPU-time runs is kept: CPU time ignores waiting for other processes, and
the minimum ignores the runs a busy neighbour slowed down (cache and memory contention).
"""

from __future__ import annotations

import os
import platform
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

RUNS = 5
_WORDS = 2_000  # distinct pseudo-words in the SQLite workload's vocabulary
_ROWS = 10_000  # rows of the SQLite workload's FTS5 table


@dataclass(frozen=True)
class Host:
    cpu_model: str
    cpus: int
    python: str
    sqlite: str


@dataclass(frozen=True)
class Calibration:
    """CPU ms for the fixed workloads (best of RUNS): lower is a faster host."""

    python_ms: float
    sqlite_ms: float


def host() -> Host:
    return Host(
        cpu_model=_cpu_model(),
        cpus=os.cpu_count() or 1,
        python=platform.python_version(),
        sqlite=sqlite3.sqlite_version,
    )


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key.strip() in ("model name", "Model", "Hardware") and value.strip():
                return value.strip()
    return platform.processor() or platform.machine() or "unknown"


def calibrate(runs: int = RUNS) -> Calibration:
    return Calibration(
        python_ms=_best_cpu_ms(python_workload, runs),
        sqlite_ms=_best_cpu_ms(sqlite_workload, runs),
    )


def _best_cpu_ms(workload: Callable[[], int], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        workload()
        best = min(best, time.process_time() - started)
    return best * 1000


def _pseudo_words(count: int) -> list[str]:
    """Deterministic lower-case words from a linear congruential generator (no `random`:
    its algorithm may change between Python versions)."""
    state, letters, out = 12345, "abcdeghiklmnopqrstuvxy", []
    for _ in range(count):
        word = []
        for _ in range(2 + state % 6):
            state = (state * 1103515245 + 12345) % 2**31
            word.append(letters[state % len(letters)])
        out.append("".join(word))
    return out


def python_workload() -> int:
    """Interpreter-bound work like ours: split, lower, dict counting, sorting, formatting."""
    words = _pseudo_words(3_000)
    counts: dict[str, int] = {}
    for i in range(400):
        text = " ".join(words[(i * 7 + j) % len(words)].upper() for j in range(1_000))
        for word in text.lower().split():
            counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return len("".join(f"{w}:{n};" for w, n in ranked))


def sqlite_workload() -> int:
    """FTS5 inserts, a merge and matches with bm25 in memory: SQLite's C code, no disk."""
    words = _pseudo_words(_WORDS)
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5 (body)")
        rows = (
            (" ".join(words[(i * 31 + j * j) % _WORDS] for j in range(80)),) for i in range(_ROWS)
        )
        conn.executemany("INSERT INTO t (body) VALUES (?)", rows)
        conn.execute("INSERT INTO t (t) VALUES ('optimize')")
        found = 0
        for word in words[:40]:
            found += len(
                conn.execute(
                    "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 20", (word,)
                ).fetchall()
            )
        return found
    finally:
        conn.close()


if __name__ == "__main__":
    print(host())
    print(calibrate())
