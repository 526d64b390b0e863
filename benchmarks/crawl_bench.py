"""Single-process crawl throughput over the loopback benchmark site (benchmarks/crawl_site.py).

Two runs, each against a fresh site process and fresh archive/state files, throttling off:
  fetch+extract  SourceSpider with no item pipelines (download, discovery, article extraction)
  full           `pressmon crawl` (plus relevance, attribution, dedupe, flagging, archive upsert)
pages/s = article pages served / (last - first article request, on the server side), so process
start-up (loading the classifier) is reported separately as wall time. Peak RSS is the crawler's.

    .venv/bin/python -m benchmarks.crawl_bench --articles 5000
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class Site:
    """benchmarks.crawl_site in a process of its own (the crawler must not share its CPU time)."""

    def __init__(self, tmp: Path, articles: int, port: int, processes: int) -> None:
        self.log = tmp / "site-log.json"
        self.sources = tmp / "sources.yaml"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "benchmarks.crawl_site",
                "--articles",
                str(articles),
                "--port",
                str(port),
                "--serve",
                "--log",
                str(self.log),
                "--sources",
                str(self.sources),
                "--processes",
                str(processes),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None  # stdout=PIPE above
        self.status = json.loads(self.process.stdout.readline())

    def served(self) -> dict:
        time.sleep(1.5)  # the log is written every second
        return json.loads(self.log.read_text())

    def close(self) -> None:
        # Its forked helpers first: orphaned, they would keep answering on the shared port
        # (SO_REUSEPORT) and steal the next run's requests from its request log.
        helpers = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        )
        for pid in helpers.stdout.split():
            os.kill(int(pid), signal.SIGKILL)
        self.process.kill()
        self.process.wait()


def crawl_env(
    tmp: Path, sources: Path, name: str, extra: dict[str, str] | None = None
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRESSMON_")}
    env.update(
        {
            "PRESSMON_SOURCES": str(sources),
            "PRESSMON_ARCHIVE": str(tmp / f"{name}.db"),
            "PRESSMON_ARCHIVE__STATE_PATH": str(tmp / f"{name}-state.db"),
            "PRESSMON_CRAWL__DOWNLOAD_DELAY": "0",
            "PRESSMON_CRAWL__AUTOTHROTTLE": "false",
            "PRESSMON_CRAWL__CONCURRENCY_PER_DOMAIN": "8",
            "PRESSMON_CRAWL__OBEY_ROBOTS": "true",
            **(extra or {}),
        }
    )
    return env


def run_measured(command: list[str], env: dict[str, str], log: Path) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MiB, exit code) of one child process."""
    started = time.monotonic()
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - started, usage.ru_maxrss / 1024, process.returncode


def measure(mode: str, tmp: Path, args: argparse.Namespace) -> dict:
    site = Site(tmp, args.articles, args.port, args.server_processes)
    try:
        env = crawl_env(tmp, site.sources, mode)
        if mode == "full":
            command = [sys.executable, "-m", "pressmon", "crawl"]
        else:
            command = [sys.executable, "-m", "benchmarks.crawl_bench", "--child-extract-only"]
        wall, rss, code = run_measured(command, env, tmp / f"{mode}.log")
        served = site.served()
    finally:
        site.close()
    window = max(served["last"] - served["first"], 1e-9)
    return {
        "mode": mode,
        "exit": code,
        "article_pages": served["article_requests"],
        "crawl_seconds": round(window, 1),
        "pages_per_s": round(served["article_requests"] / window, 1),
        "wall_seconds": round(wall, 1),
        "peak_rss_mib": round(rss),
    }


def extract_only() -> None:
    """Child: the single-machine spider with its settings, but no item pipelines."""
    from scrapy.crawler import CrawlerProcess

    from crawlers.spiders.source import SourceSpider
    from pressmon.crawl import chosen_sources, crawl_settings
    from pressmon.settings import load_settings
    from pressmon.state_db import open_state_db

    settings = load_settings()
    open_state_db(settings.archive.state_path).close()
    options = crawl_settings(settings)
    options.update({"ITEM_PIPELINES": {}, "LOG_LEVEL": "WARNING"})
    process = CrawlerProcess(options)
    process.crawl(SourceSpider, sources=chosen_sources(settings))
    process.start()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Single-process crawl throughput (pages/s, peak RSS)."
    )
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--port", type=int, default=8881)
    parser.add_argument("--server-processes", type=int, default=2)
    parser.add_argument("--mode", choices=["fetch+extract", "full", "both"], default="both")
    parser.add_argument("--child-extract-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_extract_only:
        extract_only()
        return
    modes = ["fetch+extract", "full"] if args.mode == "both" else [args.mode]
    rows = []
    with tempfile.TemporaryDirectory(prefix="pressmon-crawl-bench-") as tmp:
        for mode in modes:
            rows.append(measure(mode, Path(tmp), args))
            print(json.dumps(rows[-1]), flush=True)
    print(
        f"\n{'mode':<14}{'pages':>7}{'crawl s':>9}{'pages/s':>9}{'wall s':>8}{'peak RSS MiB':>14}"
    )
    for row in rows:
        print(
            f"{row['mode']:<14}{row['article_pages']:>7}{row['crawl_seconds']:>9}{row['pages_per_s']:>9}"
            f"{row['wall_seconds']:>8}{row['peak_rss_mib']:>14}"
        )


if __name__ == "__main__":
    main()
