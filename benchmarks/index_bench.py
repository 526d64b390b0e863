"""Benchmark the SQLite archive: ingestion rate, memory, size, search latency, weekly counts.

    .venv/bin/python benchmarks/index_bench.py --size 20000      # about a minute
    .venv/bin/python benchmarks/index_bench.py                   # 1,000,000 articles

Targets (2-core machine): ingestion >= 2,000 articles/s, search p95 <= 100 ms, one year of
weekly counts by province <= 200 ms. Prints a table and, with --json, one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, when run as a file

from benchmarks.article_corpus import articles  # noqa: E402
from index.sqlite_backend import SQLiteArchive  # noqa: E402
from index.types import Query  # noqa: E402

FILTERS: dict[str, Any] = {  # Query keyword arguments
    "provinces": frozenset({"Hà Nội", "Nghệ An"}),
    "kinds": frozenset({"provincial", "national"}),
    "date_from": date(2024, 1, 1),
    "date_to": date(2024, 12, 31),
}
QUERIES = {
    "one term": "BHYT",
    "3-word phrase": '"sổ bảo hiểm"',
    "no diacritics": "luong huu",
}


def _percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def ingest(archive: SQLiteArchive, size: int, batch: int) -> tuple[float, float]:
    """Articles per second spent in `upsert`, and CPU ms per article (both threads).

    Generating the articles is not counted. The CPU figure does not depend on what else the
    machine runs; the wall-clock rate does.
    """
    spent = cpu = 0.0
    done = 0
    chunk = []
    for doc in articles(size):
        chunk.append(doc)
        if len(chunk) == batch or done + len(chunk) == size:
            started, started_cpu = time.perf_counter(), time.process_time()
            done += archive.upsert(chunk)
            spent += time.perf_counter() - started
            cpu += time.process_time() - started_cpu
            chunk = []
            if done % 50_000 < batch:
                print(
                    f"  ingested {done:,} ({done / spent:,.0f}/s in upsert)",
                    file=sys.stderr,
                    flush=True,
                )
    return done / spent, cpu * 1000 / done


def search_latencies(archive: SQLiteArchive, repeats: int) -> dict[str, dict[str, float]]:
    results = {}
    for label, text in QUERIES.items():
        for filtered in (False, True):
            for sort in ("relevance", "date"):
                query = Query(text=text, sort=sort, **(FILTERS if filtered else {}))
                samples, cpu = [], []
                for i in range(repeats):
                    started, started_cpu = time.perf_counter(), time.process_time()
                    page = archive.search(replace(query, page=1 + i % 2))
                    samples.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - started_cpu) * 1000)
                name = f"{label}{' +filters' if filtered else ''} ({sort})"
                results[name] = {
                    "total": page.total,
                    "p50_ms": statistics.median(samples),
                    "p95_ms": _percentile(samples, 95),
                    "cpu_p95_ms": _percentile(cpu, 95),
                }
    return results


def weekly_counts_ms(archive: SQLiteArchive, repeats: int) -> dict[str, float]:
    query = Query(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31))
    samples, cpu = [], []
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        table = archive.counts(query, group_by="province", interval="week")
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return {
        "median_ms": statistics.median(samples),
        "max_ms": max(samples),
        "cpu_max_ms": max(cpu),
        "weeks": len(table.buckets),
        "rows": len(table.rows),
        "total": table.total,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="articles to ingest")
    parser.add_argument("--batch", type=int, default=1000, help="articles per upsert call")
    parser.add_argument("--repeats", type=int, default=20, help="runs per search query")
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help="build the archive in this directory and keep it (default: a "
        "temporary directory, removed at the end)",
    )
    parser.add_argument(
        "--reuse",
        type=Path,
        default=None,
        metavar="ARCHIVE",
        help="skip ingestion: measure searches and counts on this archive",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="index_bench_") as tmp:
        folder = args.reuse.parent if args.reuse else args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = args.reuse or folder / "archive.sqlite3"
        if not args.reuse and path.exists():
            parser.error(f"{path} exists: remove it or pass --reuse {path}")
        archive = SQLiteArchive(path, batch_size=args.batch)
        rate, cpu_ms = (None, None) if args.reuse else ingest(archive, args.size, args.batch)
        size = archive.stats().documents
        size_mb = sum(f.stat().st_size for f in folder.glob(path.name + "*")) / 2**20
        searches = search_latencies(archive, args.repeats)
        counts = weekly_counts_ms(archive, 10)
        archive.close()
    report = {
        "size": size,
        "ingest_articles_per_s": round(rate) if rate else None,
        "ingest_cpu_ms_per_article": round(cpu_ms, 3) if cpu_ms else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "archive_mb": round(size_mb),
        "search": searches,
        "search_p95_ms_worst": max(s["p95_ms"] for s in searches.values()),
        # Wall-clock figures depend on what else runs on the machine: report its load too.
        "load_average_1m": round(os.getloadavg()[0], 1),
        "weekly_counts_by_province_2024": counts,
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(f"articles            {size:>12,}")
    if rate:
        print(f"ingestion           {rate:>12,.0f} articles/s   (target >= 2,000)")
        print(f"ingestion CPU       {cpu_ms:>12.3f} ms/article (both threads)")
    print(f"peak RSS            {report['peak_rss_mb']:>12,} MB")
    print(f"archive size        {report['archive_mb']:>12,} MB")
    print(f"load average (1 min) {report['load_average_1m']:>11} on {os.cpu_count()} CPUs")
    print(
        f"{'search query':45} {'total':>9} {'p50 ms':>8} {'p95 ms':>8} {'CPU p95':>8}"
        "   (target p95 <= 100)"
    )
    for name, s in searches.items():
        print(
            f"  {name:43} {s['total']:>9,} {s['p50_ms']:>8.1f} {s['p95_ms']:>8.1f}"
            f" {s['cpu_p95_ms']:>8.1f}"
        )
    print(
        f"weekly counts 2024 by province: median {counts['median_ms']:.1f} ms, "
        f"max {counts['max_ms']:.1f} ms, CPU max {counts['cpu_max_ms']:.1f} ms "
        f"({counts['weeks']} weeks x {counts['rows']} rows, "
        f"{counts['total']:,} articles)   (target <= 200)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
