"""Benchmark JSONL export/import between two SQLite archives, and ES request-body building.

    .venv/bin/python benchmarks/transfer_bench.py --size 20000

Prints a table and, with --json, one JSON object: documents/s for export and import, the file
size, and how many Elasticsearch search/count bodies are built per second (pure Python).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, when run as a file

from benchmarks.article_corpus import articles  # noqa: E402
from index.elastic_query import counts_body, search_body  # noqa: E402
from index.sqlite_backend import SQLiteArchive  # noqa: E402
from index.transfer import export_jsonl, import_jsonl  # noqa: E402
from index.types import Query  # noqa: E402

VN = "Asia/Ho_Chi_Minh"


def _rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds else float("inf")


def run(size: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        source = SQLiteArchive(Path(tmp) / "a.db")
        target = SQLiteArchive(Path(tmp) / "b.db")
        source.upsert(articles(size))
        buffer = io.StringIO()
        started = time.perf_counter()
        exported = export_jsonl(source, buffer)
        export_s = time.perf_counter() - started
        buffer.seek(0)
        started = time.perf_counter()
        imported = import_jsonl(target, buffer)
        import_s = time.perf_counter() - started
        source.close()
        target.close()
    query = Query(
        text='lương hưu "bảo hiểm xã hội"',
        date_from=date(2025, 1, 1),
        date_to=date(2025, 12, 31),
        provinces=frozenset({"Hà Nội"}),
    )
    bodies = 5_000
    started = time.perf_counter()
    for _ in range(bodies):
        search_body(query, VN)
        counts_body(query, VN, group_by="province", interval="week")
    build_s = time.perf_counter() - started
    return {
        "documents": exported,
        "imported": imported,
        "export_docs_per_s": _rate(exported, export_s),
        "import_docs_per_s": _rate(imported, import_s),
        "jsonl_mb": round(len(buffer.getvalue().encode()) / 1e6, 1),
        "es_body_pairs_per_s": _rate(bodies, build_s),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000, help="articles to move")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = run(args.size)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:<22} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
