"""Real workers (subprocesses) on a real redis-server crawl the demo site over loopback.

Reference: the single-process `pressmon crawl` of the same site. Fetches are counted on the
server side (the demo server logs every request path).
"""

from __future__ import annotations

import os
import re
import signal
import time
from collections import Counter
from pathlib import Path

import pytest

from index import open_archive

demo_server = pytest.importorskip("demo.server")
demo_sources = pytest.importorskip("demo.sources")
demo_site = pytest.importorskip("demo.site")
demo_expected = pytest.importorskip("demo.expected")

from tests.distributed.conftest import CrawlEnv, RedisServer, write_sources  # noqa: E402

pytestmark = pytest.mark.timeout(420)
ROBOTS = "/robots.txt"  # each Scrapy process reads robots.txt once for itself


def _stored(tmp: Path, name: str, base_url: str) -> list[str]:
    """Paths of the archived articles, sorted (duplicates would show twice)."""
    archive = open_archive("sqlite", path=tmp / f"{name}.db")
    try:
        return sorted(document.url.removeprefix(base_url) for document in archive.iter_documents())
    finally:
        archive.close()


def _page_fetches(fetched: tuple[str, ...]) -> Counter[str]:
    return Counter(path for path in fetched if path != ROBOTS)


@pytest.fixture(scope="module")
def expected():
    """The demo's ground truth: every relevant, non-challenge article is stored exactly once."""
    numbers = demo_expected.expected_numbers()
    site = demo_site.build_site()
    relevant = sorted(a.path for a in site.articles if a.relevant and not a.challenge)
    assert len(relevant) == numbers.relevant
    return relevant, numbers


def _crawl_env(tmp_path: Path, site, redis: RedisServer) -> CrawlEnv:
    sources = write_sources(tmp_path / "sources.yaml", demo_sources.demo_sources(site.base_url))
    return CrawlEnv(tmp_path, sources, redis.url)


def _create_archive(tmp: Path) -> None:
    """Create the shared SQLite archive before the workers start: two processes creating a new
    archive at the same moment race on its schema (reported to the index owner)."""
    open_archive("sqlite", path=tmp / "shared.db").close()


def _stored_by(log: str) -> int:
    match = re.search(r"Xong \(hết việc\): lưu ([\d.]+) bài", log)
    assert match, log[-2000:]
    return int(match.group(1).replace(".", ""))


def _wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def _held_by(server: RedisServer, pid: int) -> int:
    leases = server.client().hkeys("pressmon:requests:processing")
    return sum(1 for lease in leases if f"-{pid}-" in lease.decode())


def test_two_workers_store_each_relevant_article_fetching_each_page_once(
    tmp_path: Path, redis_server: RedisServer, expected
) -> None:
    relevant, numbers = expected
    with demo_server.serve_demo() as site:
        env = _crawl_env(tmp_path, site, redis_server)
        env.run("enqueue", "enqueue", archive="shared")
        _create_archive(tmp_path)
        workers = [
            env.start(f"worker{n}", "worker", "--max-idle", "4", archive="shared") for n in (1, 2)
        ]
        for worker in workers:
            worker.wait(timeout=300)
        for n, worker in enumerate(workers, 1):
            assert worker.returncode == 0, env.log(f"worker{n}")[-3000:]
        fetched = site.fetched()
        stored = _stored(tmp_path, "shared", site.base_url)

    assert stored == relevant
    pages = _page_fetches(fetched)
    assert {path: n for path, n in pages.items() if n > 1} == {}
    assert numbers.challenge_paths <= set(pages)  # discovered and fetched, never stored
    assert not numbers.forbidden_paths & set(pages)
    # each article was stored by exactly one of the workers
    assert sum(_stored_by(env.log(f"worker{n}")) for n in (1, 2)) == len(relevant)
    assert redis_server.client().hlen("pressmon:requests:processing") == 0


def test_a_killed_worker_loses_nothing(tmp_path: Path, redis_server: RedisServer, expected) -> None:
    relevant, numbers = expected
    with demo_server.serve_demo() as site:
        env = _crawl_env(tmp_path, site, redis_server)
        env.run("enqueue", "enqueue", archive="shared")
        _create_archive(tmp_path)
        doomed = env.start("doomed", "worker", "--lease", "3", archive="shared")
        # The survivor starts once the doomed worker is crawling: on a loaded machine a
        # slower-starting doomed worker could otherwise find the crawl already done.
        _wait_for(
            lambda: _held_by(redis_server, doomed.pid) > 0,
            timeout=240,
            what="the doomed worker to start crawling",
        )
        survivor = env.start(
            "survivor", "worker", "--max-idle", "6", "--lease", "3", archive="shared"
        )
        # kill it halfway, while it holds leased requests
        _wait_for(
            lambda: (
                len(site.fetched()) >= numbers.discovered // 2
                and _held_by(redis_server, doomed.pid) > 0
            ),
            timeout=240,
            what="the doomed worker to hold leases mid-crawl",
        )
        held = _held_by(redis_server, doomed.pid)
        os.kill(doomed.pid, signal.SIGKILL)
        doomed.wait()
        survivor.wait(timeout=300)
        assert survivor.returncode == 0, env.log("survivor")[-3000:]
        fetched = site.fetched()
        stored = _stored(tmp_path, "shared", site.base_url)

    assert held > 0
    assert stored == relevant  # nothing lost, each article archived once
    assert "đưa lại" in env.log("survivor")  # the survivor took over the dead worker's leases
    # only requests in flight at the kill may have been fetched a second time
    pages = _page_fetches(fetched)
    assert max(pages.values()) <= 2
    assert sum(1 for n in pages.values() if n > 1) <= held
    assert redis_server.client().hlen("pressmon:requests:processing") == 0


def test_a_redis_restart_with_aof_loses_nothing_and_repeats_nothing(
    tmp_path: Path, redis_server_aof: RedisServer, expected
) -> None:
    relevant, numbers = expected
    with demo_server.serve_demo() as site:
        env = _crawl_env(tmp_path, site, redis_server_aof)
        env.run("enqueue", "enqueue", archive="shared")
        _create_archive(tmp_path)
        worker = env.start("worker", "worker", "--max-idle", "4", archive="shared")
        _wait_for(
            lambda: len(site.fetched()) >= numbers.discovered // 2,
            timeout=240,
            what="the crawl to be underway",
        )
        redis_server_aof.shutdown()  # writes the AOF; the worker's client retries meanwhile
        time.sleep(1)
        redis_server_aof.start()
        worker.wait(timeout=300)
        assert worker.returncode == 0, env.log("worker")[-3000:]
        fetched = site.fetched()
        stored = _stored(tmp_path, "shared", site.base_url)

    assert stored == relevant
    assert {path: n for path, n in _page_fetches(fetched).items() if n > 1} == {}
