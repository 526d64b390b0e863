"""SQLite-only behaviour: pragmas, migrations, index sync, append-only audit, threads."""

from __future__ import annotations

import random
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from index.errors import (
    ArchiveBusy,
    QueryError,
    SchemaVersionError,
    SearchIndexError,
    TimezoneError,
)
from index.query_parser import parse_query
from index.sqlite_backend import SQLiteArchive
from index.sqlite_query import (
    RANK_WINDOW,
    bucket_date,
    counts_sql,
    search_sql,
    sorted_matches_sql,
    story_sql,
    walk_dates,
)
from index.sqlite_rows import DOCUMENT_COLUMNS, document_row, review_row
from index.sqlite_schema import MIGRATIONS, SCHEMA_VERSION, migrate
from index.sqlite_tags import TAG_MARK
from index.text import fold
from index.types import (
    UNKNOWN_GROUP,
    Document,
    GroupBy,
    Interval,
    Query,
    ReviewEvent,
    SearchPage,
)
from tests.index.index_factories import make_doc
from tests.index.old_archives import BEFORE_V6_COLUMNS, insert_article, write_before_v6


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "archive.sqlite3"


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def _fts_ok(conn: sqlite3.Connection) -> None:
    # Raises sqlite3.DatabaseError if an FTS index disagrees with its content.
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    conn.execute("INSERT INTO articles_folded (articles_folded) VALUES ('integrity-check')")


def test_wal_and_schema_version(path: Path) -> None:
    SQLiteArchive(path).close()
    conn = _raw(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_reopening_keeps_data_and_does_not_migrate_again(path: Path) -> None:
    archive = SQLiteArchive(path)
    archive.upsert([make_doc("a")])
    archive.close()
    archive = SQLiteArchive(path)
    assert archive.get("a") is not None
    archive.close()
    rows = _raw(path).execute("SELECT count(*) FROM schema_version").fetchone()[0]
    assert rows == SCHEMA_VERSION


def test_newer_schema_is_refused(path: Path) -> None:
    SQLiteArchive(path).close()
    _raw(path).execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION + 1,))
    with pytest.raises(SchemaVersionError, match="mới hơn"):
        SQLiteArchive(path)


def test_pending_migrations_apply_in_order(path: Path) -> None:
    SQLiteArchive(path).close()
    conn = _raw(path)
    extra = (*MIGRATIONS, "CREATE TABLE extra_one (x);", "CREATE TABLE extra_two (y);")
    assert migrate(conn, extra) == SCHEMA_VERSION + 2
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"extra_one", "extra_two"} <= names


@pytest.mark.parametrize(
    ("from_version", "to_version", "rebuilds"),
    [
        (5, SCHEMA_VERSION, True),
        (7, 8, False),  # an index on the articles table only
        (8, 9, True),  # the folded index is filled again
        (9, 10, False),  # only articles holding invisible characters are indexed again
    ],
)
def test_the_upgrade_warning_says_whether_search_indexes_are_rebuilt(
    path: Path,
    caplog: pytest.LogCaptureFixture,
    from_version: int,
    to_version: int,
    rebuilds: bool,
) -> None:
    conn = _raw(path)
    migrate(conn, MIGRATIONS[:from_version])
    with caplog.at_level("WARNING", logger="index.sqlite_schema"):
        assert migrate(conn, MIGRATIONS[:to_version]) == to_version
    (message,) = [r.getMessage() for r in caplog.records]
    assert message.startswith(f"Nâng cấp kho lưu trữ từ phiên bản lược đồ {from_version} lên")
    assert ("dựng lại chỉ mục tìm kiếm" in message) is rebuilds


def test_a_failing_migration_leaves_the_previous_version(path: Path) -> None:
    SQLiteArchive(path).close()
    conn = _raw(path)
    with pytest.raises(sqlite3.Error):
        migrate(conn, (*MIGRATIONS, "CREATE TABLE half (x); THIS IS NOT SQL;"))
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half" not in names


def test_not_a_database_is_a_clear_error(path: Path) -> None:
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(SearchIndexError, match="tệp không phải cơ sở dữ liệu SQLite"):
        SQLiteArchive(path)


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York"])
def test_zones_with_daylight_saving_are_refused(path: Path, zone: str) -> None:
    with pytest.raises(TimezoneError, match="daylight saving"):
        SQLiteArchive(path, timezone=zone)


def test_unknown_zone(path: Path) -> None:
    with pytest.raises(TimezoneError, match="Mars/Olympus"):
        SQLiteArchive(path, timezone="Mars/Olympus")


def test_fts_indexes_stay_in_sync_through_updates_and_deletes(path: Path) -> None:
    archive = SQLiteArchive(path, batch_size=3)
    archive.upsert(make_doc(f"d{i}", body=f"Bài số {i} về bảo hiểm y tế") for i in range(10))
    archive.upsert([make_doc("d1", body="Nội dung mới về lương hưu"), make_doc("d2")])
    archive.delete("d3")
    archive.upsert([make_doc("d1", body="Nội dung mới về lương hưu")])  # unchanged text
    conn = _raw(path)
    _fts_ok(conn)
    assert archive.search(Query(text="y tế")).total == 7
    assert archive.search(Query(text="luong huu")).total == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_province_and_topic_tables_follow_updates(path: Path) -> None:
    archive = SQLiteArchive(path)
    archive.upsert([make_doc("a", province="Huế", provinces=("Huế", "Đà Nẵng"), topics=("bhyt",))])
    archive.upsert([make_doc("a", province="Cần Thơ", provinces=(), topics=("bhtn",))])
    assert archive.search(Query(provinces=frozenset({"Huế"}))).total == 0
    assert archive.search(Query(provinces=frozenset({"Đà Nẵng"}))).total == 0
    assert archive.search(Query(provinces=frozenset({"Cần Thơ"}))).total == 1
    assert archive.search(Query(topics=frozenset({"bhyt"}))).total == 0
    archive.delete("a")
    conn = _raw(path)
    assert conn.execute("SELECT count(*) FROM article_provinces").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM article_topics").fetchone()[0] == 0


def test_review_log_is_append_only_in_the_database(path: Path) -> None:
    archive = SQLiteArchive(path)
    archive.upsert([make_doc("a")])
    archive.record_review(
        ReviewEvent("a", "kiemduyet", datetime.now(UTC), "unstarted", "in_progress")
    )
    conn = _raw(path)
    for statement in ("UPDATE reviews SET note = 'sửa'", "DELETE FROM reviews"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(statement)
    archive.delete("a")
    assert len(archive.review_history("a")) == 1  # the audit outlives the article


def test_iter_documents_pages_newest_first(path: Path) -> None:
    archive = SQLiteArchive(path)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    archive.upsert(make_doc(f"d{i}", published_at=start + timedelta(days=i % 4)) for i in range(9))
    seen = list(archive.iter_documents(page_size=2))
    assert sorted(d.id for d in seen) == sorted(f"d{i}" for i in range(9))
    assert [d.published_at for d in seen] == sorted((d.published_at for d in seen), reverse=True)


def test_threads_share_one_archive(path: Path) -> None:
    archive = SQLiteArchive(path, batch_size=7)
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for n in range(5):
                archive.upsert(
                    make_doc(f"w{worker}-{n}-{i}", body="chi trả lương hưu") for i in range(20)
                )
        except BaseException as err:  # collected and asserted below
            errors.append(err)

    def read() -> None:
        try:
            for _ in range(30):
                archive.search(Query(text="lương hưu"))
                archive.counts(Query(), group_by="outlet")
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(3)]
    threads += [threading.Thread(target=read) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert archive.search(Query(text="lương hưu")).total == 3 * 5 * 20


def test_a_repeated_search_is_served_until_the_next_commit_from_any_connection(
    path: Path,
) -> None:
    archive = SQLiteArchive(path)
    archive.upsert(make_doc(f"d{i}", body="chi trả lương hưu") for i in range(3))
    query = Query(text="lương hưu")
    first = archive.search(query)
    assert archive.search(query) is first  # not searched again
    other = _raw(path)  # another writer, as `pressmon ingest` in its own process
    other.execute("UPDATE articles SET review_status = 'false' WHERE id = 'd1'")
    other.close()
    again = archive.search(query)
    assert again is not first and again.total == 3
    assert {h.document.id: h.document.review_status for h in again.hits}["d1"] == "false"
    archive.upsert([make_doc("d9", body="lương hưu tháng này")])  # this archive's own writes
    assert archive.search(query).total == 4


def test_get_many_reads_a_page_in_the_order_asked(path: Path) -> None:
    archive = SQLiteArchive(path)
    archive.upsert(make_doc(f"d{i}") for i in range(4))
    assert [d.id for d in archive.get_many(["d2", "missing", "d0", "d3"])] == ["d2", "d0", "d3"]
    assert archive.get_many([]) == []


def test_naive_datetimes_are_refused(path: Path) -> None:
    archive = SQLiteArchive(path)
    with pytest.raises(ValueError, match="naive"):
        archive.upsert([make_doc("a", published_at=datetime(2024, 1, 1))])
    assert archive.stats().documents == 0


def test_relevance_pages_stop_at_the_rank_window(path: Path) -> None:
    archive = SQLiteArchive(path)
    archive.upsert([make_doc("a", body="lương hưu")])
    past = RANK_WINDOW // 20 + 1
    with pytest.raises(QueryError, match="ngày"):
        archive.search(Query(text="lương hưu", page=past, page_size=20))
    assert archive.search(Query(text="lương hưu", sort="date", page=past)).hits == ()
    assert archive.search(Query(text="lương hưu", page=past - 1)).total == 1


@pytest.mark.parametrize("text", ["chậm đóng", "cham dong"])
def test_words_typed_together_rank_as_a_phrase_then_side_by_side_then_apart(
    path: Path, text: str
) -> None:
    # bm25 alone would rank the shortest text first. (Elasticsearch ranks the first two tiers
    # as one, by score.) A province filter narrows the side-by-side search inside FTS5 too.
    filler = " ".join(f"Đoạn {i} kể chuyện khác của địa phương." for i in range(30))
    archive = SQLiteArchive(path)
    others = [make_doc(f"other{i}", province="Huế", body="Tin khác.") for i in range(9)]
    archive.upsert(
        [
            *others,
            make_doc("apart", province="Cần Thơ", title="Chậm", body="Đóng cửa."),
            make_doc("side", province="Cần Thơ", body=f"{filler} Đã đóng chậm."),
            make_doc("phrase", province="Cần Thơ", body=f"{filler} {filler} Họ chậm đóng."),
        ]
    )
    expected = ["phrase", "side", "apart"]
    for provinces in (frozenset(), frozenset({"Cần Thơ"})):
        query = Query(text=text, provinces=provinces)
        assert [h.document.id for h in archive.search(query).hits] == expected
        pages = [archive.search(replace(query, page=p, page_size=1)).hits for p in (1, 2, 3)]
        assert [h.document.id for page in pages for h in page] == expected


def test_dense_and_sparse_date_plans_agree(path: Path) -> None:
    archive = SQLiteArchive(path, batch_size=100)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    archive.upsert(
        make_doc(
            f"d{i}",
            body="lương hưu" if i % 3 else "bảo hiểm y tế",
            province="Huế" if i % 2 else "Cần Thơ",
            published_at=start + timedelta(hours=(i * 37) % 500),
        )
        for i in range(1000)
    )
    for query in (
        Query(text="luong huu", sort="date", page=3, page_size=25),
        Query(text="lương hưu", sort="date", provinces=frozenset({"Huế"})),
    ):
        parsed = parse_query(query.text)
        window = archive._window(query)
        pages = [
            [
                tuple(r)
                for r in archive._conn.execute(
                    *search_sql(
                        query,
                        parsed,
                        window,
                        query.page_size,
                        (query.page - 1) * query.page_size,
                        dense=dense,
                    )
                )
            ]
            for dense in (False, True)
        ]
        assert pages[0] == pages[1] and len(pages[0]) == query.page_size
        # Gathering the matches once gives the same page, and their count, below its cap ...
        offset = (query.page - 1) * query.page_size
        matched = archive.search(replace(query, page_size=200)).total
        gathered = archive._conn.execute(
            *sorted_matches_sql(query, parsed, window, 10_001, query.page_size, offset)
        ).fetchall()
        assert [(r["doc"],) for r in gathered[:-1]] == pages[0]
        assert tuple(gathered[-1])[:2] == (1, matched)
        # ... and at its cap only says so, leaving the page to the walk.
        capped = archive._conn.execute(
            *sorted_matches_sql(query, parsed, window, 10, query.page_size, offset)
        ).fetchall()
        assert [tuple(r) for r in capped] == [(1, 10, None)]
    total = archive.search(Query(text="lương hưu", sort="date")).total
    assert walk_dates(total, 1000, 20)  # the archive's own search takes the walking plan


def test_two_processes_can_create_the_same_new_archive(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "new.db"
    code = (
        "import sys; from index import open_archive; "
        "a = open_archive('sqlite', path=sys.argv[1]); a.close()"
    )
    children = [
        subprocess.Popen([sys.executable, "-c", code, str(path)], stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    errors = [child.communicate(timeout=120)[1].decode() for child in children]
    assert [child.returncode for child in children] == [0, 0, 0, 0], errors


def _raw_counts(
    archive: SQLiteArchive, query: Query, group_by: GroupBy | None, interval: Interval
) -> dict[tuple[str, object], int]:
    """Counts computed from the articles themselves, bypassing daily_counts."""
    sql, params = counts_sql(
        query,
        parse_query(""),
        archive._window(query),
        group_by=group_by,
        interval=interval,
        offset_seconds=7 * 3600,
    )
    counts: dict[tuple[str, object], int] = {}
    for group, key, n in archive._conn.execute(sql, params):
        cell = (group, bucket_date(key, interval))
        counts[cell] = counts.get(cell, 0) + n
    return counts


def test_daily_counts_follow_inserts_updates_and_deletes(path: Path) -> None:
    archive = SQLiteArchive(path, batch_size=7)
    rng = random.Random(5)
    start = datetime(2024, 12, 20, tzinfo=UTC)
    provinces = ("Huế", "Cần Thơ", None)

    def doc(i: int) -> Document:
        return make_doc(
            f"d{i}",
            province=rng.choice(provinces),
            outlet=rng.choice(("a", "b")),
            kind=rng.choice(("provincial", "national")),
            published_at=start + timedelta(hours=rng.randrange(24 * 30)),
        )

    archive.upsert(doc(i) for i in range(120))
    archive.upsert(doc(rng.randrange(120)) for _ in range(60))  # moves dates, provinces, outlets
    for i in range(0, 120, 9):
        archive.delete(f"d{i}")
    archive.upsert(doc(i) for i in range(0, 120, 18))  # deleted ones come back
    groupings: tuple[GroupBy | None, ...] = (None, "province", "outlet", "kind")
    intervals: tuple[Interval, ...] = ("week", "month")
    for group_by in groupings:
        for interval in intervals:
            for query in (
                Query(),
                Query(kinds=frozenset({"national"})),
                Query(date_from=date(2024, 12, 30), date_to=date(2025, 1, 5)),
            ):
                table = archive.counts(
                    query,
                    group_by=group_by,
                    interval=interval,
                )
                summed = {
                    (g, b): n
                    for g, row in table.rows.items()
                    for b, n in zip(table.buckets, row, strict=True)
                    if n
                }
                assert summed == _raw_counts(archive, query, group_by, interval)
    assert archive.counts(Query()).total == archive.stats().documents
    empty = archive._conn.execute("SELECT count(*) FROM daily_counts WHERE n <= 0").fetchone()[0]
    assert empty == 0


def test_a_version_3_archive_gets_marked_tags_that_no_search_word_matches(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    conn = _raw(path)
    migrate(conn, MIGRATIONS[:3])
    doc = make_doc(
        "hue",
        title="Lương hưu tháng 7",
        body="Bảo hiểm xã hội chi trả.",
        province="Huế",
        provinces=("Huế",),
        published_at=datetime(2024, 5, 2, tzinfo=UTC),
    )
    row = document_row(doc)
    row["tags"] = row["tags"].replace(TAG_MARK, "")  # v3 tags: bare ASCII words
    insert_article(conn, row, BEFORE_V6_COLUMNS)
    for table, title, body in (
        ("articles_fts", doc.title, doc.body),
        ("articles_folded", fold(doc.title), fold(doc.body)),
    ):
        conn.execute(
            f"INSERT INTO {table} (rowid, title, body, tags) "
            "SELECT rowid, ?, ?, tags FROM articles",
            (title, body),
        )
    assert (
        conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'phue'"
        ).fetchone()[0]
        == 1
    )
    conn.close()

    archive = SQLiteArchive(path)
    assert f"từ phiên bản lược đồ 3 lên {SCHEMA_VERSION}" in caplog.text
    assert archive.search(Query(text="phue")).total == 0
    assert archive.search(Query(text="y2024")).total == 0
    narrowed = Query(
        text="lương hưu",
        provinces=frozenset({"Huế"}),
        date_from=date(2024, 5, 1),
        date_to=date(2024, 5, 31),
    )
    assert [h.document.id for h in archive.search(narrowed).hits] == ["hue"]
    assert archive.search(Query(text="luong huu", provinces=frozenset({"Huế"}))).total == 1
    tags = archive._conn.execute("SELECT tags FROM articles").fetchone()[0].split()
    assert tags and all(t.startswith(TAG_MARK) for t in tags)
    archive.upsert([make_doc("hue", title="Tin khác", body="Không còn lương hưu.")])
    _fts_ok(_raw(path))
    assert archive.search(Query(text="chi tra")).total == 0


def test_a_version_2_archive_is_migrated_with_its_indexes_rebuilt(path: Path) -> None:
    conn = _raw(path)
    migrate(conn, MIGRATIONS[:2])
    docs = [
        make_doc(
            "hue",
            title="Lương hưu tháng 7",
            body="Bảo hiểm xã hội chi trả.",
            province="Huế",
            provinces=("Huế",),
            topics=("luong_huu_chi_tra",),
        ),
        make_doc(
            "ct",
            title="Cảnh báo",
            body="Giả mạo cán bộ bảo hiểm.",
            province="Cần Thơ",
            published_at=datetime(2025, 3, 2, 20, tzinfo=UTC),
        ),
    ]
    v2_columns = [c for c in BEFORE_V6_COLUMNS if c != "tags"]
    for doc in docs:
        row = document_row(doc)
        insert_article(conn, row, v2_columns)  # v2 triggers fill articles_fts
        # v2 code wrote articles_folded itself
        conn.execute(
            "INSERT INTO articles_folded (rowid, title, body) "
            "SELECT rowid, ?, ? FROM articles WHERE id = ?",
            (fold(doc.title), fold(doc.body), doc.id),
        )
    conn.close()

    archive = SQLiteArchive(path)
    assert [h.document.id for h in archive.search(Query(text="luong huu")).hits] == ["hue"]
    assert archive.search(Query(text="giả mạo", provinces=frozenset({"Cần Thơ"}))).total == 1
    assert (
        archive.search(Query(text="bảo hiểm", topics=frozenset({"luong_huu_chi_tra"}))).total == 1
    )
    assert archive.counts(Query(), group_by="province").rows.keys() == {"Huế", "Cần Thơ"}
    archive.upsert([make_doc("hue", title="Tin khác", body="Không còn lương hưu.")])
    raw = _raw(path)
    _fts_ok(raw)
    assert archive.search(Query(text="luong huu")).total == 1
    assert archive.search(Query(text="chi tra")).total == 0


def _write_as_version_4(path: Path, docs: Sequence[Document], events: Sequence[ReviewEvent]):
    """A version 4 archive: rows, indexes and counts as v4 code wrote them."""
    conn = _raw(path)
    migrate(conn, MIGRATIONS[:4])
    write_before_v6(conn, docs)
    for event in events:
        row = review_row(event)
        conn.execute(
            f"INSERT INTO reviews ({', '.join(row)}) VALUES ({', '.join(':' + c for c in row)})",
            row,
        )
    conn.close()


def test_a_version_4_archive_stores_codes_for_its_vietnamese_tiers_and_statuses(
    path: Path,
) -> None:
    at = datetime(2025, 3, 1, 2, tzinfo=UTC)
    docs = [
        make_doc(
            "scam",
            title="Giả danh cán bộ BHXH",
            risk=0.93,
            tier="cần xem ngay",
            review_status="Sai sự thật",
        ),
        make_doc(
            "rumour",
            title="Tin đồn lương hưu",
            risk=0.6,
            tier="nên xem",
            review_status="Chưa xử lý",
        ),
        make_doc(
            "calm",
            title="Lương hưu tăng",
            risk=0.1,
            tier="không ưu tiên",
            review_status="Chưa xử lý",
        ),
        make_doc("unscored", title="Tin bảo hiểm", review_status="Chưa xử lý"),
    ]
    events = [
        ReviewEvent("scam", "an", at, "Chưa xử lý", "Đang xác minh"),
        ReviewEvent("scam", "an", at + timedelta(minutes=1), "Đang xác minh", "Sai sự thật"),
        ReviewEvent(
            "scam",
            "an",
            at + timedelta(minutes=2),
            "Sai sự thật",
            "Sai sự thật",
            action="follow_up",
            detail={"follow_up": "Đã báo cáo lãnh đạo"},
        ),
        ReviewEvent(
            "scam",
            "lan",
            at + timedelta(minutes=3),
            "Sai sự thật",
            "Sai sự thật",
            action="assign",
            detail={"assignee": "lan", "previous": None},
        ),
    ]
    _write_as_version_4(path, docs, events)

    archive = SQLiteArchive(path)
    raw = _raw(path)
    assert raw.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    stored = {
        row[0]: (row[1], row[2])
        for row in raw.execute("SELECT id, tier, review_status FROM articles")
    }
    assert stored == {
        "scam": ("urgent", "false"),
        "rumour": ("review", "unstarted"),
        "calm": ("low", "unstarted"),
        "unscored": (None, "unstarted"),
    }
    history = archive.review_history("scam")
    assert [(e.status_before, e.status_after) for e in history] == [
        ("unstarted", "in_progress"),
        ("in_progress", "false"),
        ("false", "false"),
        ("false", "false"),
    ]
    assert history[2].detail == {"follow_up": "reported_to_leadership"}
    assert history[3].detail == {"assignee": "lan", "previous": None}
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("UPDATE reviews SET note = 'sửa'")

    def ids(**query: object) -> set[str]:
        return {h.document.id for h in archive.search(Query(**query)).hits}  # type: ignore[arg-type]

    assert ids(tiers=frozenset({"urgent"})) == {"scam"}
    assert ids(tiers=frozenset({"review", "low"})) == {"rumour", "calm"}
    assert ids(flagged_only=True) == {"scam", "rumour"}
    assert ids(text="lương hưu", flagged_only=True) == {"rumour"}
    assert ids(text="luong huu", tiers=frozenset({"low"})) == {"calm"}
    assert ids(review_statuses=frozenset({"false"})) == {"scam"}
    stats = archive.stats()
    assert (stats.flagged, stats.reviewed) == (2, 1)
    _fts_ok(raw)


def test_a_version_5_archive_keeps_all_its_data_and_gains_empty_date_reasoning_and_seo_title(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    docs = [
        make_doc(
            "scored",
            title="Giả danh cán bộ BHXH",
            body="Người dân cần cảnh giác với cuộc gọi lạ.",
            province="Huế",
            provinces=("Huế", "Đà Nẵng"),
            topics=("truc_loi_lua_dao",),
            relevance_reasons=("bhxh",),
            story_id="story-1",
            date_source="json-ld",
            extraction={"title": "css", "published_at": "json-ld"},
            risk=0.91,
            tier="urgent",
            category="C1",
            stance="asserts",
            flag_details={"reasons": [], "uncertainty": 0.2},
            model_version="m-1",
            review_status="false",
        ),
        make_doc("plain", title="Lương hưu tháng 7", body="Bảo hiểm xã hội chi trả."),
    ]
    event = ReviewEvent("scored", "an", datetime(2025, 3, 1, 2, tzinfo=UTC), "unstarted", "false")
    conn = _raw(path)
    migrate(conn, MIGRATIONS[:5])
    write_before_v6(conn, docs)
    row = review_row(event)
    conn.execute(
        f"INSERT INTO reviews ({', '.join(row)}) VALUES ({', '.join(':' + c for c in row)})", row
    )
    conn.close()

    archive = SQLiteArchive(path)
    assert f"từ phiên bản lược đồ 5 lên {SCHEMA_VERSION}" in caplog.text
    for doc in docs:
        stored = archive.get(doc.id)
        assert stored == doc  # every old field kept, the new ones empty
        assert (stored.seo_title, stored.date_reason, stored.date_disagreements) == ("", "", ())
    assert archive.review_history("scored") == (event,)
    assert archive.counts(Query(), group_by="province").rows.keys() == {"Huế", UNKNOWN_GROUP}
    assert {h.document.id for h in archive.search(Query(text="luong huu")).hits} == {"plain"}
    assert archive.search(Query(text="giả danh", provinces=frozenset({"Đà Nẵng"}))).total == 1
    _fts_ok(_raw(path))

    archive.upsert([replace(docs[1], seo_title="Chi trả lương hưu qua tài khoản")])
    assert [h.document.id for h in archive.search(Query(text="tai khoan")).hits] == ["plain"]
    _fts_ok(_raw(path))


def test_a_version_5_archive_keeps_its_filter_rows_and_new_articles_get_theirs(
    path: Path,
) -> None:
    # v5 filled article_provinces and article_topics from an insert trigger, which v7 drops.
    conn = _raw(path)
    migrate(conn, MIGRATIONS[:5])
    old = make_doc(
        "old",
        title="Lương hưu tháng 7",
        province="Huế",
        provinces=("Huế", "Đà Nẵng"),
        topics=("luong_huu_chi_tra",),
    )
    write_before_v6(conn, [old])
    conn.close()

    archive = SQLiteArchive(path)
    new = make_doc(
        "new",
        title="Lương hưu tháng 8",
        province="Đà Nẵng",
        provinces=("Đà Nẵng", "Đà Nẵng"),
        topics=("luong_huu_chi_tra", "gia_mao"),
    )
    archive.upsert([new])
    raw = _raw(path)
    assert raw.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    triggers = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert "articles_ai_filters" not in triggers
    provinces = set(
        raw.execute(
            "SELECT a.id, p.province FROM article_provinces p JOIN articles a ON a.rowid = p.doc"
        )
    )
    assert provinces == {("old", "Huế"), ("old", "Đà Nẵng"), ("new", "Đà Nẵng")}
    topics = set(
        raw.execute("SELECT a.id, t.topic FROM article_topics t JOIN articles a ON a.rowid = t.doc")
    )
    assert topics == {
        ("old", "luong_huu_chi_tra"),
        ("new", "luong_huu_chi_tra"),
        ("new", "gia_mao"),
    }

    def ids(**query: object) -> set[str]:
        return {h.document.id for h in archive.search(Query(**query)).hits}  # type: ignore[arg-type]

    assert ids(text="lương hưu", provinces=frozenset({"Đà Nẵng"})) == {"old", "new"}
    assert ids(text="luong huu", topics=frozenset({"gia_mao"})) == {"new"}
    archive.upsert([replace(new, provinces=("Huế",), province=None, topics=())])
    assert ids(provinces=frozenset({"Đà Nẵng"})) == {"old"}
    assert ids(topics=frozenset({"gia_mao"})) == set()
    assert archive.delete("old")
    assert raw.execute("SELECT count(*) FROM article_provinces").fetchone()[0] == 1
    assert raw.execute("SELECT count(*) FROM article_topics").fetchone()[0] == 0
    _fts_ok(raw)


def test_a_document_row_lists_its_columns_in_insert_order() -> None:
    # The positional INSERT binds `tuple(row.values())`.
    doc = make_doc("x", provinces=("Huế", "Hà Nội"), topics=("gia_mao",), province="Huế")
    assert tuple(document_row(doc)) == DOCUMENT_COLUMNS


class _CountingArchive(SQLiteArchive):
    """Counts the searches that reach SQLite (a page served from memory does not)."""

    searched = 0

    def _search(self, query: Query) -> SearchPage:
        self.searched += 1
        return super()._search(query)


@pytest.mark.parametrize(("memo_pages", "searched"), [(None, 1), (0, 2)])
def test_search_memo_serves_a_repeated_page_unless_turned_off(
    path: Path, memo_pages: int | None, searched: int
) -> None:
    archive = (
        _CountingArchive(path)
        if memo_pages is None
        else _CountingArchive(path, search_memo_pages=memo_pages)
    )
    try:
        archive.upsert([make_doc("a", title="Bảo hiểm xã hội")])
        first = archive.search(Query(text="bảo hiểm"))
        again = archive.search(Query(text="bảo hiểm"))
    finally:
        archive.close()
    assert archive.searched == searched
    assert [h.document.id for h in again.hits] == [h.document.id for h in first.hits] == ["a"]


def test_a_lock_held_past_the_busy_timeout_is_archive_busy_naming_the_file(path: Path) -> None:
    archive = SQLiteArchive(path, busy_timeout=0)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(ArchiveBusy, match=f"kho lưu trữ SQLite '{path}' đang bận"):
            archive.upsert([make_doc("a")])
    finally:
        other.rollback()
        other.close()
    archive.upsert([make_doc("a")])
    assert archive.get("a") is not None
    archive.close()


def test_writes_inside_writing_commit_together_or_not_at_all(path: Path) -> None:
    archive = SQLiteArchive(path)
    archive.upsert([make_doc("a"), make_doc("b")])
    event = ReviewEvent("a", "an", datetime(2024, 2, 2, tzinfo=UTC), "unstarted", "false")
    with pytest.raises(RuntimeError), archive.writing():
        archive.record_review(event)
        raise RuntimeError("the check after the write failed")
    document = archive.get("a")
    assert archive.review_history("a") == ()
    assert document is not None and document.review_status == "unstarted"
    with archive.writing():
        archive.record_review(event)
        archive.record_review(replace(event, document_id="b"))
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")  # another process waits for the whole step
        other.close()
    assert [e.status_after for d in "ab" for e in archive.review_history(d)] == ["false", "false"]
    archive.close()


class _CountingReads(SQLiteArchive):
    """Counts the reads that borrow a connection."""

    reads = 0

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        self.reads += 1
        with super()._read() as conn:
            yield conn


def test_review_histories_are_one_read_per_batch(path: Path, monkeypatch) -> None:
    monkeypatch.setattr("index.sqlite_backend.HISTORY_BATCH", 2)
    archive = _CountingReads(path)
    at = datetime(2024, 2, 2, tzinfo=UTC)
    archive.upsert([make_doc(d) for d in "abcde"])
    for d in "eca":
        archive.record_review(ReviewEvent(d, "an", at, "unstarted", "false"))
    archive.reads = 0
    found = archive.review_histories(list("abcde"))
    assert archive.reads == 3
    assert [len(history) for history in found.values()] == [1, 0, 1, 0, 1]
    archive.close()


def test_a_storys_copies_are_found_through_indexes(path: Path) -> None:
    # The item page and the queue look them up per view: a scan would read every article.
    with SQLiteArchive(path) as archive:
        archive.upsert([make_doc("a", story_id="a"), make_doc("b", story_id="a")])
    params: dict[str, object] = {}
    where = story_sql(["a"], params)
    sql = f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.published_us DESC LIMIT 51"
    conn = sqlite3.connect(path)
    plan = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    found = {row[0] for row in conn.execute(sql, params)}
    conn.close()
    assert "articles_story_copies" in plan and "SCAN" not in plan
    assert found == {"a", "b"}


def test_story_ids_read_the_column_not_the_articles(path: Path, monkeypatch) -> None:
    # The grouped review queue reads thousands of them per view: no article text.
    with SQLiteArchive(path) as archive:
        archive.upsert([make_doc("a", story_id="s"), make_doc("b")])

        def refused(_ids: Sequence[str]) -> list[Document]:
            raise AssertionError("read whole articles")

        monkeypatch.setattr(archive, "get_many", refused)
        assert archive.story_ids(["a", "b", "c"]) == {"a": "s", "b": None}
