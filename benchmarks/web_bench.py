"""Benchmark the reviewers' web app: page latency over a SQLite archive of synthetic articles.

    .venv/bin/python benchmarks/web_bench.py --size 20000        # under a minute
    .venv/bin/python benchmarks/web_bench.py --size 100000 --json

About 3 % of the corpus lands in the review queue (5 % assessed, two tiers of three queued), so
100,000 articles give a queue of ~3,300 items. Each page is fetched --repeat times in process
(FastAPI TestClient, no network); the table shows median and worst latency.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, when run as a file

from argon2 import PasswordHasher  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from benchmarks.article_corpus import articles  # noqa: E402
from index import Query, open_archive  # noqa: E402
from pressmon.settings import load_settings  # noqa: E402
from pressmon.web import AccountStore, create_app  # noqa: E402

PAGES = {
    "queue": "/hang-doi",
    "queue (uncertain first, one province)": "/hang-doi?xep=uncertain&tinh=Nghệ An",
    "item": "/bai/{item}",
    "search": "/tim-kiem?q=lương hưu",
    "coverage dashboard": "/bao-phu",
    "leadership report (HTML)": "/bao-cao?tu=01/10/2025&den=31/12/2025",
    "leadership report (XLSX)": "/bao-cao.xlsx?tu=01/10/2025&den=31/12/2025",
    "api queue": "/api/queue",
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=20000, help="articles in the archive")
    parser.add_argument("--repeat", type=int, default=5, help="fetches per page")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object instead of a table"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        base = load_settings()
        settings = base.model_copy(
            update={
                "archive": base.archive.model_copy(
                    update={
                        "path": Path(tmp) / "archive.sqlite3",
                        "state_path": Path(tmp) / "state.sqlite3",
                    }
                )
            }
        )
        archive = open_archive("sqlite", path=settings.archive.path)
        started = time.perf_counter()
        archive.upsert(articles(args.size))
        ingest = time.perf_counter() - started
        flagged = archive.search(Query(flagged_only=True, page_size=1))
        queued = archive.stats().flagged  # the page's total stops at the count limit
        accounts = AccountStore(
            settings.archive.state_path, hasher=PasswordHasher(time_cost=1, memory_cost=1024)
        )
        accounts.add("bench", "bench-password-for-timing", "lead")
        app = create_app(
            settings,
            archive=archive,
            accounts=accounts,
            clock=lambda: datetime(2025, 12, 20, 3, tzinfo=UTC),
        )
        client = TestClient(app)
        token = client.get("/dang-nhap").text.split('name="csrf_token" value="')[1].split('"')[0]
        client.post(
            "/dang-nhap",
            data={
                "username": "bench",
                "password": "bench-password-for-timing",
                "csrf_token": token,
            },
        )
        item = flagged.hits[0].document.id
        rows = []
        for name, path in PAGES.items():
            timings = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                response = client.get(path.format(item=item))
                timings.append((time.perf_counter() - t0) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{path}: HTTP {response.status_code}")
            rows.append(
                {
                    "page": name,
                    "median_ms": round(statistics.median(timings), 1),
                    "max_ms": round(max(timings), 1),
                    "bytes": len(response.content),
                }
            )
        archive.close()

    result = {
        "articles": args.size,
        "queue_items": queued,
        "ingest_s": round(ingest, 1),
        "pages": rows,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    print(f"{args.size:,} articles ({queued:,} in the queue), ingested in {ingest:.1f} s")
    print(f"{'page':40} {'median ms':>10} {'max ms':>10} {'bytes':>10}")
    for row in rows:
        print(f"{row['page']:40} {row['median_ms']:>10} {row['max_ms']:>10} {row['bytes']:>10}")


if __name__ == "__main__":
    main()
