"""Benchmark the SQLite archive against SQLite's own floor, in the same run.

    .venv/bin/python benchmarks/index_bench.py --size 100000 --dir /tmp/bench   # minutes
    .venv/bin/python benchmarks/index_bench.py --dir /tmp/bench                 # 1,000,000
    .venv/bin/python benchmarks/index_bench.py --reuse /tmp/bench               # queries again
    .venv/bin/python benchmarks/index_bench.py --reuse /tmp/bench --synonyms config/synonyms.yaml

Every batch of generated articles goes to our archive and to the floor (`fts_floor`: one plain
FTS5 table, SQLite's work only) one after the other, and every query alternates between the two,
so both see the same machine load. Each figure comes as wall and CPU time with the ratio
ours/floor; the host's CPU model and a fixed CPU calibration (`calibration`) say which host
the absolute figures belong to. With PRESSMON_ELASTICSEARCH_URL set, the same articles and
queries also go to Elasticsearch (a throw-away index) and get a column of their own.

Targets: ingestion >= 0.6 x the floor and >= 2,000 articles/s; search p95 <= 1.5 x the floor
query returning the same rows and <= 100 ms; a year of weekly counts by province <= 200 ms.
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
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, when run as a file

from benchmarks.article_corpus import articles  # noqa: E402
from benchmarks.calibration import calibrate, host  # noqa: E402
from benchmarks.fts_floor import FloorFilters, FloorIndex, page_sql, weekly_counts_sql  # noqa: E402
from index import open_archive  # noqa: E402
from index.base import Archive  # noqa: E402
from index.elastic import ElasticsearchArchive  # noqa: E402
from index.sqlite_backend import SQLiteArchive  # noqa: E402
from index.sqlite_writes import prepare  # noqa: E402
from index.synonyms import Synonyms  # noqa: E402
from index.types import Document, Query  # noqa: E402

ES_ENV = "PRESSMON_ELASTICSEARCH_URL"
PAGE_SIZE = 20
FILTERS: dict[str, Any] = {  # Query keyword arguments
    "provinces": frozenset({"Hà Nội", "Nghệ An"}),
    "kinds": frozenset({"provincial", "national"}),
    "date_from": date(2024, 1, 1),
    "date_to": date(2024, 12, 31),
}
_LOCAL = timezone(timedelta(hours=7))  # Asia/Ho_Chi_Minh, the archive's default zone
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
FLOOR_FILTERS = FloorFilters(
    provinces=tuple(sorted(FILTERS["provinces"])),
    kinds=tuple(sorted(FILTERS["kinds"])),
    start_us=(datetime(2024, 1, 1, tzinfo=_LOCAL) - _EPOCH) // timedelta(microseconds=1),
    end_us=(datetime(2025, 1, 1, tzinfo=_LOCAL) - _EPOCH) // timedelta(microseconds=1),
)


@dataclass(frozen=True)
class BenchQuery:
    """A query type: the user's text, and the floor's table and MATCH for the same rows.

    `first_tier`: (table, MATCH) of the first tier of a relevance page, which fills the first
    pages at this size, when it is not the floor's: for text typed with diacritics whose synonyms
    expand it, the exact table (ours ranks the matches that keep the diacritics first, and the
    folded index only fills a page they leave short). `together`: for words typed bare to find
    together, the MATCH of their phrase, whose matches ours ranks first by relevance.
    """

    label: str
    text: str
    floor_table: str
    floor_match: str
    first_tier: tuple[str, str] | None = None
    together: str | None = None

    def floor_query(self, sort: str) -> tuple[str, str]:
        """(table, MATCH) of the floor statement for `sort`."""
        if sort == "relevance" and self.first_tier is not None:
            return self.first_tier
        return self.floor_table, self.floor_match


QUERIES = (
    BenchQuery("one term", "BHYT", "fts", '"bhyt"'),
    BenchQuery("3-word phrase", '"sổ bảo hiểm"', "fts", '"sổ bảo hiểm"'),
    # No word carries diacritics, so the folded index answers (nothing matches them as typed);
    # by relevance, the matches where the words stand together come first.
    BenchQuery(
        "no diacritics",
        "luong huu",
        "folded",
        '"luong" "huu"',
        together='("luong huu")',
    ),
)
# With --synonyms (config/synonyms.yaml): the field's forms expand at query time, so a form
# typed either way reads the folded index for every form of its group.
FIELD_QUERIES = (
    BenchQuery(
        "abbreviation",
        "BHYT",
        "folded",
        '("bhyt" OR "bao hiem y te")',
        first_tier=("fts", '("bhyt" OR "bảo hiểm y tế")'),
    ),
    BenchQuery(
        "expansion",
        "bảo hiểm xã hội",
        "folded",
        '("bao hiem xa hoi" OR "bhxh")',
        first_tier=("fts", '("bảo hiểm xã hội" OR "bhxh")'),
    ),
    BenchQuery(
        "exclusion",
        "luong huu -cham",
        "folded",
        '"luong" "huu" NOT "cham"',
        together='("luong huu")',
    ),
    QUERIES[1],
    QUERIES[2],
)


@dataclass(frozen=True)
class Samples:
    """Milliseconds per run, wall clock and CPU (all threads of the process)."""

    wall: tuple[float, ...]
    cpu: tuple[float, ...]

    def summary(self) -> dict[str, float]:
        return {
            "p50_ms": statistics.median(self.wall),
            "p95_ms": percentile(self.wall, 95),
            "max_ms": max(self.wall),
            "cpu_p95_ms": percentile(self.cpu, 95),
        }


def percentile(samples: tuple[float, ...], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def timed(action: Callable[[], Any]) -> tuple[Any, float, float]:
    """(result, wall ms, CPU ms) of one call."""
    started, started_cpu = time.perf_counter(), time.process_time()
    result = action()
    wall, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    return result, wall * 1000, cpu * 1000


def _batches(size: int, batch: int) -> Iterator[list[Document]]:
    stream = articles(size)
    while chunk := list(islice(stream, batch)):
        yield chunk


def ingest(
    ours: SQLiteArchive, floor: FloorIndex, es: Archive | None, size: int, batch: int
) -> dict[str, Any]:
    """Seconds spent writing each batch to each store (generating articles is not counted)."""
    spent: dict[str, list[float]] = {
        k: [0.0, 0.0] for k in ("ours", "preparation", "floor", "floor_folded", "elasticsearch")
    }
    done = 0
    for chunk in _batches(size, batch):
        _, wall, cpu = timed(partial(ours.upsert, chunk))
        _add(spent["ours"], wall, cpu)
        # The floor gets our stored values. Preparing them is the Python share of ours (NFC,
        # folding, tags, JSON: the call upsert makes before writing a batch, and with one batch
        # per call nothing overlaps it), timed to split ours in two.
        prepared, wall, cpu = timed(partial(prepare, chunk))
        _add(spent["preparation"], wall, cpu)
        main, folded = floor.insert(prepared)
        _add(spent["floor"], main.wall * 1000, main.cpu * 1000)
        _add(spent["floor_folded"], folded.wall * 1000, folded.cpu * 1000)
        if es is not None:
            _, wall, cpu = timed(partial(es.upsert, chunk))
            _add(spent["elasticsearch"], wall, cpu)
        done += len(chunk)
        if done % 50_000 < batch:
            ours_rate = done / spent["ours"][0] * 1000
            floor_rate = done / spent["floor"][0] * 1000
            print(
                f"  ingested {done:,}: ours {ours_rate:,.0f}/s, floor {floor_rate:,.0f}/s",
                file=sys.stderr,
                flush=True,
            )
    if es is not None:
        refresh = getattr(es, "refresh", None)
        if callable(refresh):
            refresh()

    def figures(wall_ms: float, cpu_ms: float) -> dict[str, float]:
        return {"articles_per_s": done / wall_ms * 1000, "cpu_ms_per_article": cpu_ms / done}

    report: dict[str, Any] = {
        name: figures(*spent[name]) for name in ("ours", "preparation", "floor")
    }
    sqlite_part = [a - b for a, b in zip(spent["ours"], spent["preparation"], strict=True)]
    report["ours_sqlite"] = figures(*sqlite_part)
    both = [a + b for a, b in zip(spent["floor"], spent["floor_folded"], strict=True)]
    report["floor_with_folded"] = figures(*both)
    report["elasticsearch"] = figures(*spent["elasticsearch"]) if es is not None else None
    report["ratio"] = report["ours"]["articles_per_s"] / report["floor"]["articles_per_s"]
    return report


def _add(total: list[float], wall: float, cpu: float) -> None:
    total[0] += wall
    total[1] += cpu


def searches(
    ours: SQLiteArchive,
    floor: FloorIndex,
    es: Archive | None,
    repeats: int,
    queries: tuple[BenchQuery, ...] = QUERIES,
) -> dict[str, dict[str, Any]]:
    """Every query type x filters x sort, alternating ours / floor / Elasticsearch per run."""
    results = {}
    for bench in queries:
        for filtered in (False, True):
            for sort in ("relevance", "date"):
                query = Query(
                    text=bench.text,
                    sort=sort,
                    page_size=PAGE_SIZE,
                    **(FILTERS if filtered else {}),
                )
                name = f"{bench.label}{' +filters' if filtered else ''} ({sort})"
                results[name] = _one_query(ours, floor, es, bench, query, filtered, repeats)
    return results


def _one_query(
    ours: SQLiteArchive,
    floor: FloorIndex,
    es: Archive | None,
    bench: BenchQuery,
    query: Query,
    filtered: bool,
    repeats: int,
) -> dict[str, Any]:
    stores = {"ours": [], "floor": [], "elasticsearch": []}  # type: dict[str, list[tuple[float, float]]]
    pages: dict[str, dict[int, list[str]]] = {"ours": {}, "floor": {}, "elasticsearch": {}}
    total, exact = 0, True
    for i in range(repeats):
        page = 1 + i % 2  # pages 1 and 2: a second page must not come from a cache of the first
        result, wall, cpu = timed(partial(ours.search, replace(query, page=page)))
        stores["ours"].append((wall, cpu))
        pages["ours"][page] = [hit.document.id for hit in result.hits]
        total, exact = result.total, result.total_exact
        sql, params = page_sql(
            *bench.floor_query(query.sort),
            sort=query.sort,
            filters=FLOOR_FILTERS if filtered else None,
            limit=PAGE_SIZE,
            offset=(page - 1) * PAGE_SIZE,
            together=bench.together,
        )
        rows, wall, cpu = timed(partial(_fetch_all, floor, sql, params))
        stores["floor"].append((wall, cpu))
        pages["floor"][page] = floor.ids([row[0] for row in rows])
        if es is not None:
            result, wall, cpu = timed(partial(es.search, replace(query, page=page)))
            stores["elasticsearch"].append((wall, cpu))
            pages["elasticsearch"][page] = [hit.document.id for hit in result.hits]
    figures: dict[str, Any] = {
        name: _samples(runs).summary() if runs else None for name, runs in stores.items()
    }
    return {
        "total": total,
        "total_exact": exact,  # False: more than `total` match (the count limit)
        **figures,
        "ratio_p95": figures["ours"]["p95_ms"] / figures["floor"]["p95_ms"],
        "ratio_cpu_p95": figures["ours"]["cpu_p95_ms"] / figures["floor"]["cpu_p95_ms"],
        "same_rows_as_floor": pages["ours"] == pages["floor"],
        "elasticsearch_same_rows": pages["elasticsearch"] == pages["ours"] if es else None,
    }


def _fetch_all(floor: FloorIndex, sql: str, params: Any) -> list[Any]:
    return floor.conn.execute(sql, params).fetchall()


def _samples(runs: list[tuple[float, float]]) -> Samples:
    return Samples(wall=tuple(w for w, _ in runs), cpu=tuple(c for _, c in runs))


def weekly_counts(
    ours: SQLiteArchive, floor: FloorIndex, es: Archive | None, repeats: int, floor_repeats: int
) -> dict[str, Any]:
    """A year of weekly counts by province; the floor scans its content table (no summary)."""
    query = Query(date_from=FILTERS["date_from"], date_to=FILTERS["date_to"])

    def count(archive: Archive) -> Any:
        return archive.counts(query, group_by="province", interval="week")

    runs = {"ours": [], "floor": [], "elasticsearch": []}  # type: dict[str, list[tuple[float, float]]]
    table: Any = None
    floor_sql = weekly_counts_sql(FLOOR_FILTERS, 7 * 3600 * 1_000_000)
    for i in range(repeats):
        table, wall, cpu = timed(lambda: count(ours))
        runs["ours"].append((wall, cpu))
        if i < floor_repeats:
            _, wall, cpu = timed(lambda: floor.conn.execute(*floor_sql).fetchall())
            runs["floor"].append((wall, cpu))
        if es is not None:
            _, wall, cpu = timed(lambda: count(es))
            runs["elasticsearch"].append((wall, cpu))
    figures: dict[str, Any] = {
        name: _samples(r).summary() if r else None for name, r in runs.items()
    }
    return {
        **figures,
        "ratio_max": figures["ours"]["max_ms"] / figures["floor"]["max_ms"],
        "weeks": len(table.buckets),
        "rows": len(table.rows),
        "total": table.total,
    }


def _synonyms(path: Path) -> Synonyms:
    """The groups of a synonyms.yaml, read as pressmon reads them (validation aside)."""
    return Synonyms.from_forms(yaml.safe_load(path.read_text(encoding="utf-8"))["synonyms"])


def open_elasticsearch() -> Archive | None:
    url = os.environ.get(ES_ENV)
    if not url:
        print(f"Elasticsearch: skipped ({ES_ENV} is not set)", file=sys.stderr)
        return None
    return open_archive(
        "elasticsearch", elasticsearch_url=url, index_name=f"pressmon-bench-{os.getpid()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="articles to ingest")
    parser.add_argument("--batch", type=int, default=1000, help="articles per upsert call")
    parser.add_argument("--repeats", type=int, default=20, help="runs per search query")
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help="build both databases in this directory and keep them (default: a temporary "
        "directory, removed at the end)",
    )
    parser.add_argument(
        "--reuse",
        type=Path,
        default=None,
        metavar="DIR",
        help="skip ingestion: measure queries and counts on the databases a previous run kept "
        "in DIR (--dir)",
    )
    parser.add_argument(
        "--synonyms",
        type=Path,
        default=None,
        metavar="YAML",
        help="search with these synonym groups (config/synonyms.yaml) and measure the field's "
        "abbreviation, expansion and exclusion queries",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    synonyms = _synonyms(args.synonyms) if args.synonyms else None

    machine = host()
    calibration = calibrate()
    print(f"host: {machine}; calibration: {calibration}", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="index_bench_") as tmp:
        folder = args.reuse or args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        paths = (folder / "archive.sqlite3", folder / "floor.sqlite3")
        if args.reuse and not all(p.exists() for p in paths):
            parser.error(f"{folder} does not hold both databases of a previous run")
        if not args.reuse and any(p.exists() for p in paths):
            parser.error(f"{folder} already holds a benchmark archive: remove it first")
        # Every run searches: a page kept in memory until the next commit would make all but the
        # first two of the repeats free, and the p95 a figure of two cold runs.
        ours = SQLiteArchive(
            paths[0], batch_size=args.batch, synonyms=synonyms, search_memo_pages=0
        )
        floor = FloorIndex(paths[1], reuse=args.reuse is not None)
        # Elasticsearch keeps no index between runs: with --reuse it is left out.
        es = None if args.reuse else open_elasticsearch()
        try:
            ingestion = None if args.reuse else ingest(ours, floor, es, args.size, args.batch)
            size = ours.stats().documents
            disk_mb = {
                p.name: sum(f.stat().st_size for f in folder.glob(p.name + "*")) / 2**20
                for p in paths
            }
            queries = FIELD_QUERIES if synonyms else QUERIES
            found = searches(ours, floor, es, args.repeats, queries)
            counts = weekly_counts(ours, floor, es, 10, 3)
        finally:
            ours.close()
            floor.close()
            if isinstance(es, ElasticsearchArchive):
                es.drop()  # the throw-away index
                es.close()
    report = {
        "size": size,
        "host": asdict(machine),
        "calibration_cpu_ms": asdict(calibration),
        # Wall-clock figures depend on what else runs on the machine: report its load too.
        "load_average_1m": round(os.getloadavg()[0], 1),
        "ingestion": ingestion,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "disk_mb": {"ours": round(disk_mb[paths[0].name]), "floor": round(disk_mb[paths[1].name])},
        "search": found,
        "weekly_counts_by_province_2024": counts,
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_report(report)
    return 0


def _total(search: dict[str, Any]) -> str:
    """The search total as counted: ">10,000" when counting stopped at the count limit."""
    return f"{'' if search.get('total_exact', True) else '>'}{search['total']:,}"


def print_ingestion(ing: dict[str, Any]) -> None:
    print(f"{'ingestion':34} {'articles/s':>11} {'CPU ms/article':>15}")
    for name, label in (
        ("ours", "ours"),
        ("preparation", "  of which Python preparation"),
        ("ours_sqlite", "  of which SQLite (ours - prep.)"),
        ("floor", "floor: one FTS5 table"),
        ("floor_with_folded", "floor + folded table"),
        ("elasticsearch", "Elasticsearch"),
    ):
        if ing[name] is not None:
            print(
                f"  {label:32} {ing[name]['articles_per_s']:>11,.0f} "
                f"{ing[name]['cpu_ms_per_article']:>15.3f}"
            )
    print(f"  ours / floor rate: {ing['ratio']:.2f}   (target >= 0.6, and >= 2,000/s)")


def print_report(report: dict[str, Any]) -> None:
    machine, calib = report["host"], report["calibration_cpu_ms"]
    print(
        f"host: {machine['cpu_model']}, {machine['cpus']} CPUs, Python {machine['python']}, "
        f"SQLite {machine['sqlite']}; load average (1 min) {report['load_average_1m']}"
    )
    print(
        f"calibration (CPU ms, best of 5): pure Python {calib['python_ms']:.0f}, "
        f"SQLite/FTS5 {calib['sqlite_ms']:.0f}"
    )
    print(
        f"articles {report['size']:,}; on disk: ours {report['disk_mb']['ours']:,} MB, "
        f"floor {report['disk_mb']['floor']:,} MB; peak RSS {report['peak_rss_mb']:,} MB"
    )
    if report["ingestion"] is not None:
        print_ingestion(report["ingestion"])
    es_shown = any(s["elasticsearch"] for s in report["search"].values())
    print(
        f"{'search p95, ms':37} {'total':>8} {'ours':>7} {'CPU':>6} {'floor':>7} {'CPU':>6}"
        f" {'ratio':>6} {'same rows':>9}" + (f" {'ES':>7}" if es_shown else "")
    )
    for name, s in report["search"].items():
        line = (
            f"  {name:35} {_total(s):>8} {s['ours']['p95_ms']:>7.1f} "
            f"{s['ours']['cpu_p95_ms']:>6.1f} {s['floor']['p95_ms']:>7.1f} "
            f"{s['floor']['cpu_p95_ms']:>6.1f} {s['ratio_p95']:>6.2f} "
            f"{'yes' if s['same_rows_as_floor'] else 'NO':>9}"
        )
        if es_shown:
            line += f" {s['elasticsearch']['p95_ms']:>7.1f}"
        print(line)
    print("  (targets: ratio <= 1.5 and p95 <= 100 ms)")
    c = report["weekly_counts_by_province_2024"]
    print(
        f"weekly counts 2024 by province: ours max {c['ours']['max_ms']:.1f} ms "
        f"(CPU p95 {c['ours']['cpu_p95_ms']:.1f}), floor max {c['floor']['max_ms']:.1f} ms, "
        f"ratio {c['ratio_max']:.3f} ({c['weeks']} weeks x {c['rows']} rows, "
        f"{c['total']:,} articles)   (target <= 200 ms)"
        + (f"; ES max {c['elasticsearch']['max_ms']:.1f} ms" if c["elasticsearch"] else "")
    )


if __name__ == "__main__":
    raise SystemExit(main())
