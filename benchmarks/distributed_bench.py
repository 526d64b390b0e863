"""Distributed crawl throughput: 1, 2 and 4 `pressmon worker` processes sharing one Redis.

Each run: a fresh private redis-server (loopback), a fresh benchmark site process
(benchmarks/crawl_site.py), `pressmon enqueue`, then K workers with --max-idle until the frontier
is empty. pages/s = article pages served / server-side crawl window; scaling = pages/s ÷ 1-worker
pages/s. Workers run the full pipeline (extraction, relevance, flagging, archive upsert).

    .venv/bin/python -m benchmarks.distributed_bench --articles 1000 --workers 1 2 4
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.crawl_bench import ROOT, Site, crawl_env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis(tmp: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    process = subprocess.Popen(
        [
            shutil.which("redis-server") or "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp),
            "--daemonize",
            "no",
            "--logfile",
            str(tmp / "redis.log"),
        ]
    )
    for _ in range(200):
        if (
            subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True).returncode
            == 0
        ):
            break
        time.sleep(0.05)
    return process, f"redis://127.0.0.1:{port}/0"


def run(workers: int, tmp: Path, args: argparse.Namespace) -> dict:
    redis_process, url = _redis(tmp)
    site = Site(tmp, args.articles, args.port, args.server_processes)
    try:
        env = crawl_env(tmp, site.sources, f"dist{workers}", {"PRESSMON_REDIS_URL": url})
        subprocess.run(
            [sys.executable, "-m", "pressmon", "enqueue"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        started = time.monotonic()
        logs = [(tmp / f"w{workers}-{n}.log").open("wb") for n in range(workers)]
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "pressmon", "worker", "--max-idle", "5"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            for log in logs
        ]
        codes = [process.wait() for process in processes]
        wall = time.monotonic() - started
        served = site.served()
        for log in logs:
            log.close()
        problems = sum(
            len(
                re.findall(
                    r"WARNING \S+: (?:fetch_error|timeout|http_\dxx|dns) for",
                    path.read_text(errors="replace"),
                )
            )
            for path in tmp.glob(f"w{workers}-*.log")
        )
    finally:
        site.close()
        redis_process.terminate()
        redis_process.wait()
    window = max(served["last"] - served["first"], 1e-9)
    return {
        "workers": workers,
        "exit_codes": codes,
        "article_pages": served["article_requests"],
        "fetch_problems": problems,
        "crawl_seconds": round(window, 1),
        "pages_per_s": round(served["article_requests"] / window, 1),
        "wall_seconds": round(wall, 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Distributed crawl throughput with 1..N workers on one Redis."
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--port", type=int, default=8891)
    parser.add_argument("--server-processes", type=int, default=2)
    args = parser.parse_args(argv)
    if shutil.which("redis-server") is None:
        sys.exit("redis-server is not installed (Debian package redis-server)")
    rows = []
    for workers in args.workers:
        with tempfile.TemporaryDirectory(prefix="pressmon-dist-bench-") as tmp:
            rows.append(run(workers, Path(tmp), args))
        print(json.dumps(rows[-1]), flush=True)
    base = rows[0]["pages_per_s"] / rows[0]["workers"] if rows else 1
    print(f"\n{'workers':>7}{'pages':>7}{'crawl s':>9}{'pages/s':>9}{'scaling':>9}{'wall s':>8}")
    for row in rows:
        scaling = row["pages_per_s"] / base if base else 0
        print(
            f"{row['workers']:>7}{row['article_pages']:>7}{row['crawl_seconds']:>9}{row['pages_per_s']:>9}"
            f"{scaling:>9.2f}{row['wall_seconds']:>8}"
        )


if __name__ == "__main__":
    main()
