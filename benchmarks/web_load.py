"""Load test of the reviewers' web app through real HTTP, with an ingest running alongside.

    .venv/bin/python benchmarks/web_load.py                      # 100,000 articles, 20 users, 60 s
    .venv/bin/python benchmarks/web_load.py --size 20000 --duration 20 --ingest 1000   # quicker
    .venv/bin/python benchmarks/web_load.py --keep var/web-load  # reuse the built archive

Builds a SQLite archive of synthetic articles (benchmarks/article_corpus.py: ~3 % land in the
review queue, so 100,000 articles give ~3,300 flagged items; 300 of them get a decision), starts
the server on 127.0.0.1 only as `pressmon serve --workers N` does (pressmon/web/workers.py: the
same uvicorn call and worker app, at the corpus's clock), signs in one account per simulated
reviewer, and has each reviewer
fetch pages back to back (no think time: the worst case) for --duration seconds or until
--max-requests in all, cycling queue, item, search and dashboard. A few seconds in, a separate
process ingests --ingest new articles through `pressmon.ingest` (the classifier included), as
`pressmon ingest` does. Prints p50/p95/max latency and errors per page type, the ingest result,
the machine's load average and CPU model. Every request is bounded by a 30 s timeout.

Latency under load says as much about the machine's other jobs as about the app, so after the
load one reviewer fetches --cpu-samples pages of each type alone, one at a time, and the server's
CPU time (every uvicorn process, user + system) per page is reported too: the cost of a page,
which other jobs on the machine barely move.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE.parent))  # the repository, when run as a file

HOST = "127.0.0.1"  # loopback only: this never sends a request anywhere else
CLOCK = datetime(2025, 12, 20, 3, tzinfo=UTC)  # the corpus ends 2025-12-31
PASSWORD = "web-load-password-1"
SEARCHES = (
    "lương hưu",
    "bảo hiểm y tế",
    "BHXH",
    "thất nghiệp",
    "VssID",
    "nợ đóng",
    "mạo danh",
    "luong huu",
    '"bảo hiểm xã hội"',
)
QUEUE_VIEWS = (
    "/hang-doi",
    "/hang-doi?trang=2",
    "/hang-doi?xep=uncertain",
    "/hang-doi?trang_thai=unstarted",
    "/hang-doi?xep=newest&muc=urgent",
)
KINDS = ("queue", "item", "search", "dashboard")
DECIDED = 300
REQUEST_TIMEOUT = 30.0


def paths(directory: Path) -> dict[str, Path]:
    return {
        "archive": directory / "archive.sqlite3",
        "state": directory / "state.sqlite3",
        "flagged": directory / "flagged.json",
        "ingest": directory / "ingest.jsonl",
    }


def settings_for(directory: Path):
    from pressmon.settings import load_settings

    base = load_settings()
    files = paths(directory)
    return base.model_copy(
        update={
            "archive": base.archive.model_copy(
                update={"path": files["archive"], "state_path": files["state"]}
            ),
            # One secret for every worker process, so a session opened by one works on all.
            "web": base.web.model_copy(update={"session_secret": "web-load-not-a-secret"}),
        }
    )


def build(directory: Path, size: int, users: int) -> float:
    """The archive, some decisions, the accounts and the ingest file; seconds spent."""
    from argon2 import PasswordHasher

    from benchmarks.article_corpus import articles
    from index import open_archive
    from index.types import Query, ReviewEvent
    from pressmon.web import AccountStore

    files = paths(directory)
    started = time.perf_counter()
    archive = open_archive("sqlite", path=files["archive"])
    archive.upsert(articles(size))
    entries, _ = archive.triage_entries(Query(), 100_000)
    rng = random.Random(7)
    for entry in rng.sample(entries, min(DECIDED, len(entries))):
        archive.record_review(
            ReviewEvent(
                entry.id,
                "reviewer01",
                CLOCK,
                entry.review_status,
                rng.choice(("false", "no_violation", "insufficient")),
            )
        )
    archive.close()
    files["flagged"].write_text(json.dumps([e.id for e in entries]), encoding="utf-8")
    # Cheap argon2 parameters: the load test measures pages, not password hashing.
    accounts = AccountStore(files["state"], hasher=PasswordHasher(time_cost=1, memory_cost=1024))
    for n in range(1, users + 1):
        accounts.add(f"reviewer{n:02d}", PASSWORD, "lead" if n % 5 == 0 else "reviewer")
    return time.perf_counter() - started


def write_ingest_file(directory: Path, count: int) -> None:
    from benchmarks.article_corpus import articles

    with paths(directory)["ingest"].open("w", encoding="utf-8") as out:
        for n, doc in enumerate(articles(count, seed=99)):
            line = {
                "title": doc.title,
                "text": doc.body,
                "url": f"https://ingest.example.vn/tin/{n}.html",
                "outlet": doc.outlet_name,
                "published_at": doc.published_at.isoformat(),
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


def app_factory():
    """The app each worker serves, as `pressmon serve --workers N` builds it, over the archive in
    $WEB_LOAD_DIR and at the corpus's clock (the dashboard shows the weeks before it)."""
    from pressmon.web.workers import worker_app

    return worker_app(settings_for(Path(os.environ["WEB_LOAD_DIR"])), clock=lambda: CLOCK)


def run_server(port: int, workers: int) -> None:
    """The server process: `pressmon serve --workers N`'s uvicorn call with `app_factory`."""
    from pressmon.web.workers import serve

    serve("web_load:app_factory", host=HOST, port=port, workers=workers)


def run_ingest(directory: Path) -> None:
    """The ingest process: `pressmon ingest` without the command line around it."""
    from crawlers.state import CrawlState
    from index import open_archive
    from pressmon.ingest import ingest_parsed, parse_lines
    from pressmon.wiring import notifier_from, processor_from

    settings = settings_for(directory)
    files = paths(directory)
    archive = open_archive("sqlite", path=files["archive"])
    state = CrawlState(files["state"])
    started = time.perf_counter()
    with files["ingest"].open("rb") as lines:
        processor = processor_from(settings, state)
        report = ingest_parsed(
            parse_lines(lines, settings.tz),
            settings,
            processor,
            archive,
            state,
            notifier_from(settings),
        )
    archive.close()
    state.close()
    print(
        json.dumps(
            {
                "read": report.read,
                "stored": report.stored,
                "new": report.new,
                "rejected": len(report.rejected),
                "seconds": round(time.perf_counter() - started, 1),
            }
        )
    )


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})
    errors: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, ms: float, error: str | None) -> None:
        with self.lock:
            self.latencies[kind].append(ms)
            if error:
                self.errors[kind].append(error)

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())


def sign_in(port: int, username: str) -> str:
    """The session cookie for `username`, through the real login form."""
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    conn.request("GET", "/dang-nhap")
    response = conn.getresponse()
    page = response.read().decode()
    cookie = response.getheader("set-cookie", "").split(";")[0]
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    if match is None:
        raise SystemExit("no CSRF token on the sign-in page")
    token = match.group(1)
    body = urlencode({"username": username, "password": PASSWORD, "csrf_token": token})
    conn.request(
        "POST",
        "/dang-nhap",
        body,
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
    )
    response = conn.getresponse()
    response.read()
    conn.close()
    session = [v.split(";")[0] for k, v in response.getheaders() if k.lower() == "set-cookie"]
    found = [c for c in session if c.startswith("pm_session=")]
    if response.status != 303 or not found:
        raise SystemExit(f"sign-in failed for {username}: HTTP {response.status}")
    return found[0]


def page_path(kind: str, rng: random.Random, flagged: list[str]) -> str:
    if kind == "queue":
        return rng.choice(QUEUE_VIEWS)
    if kind == "item":
        return f"/bai/{rng.choice(flagged)}"
    if kind == "search":
        return f"/tim-kiem?q={quote(rng.choice(SEARCHES))}"
    return "/bao-phu"


def reviewer(
    port: int,
    cookie: str,
    offset: int,
    flagged: list[str],
    deadline: float,
    budget: threading.Semaphore,
    tally: Tally,
    think: float,
) -> None:
    rng = random.Random(offset)
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    n = offset
    while time.monotonic() < deadline and budget.acquire(blocking=False):
        kind = KINDS[n % len(KINDS)]
        n += 1
        path = page_path(kind, rng, flagged)
        started = time.perf_counter()
        error = None
        try:
            conn.request("GET", path, headers={"Cookie": cookie})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                error = f"HTTP {response.status} {path}"
        except (OSError, http.client.HTTPException) as err:
            error = f"{type(err).__name__} {path}"
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
        tally.add(kind, (time.perf_counter() - started) * 1000, error)
        if think:
            time.sleep(rng.uniform(0, 2 * think))
    conn.close()


def process_tree(pid: int) -> list[int]:
    """`pid` and every process below it (uvicorn's workers), from /proc."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            pending.extend(int(child) for child in task.read_text().split())
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds spent so far by `pids` (all their threads)."""
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_per_page(port: int, server_pid: int, cookie: str, flagged: list[str], samples: int):
    """Server CPU ms per page of each type, one page at a time (no other client)."""
    rng = random.Random(1)
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    pids = process_tree(server_pid)
    costs = {}
    for kind in KINDS:
        before = cpu_seconds(pids)
        for _ in range(samples):
            conn.request("GET", page_path(kind, rng, flagged), headers={"Cookie": cookie})
            response = conn.getresponse()
            response.read()
        costs[kind] = round((cpu_seconds(pids) - before) * 1000 / max(1, samples), 1)
    conn.close()
    return costs


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_until_up(port: int, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server exited; see its output above")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/dang-nhap")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not start")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=100_000, help="articles in the archive")
    parser.add_argument("--users", type=int, default=20, help="concurrent reviewers")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--max-requests", type=int, default=200_000, help="requests in all")
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean seconds a reviewer reads a page before the next (0: back to back)",
    )
    parser.add_argument("--ingest", type=int, default=5000, help="articles ingested meanwhile")
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 2,
        help="server worker processes, as `pressmon serve --workers N`",
    )
    parser.add_argument(
        "--cpu-samples", type=int, default=60, help="pages of each type fetched alone for CPU ms"
    )
    parser.add_argument("--keep", type=Path, help="build the archive here and reuse it next time")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--ingest-only", type=Path, help=argparse.SUPPRESS)  # the child process
    parser.add_argument("--serve-only", type=int, help=argparse.SUPPRESS)  # the server, its port
    args = parser.parse_args()
    if args.ingest_only:
        run_ingest(args.ingest_only)
        return
    if args.serve_only:
        run_server(args.serve_only, args.workers)
        return

    temporary = None if args.keep else tempfile.mkdtemp(prefix="web-load-")
    directory = args.keep or Path(temporary or ".")
    directory.mkdir(parents=True, exist_ok=True)
    marker = directory / f"built-{args.size}-{args.users}"
    try:
        build_s = 0.0
        base = directory / "base.sqlite3"  # the built archive; each run starts from a copy
        if not marker.exists():
            for path in [*paths(directory).values(), base, *directory.glob("built-*")]:
                path.unlink(missing_ok=True)
            build_s = build(directory, args.size, args.users)
            shutil.copyfile(paths(directory)["archive"], base)
            marker.touch()
        archive = paths(directory)["archive"]
        # The last run's write-ahead log belongs to the last run's file: replayed onto a fresh
        # copy it would corrupt it ("database disk image is malformed").
        for companion in ("-wal", "-shm"):
            Path(f"{archive}{companion}").unlink(missing_ok=True)
        shutil.copyfile(base, archive)
        write_ingest_file(directory, args.ingest)
        result = load(directory, args)
        result.update(articles=args.size, build_s=round(build_s, 1))
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print_table(result)


def load(directory: Path, args: argparse.Namespace) -> dict:
    flagged = json.loads(paths(directory)["flagged"].read_text(encoding="utf-8"))
    port = free_port()
    env = {**os.environ, "WEB_LOAD_DIR": str(directory)}
    # The corpus's folder (benchmarks/article_corpus.py), not a setting: pressmon's settings
    # would refuse it as an unknown PRESSMON_* key in the server and the ingest.
    env.pop("PRESSMON_SHARED_DIR", None)
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), str(ROOT), env.get("PYTHONPATH", "")])
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve-only", str(port), "--workers", str(args.workers)],
        env=env,
    )
    try:
        wait_until_up(port, server)
        cookies = [sign_in(port, f"reviewer{n:02d}") for n in range(1, args.users + 1)]
        tally = Tally()
        budget = threading.Semaphore(args.max_requests)
        load_before = os.getloadavg()
        pids = process_tree(server.pid)
        cpu_before = cpu_seconds(pids)
        started = time.monotonic()
        deadline = started + args.duration
        threads = [
            threading.Thread(
                target=reviewer,
                args=(port, c, i, flagged, deadline, budget, tally, args.think),
                daemon=True,
            )
            for i, c in enumerate(cookies)
        ]
        for t in threads:
            t.start()
        time.sleep(min(5.0, args.duration / 10))
        ingest = subprocess.Popen(
            [sys.executable, __file__, "--ingest-only", str(directory)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        ingest_out, ingest_err = ingest.communicate(timeout=1800)
        ingest_done = time.monotonic() - started
        for t in threads:
            t.join(timeout=args.duration + REQUEST_TIMEOUT + 5)
        elapsed = time.monotonic() - started
        load_after = os.getloadavg()
        cpu_under_load = cpu_seconds(pids) - cpu_before
        cpu_ms = cpu_per_page(port, server.pid, cookies[0], flagged, args.cpu_samples)
    finally:
        server.terminate()
        server.wait(timeout=30)
    summary = json.loads(ingest_out.strip().splitlines()[-1]) if ingest.returncode == 0 else {}
    return {
        "users": args.users,
        "think_s": args.think,
        "workers": args.workers,
        "duration_s": round(elapsed, 1),
        "queue_items": len(flagged),
        "requests_per_s": round(tally.requests / args.duration, 1),  # reviewers stop on time
        "server_cpu_ms_per_request": round(cpu_under_load * 1000 / max(1, tally.requests), 1),
        "pages": [
            {
                "page": kind,
                "requests": len(tally.latencies[kind]),
                "p50_ms": round(statistics.median(tally.latencies[kind] or [0]), 1),
                "p95_ms": round(percentile(tally.latencies[kind], 0.95), 1),
                "max_ms": round(max(tally.latencies[kind] or [0]), 1),
                "errors": len(tally.errors[kind]),
                "first_errors": tally.errors[kind][:3],
                "cpu_ms": cpu_ms[kind],
            }
            for kind in KINDS
        ],
        "ingest": {
            **summary,
            "exit_code": ingest.returncode,
            "finished_at_s": round(ingest_done, 1),
            "database_locked": "locked" in ingest_err.lower(),
            "stderr_tail": ingest_err.strip().splitlines()[-3:] if ingest.returncode else [],
        },
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "cpu": f"{cpu_model()} × {os.cpu_count()}",
    }


def print_table(result: dict) -> None:
    pace = f"~{result['think_s']} s between pages" if result["think_s"] else "back to back"
    print(
        f"{result['articles']:,} articles, {result['queue_items']:,} in the queue; "
        f"{result['users']} reviewers for {result['duration_s']} s ({pace}); "
        f"{result['workers']} server worker(s) on {HOST}"
    )
    print(
        f"{result['requests_per_s']} requests/s; server CPU {result['server_cpu_ms_per_request']} "
        "ms per request under load (all pages, all workers)"
    )
    print(
        f"{'page':12} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'errors':>7} "
        f"{'CPU ms alone':>13}"
    )
    for row in result["pages"]:
        print(
            f"{row['page']:12} {row['requests']:>9} {row['p50_ms']:>8} {row['p95_ms']:>8} "
            f"{row['max_ms']:>8} {row['errors']:>7} {row['cpu_ms']:>13}"
        )
        for error in row["first_errors"]:
            print(f"    {error}")
    ingest = result["ingest"]
    print(
        f"ingest: {ingest.get('read', '?')} read, {ingest.get('stored', '?')} stored in "
        f"{ingest.get('seconds', '?')} s (finished {ingest['finished_at_s']} s into the run), "
        f"exit {ingest['exit_code']}, 'database is locked': "
        f"{'yes' if ingest['database_locked'] else 'no'}"
    )
    for line in ingest["stderr_tail"]:
        print(f"    {line}")
    print(
        f"load average (1/5/15 min) before {result['load_average_before']}, after "
        f"{result['load_average_after']}; CPU {result['cpu']}"
    )


if __name__ == "__main__":
    main()
