"""Readers do not wait for each other or for a writer; the queue and the similar-items list read
what they need without rescanning. No timing assertions: speed is benchmarks/web_load.py's."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

from index.base import Archive
from index.types import Query, ReviewEvent
from pressmon.review.similar import DecidedTitles
from pressmon.web.ttl_cache import TtlCache


def test_reads_go_on_while_another_process_holds_the_write_lock(archive, settings) -> None:
    other = sqlite3.connect(settings.archive.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a writer mid-transaction, e.g. `pressmon ingest`
    other.execute("UPDATE articles SET title = title || '' WHERE id = 'doc005'")
    try:
        with ThreadPoolExecutor(8) as pool:
            results = list(
                pool.map(lambda _: archive.search(Query(text="lương hưu")).total, range(32))
            )
        assert len(set(results)) == 1 and results[0] > 0
        assert archive.get("doc003") is not None
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_concurrent_readers_and_a_writer_see_no_errors(archive, document_factory) -> None:
    errors: list[BaseException] = []
    done = threading.Event()

    def write() -> None:
        try:
            for start in range(100, 400, 50):
                archive.upsert(document_factory(n) for n in range(start, start + 50))
        except BaseException as err:  # noqa: BLE001 (reported below)
            errors.append(err)
        finally:
            done.set()

    def read(i: int) -> int:
        seen = 0
        while not done.is_set() or seen == 0:
            seen += len(archive.search(Query(text="lương hưu", page=1 + i % 2)).hits)
            seen += len(archive.triage_entries(Query(), 100)[0])
            archive.get("doc003")
        return seen

    writer = threading.Thread(target=write)
    writer.start()
    with ThreadPoolExecutor(6) as pool:
        counts = list(pool.map(read, range(6)))
    writer.join()
    assert not errors and all(counts)
    assert archive.search(Query(text="lương hưu", page_size=1)).total >= 300


def test_triage_entries_match_the_generic_implementation(archive) -> None:
    for query in (Query(), Query(tiers=frozenset({"urgent"})), Query(outlets=frozenset({"x"}))):
        lean = archive.triage_entries(query, 3)
        generic = Archive.triage_entries(archive, query, 3)
        assert lean == generic


def test_similar_items_are_read_once_and_refreshed_after_a_decision(archive) -> None:
    loads = []
    real_walk = archive.iter_documents

    class Counting:
        def iter_documents(self, page_size=100, *, query=None):
            loads.append(query)
            return real_walk(page_size, query=query)

        def get_many(self, document_ids):
            return archive.get_many(document_ids)

    now = [0.0]
    titles = DecidedTitles(Counting(), max_age=60, clock=lambda: now[0])  # type: ignore[arg-type]
    doc = archive.get("doc003")
    assert titles.similar(doc) == [] and titles.similar(doc) == []
    assert len(loads) == 1  # the second page view read nothing
    archive.record_review(ReviewEvent("doc004", "an", doc.published_at, "unstarted", "false"))
    assert titles.similar(doc) == []  # within max_age and not told: the copy is kept
    titles.invalidate()
    assert [s.document.id for s in titles.similar(doc)] == ["doc004"]
    now[0] = 61.0
    titles.similar(doc)
    assert len(loads) == 3


def test_pages_read_the_expired_copy_while_one_rebuilds_it(archive) -> None:
    archive.record_review(
        ReviewEvent("doc004", "an", archive.get("doc004").published_at, "unstarted", "false")
    )
    rebuilding, release = threading.Event(), threading.Event()
    real_walk = archive.iter_documents

    class Slow:
        loads = 0

        def iter_documents(self, page_size=100, *, query=None):
            Slow.loads += 1
            if Slow.loads == 2:  # the rebuild after max_age: hold it until told
                rebuilding.set()
                release.wait(30)
            return real_walk(page_size, query=query)

        def get_many(self, document_ids):
            return archive.get_many(document_ids)

    now = [0.0]
    titles = DecidedTitles(Slow(), max_age=60, clock=lambda: now[0])  # type: ignore[arg-type]
    doc = archive.get("doc003")
    assert [s.document.id for s in titles.similar(doc)] == ["doc004"]
    now[0] = 61.0
    with ThreadPoolExecutor(2) as pool:
        rebuilder = pool.submit(titles.similar, doc)
        assert rebuilding.wait(30)
        # Another page meanwhile: served the expired copy at once, no second rebuild.
        served = pool.submit(titles.similar, doc).result(timeout=30)
        assert [s.document.id for s in served] == ["doc004"]
        release.set()
        assert [s.document.id for s in rebuilder.result(timeout=30)] == ["doc004"]
    assert Slow.loads == 2
    titles.similar(doc)
    assert Slow.loads == 2  # the rebuilt copy is fresh


def test_ttl_cache_serves_until_max_age_then_recomputes() -> None:
    now = [0.0]
    cache: TtlCache[int] = TtlCache(30, max_entries=2, clock=lambda: now[0])
    computed: list[int] = []

    def compute(value: int):
        def run() -> int:
            computed.append(value)
            return value

        return run

    assert cache.get("a", compute(1)) == 1 and cache.get("a", compute(2)) == 1
    now[0] = 31.0
    assert cache.get("a", compute(3)) == 3
    cache.get("b", compute(4)), cache.get("c", compute(5))  # "a" is evicted (two entries)
    assert cache.get("a", compute(6)) == 6 and computed == [1, 3, 4, 5, 6]


def test_the_kept_triage_read_follows_every_commit(archive, settings, document_factory) -> None:
    before, _ = archive.triage_entries(Query(), 100)
    assert archive.triage_entries(Query(), 100)[0] == before  # kept: nothing changed
    archive.record_review(ReviewEvent("doc003", "an", before[0].published_at, "unstarted", "false"))
    assert {e.id: e.review_status for e in archive.triage_entries(Query(), 100)[0]}["doc003"] == (
        "false"
    )
    other = sqlite3.connect(settings.archive.path, isolation_level=None)  # another process
    other.execute("UPDATE articles SET tier = 'low' WHERE id = 'doc003'")
    other.close()
    assert "doc003" not in {e.id for e in archive.triage_entries(Query(), 100)[0]}


def test_ttl_cache_serves_the_expired_value_while_one_request_recomputes() -> None:
    now = [0.0]
    cache: TtlCache[int] = TtlCache(30, clock=lambda: now[0])
    assert cache.get("k", lambda: 1) == 1
    now[0] = 31.0
    computing, release = threading.Event(), threading.Event()

    def slow() -> int:
        computing.set()
        release.wait(30)
        return 2

    with ThreadPoolExecutor(2) as pool:
        recomputing = pool.submit(cache.get, "k", slow)
        assert computing.wait(30)
        assert pool.submit(cache.get, "k", lambda: 3).result(timeout=30) == 1  # not recomputed
        release.set()
        assert recomputing.result(timeout=30) == 2
    assert cache.get("k", lambda: 4) == 2
