"""Property tests: week buckets agree three ways; any text is a safe query; documents round-trip."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.errors import QueryError
from index.sqlite_backend import SQLiteArchive
from index.sqlite_query import bucket_date, bucket_expression, bucket_params
from index.sqlite_rows import normalized, to_us
from index.types import Query
from index.weeks import bucket_start, fixed_utc_offset
from tests.index.index_factories import make_doc

PROFILE = settings(max_examples=60, derandomize=True, deadline=None)
ZONES = ["Asia/Ho_Chi_Minh", "Asia/Tokyo", "Asia/Kolkata", "UTC", "Asia/Kathmandu"]
VIETNAMESE = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
viet_text = st.text(
    alphabet=st.sampled_from(
        VIETNAMESE + VIETNAMESE.upper() + " .,;:!?\"'()-\n\t0123456789" + "🙂\x00\x01\u200b<>&"
    ),
    max_size=300,
)
moments = st.datetimes(
    # The SQLite archive assumes the zone's 1990–2050 offset (index.weeks.fixed_utc_offset).
    min_value=datetime(1990, 1, 1),
    max_value=datetime(2050, 12, 31),
    timezones=st.just(UTC),
)


def reference_week(moment: datetime, zone: ZoneInfo) -> date:
    local = moment.astimezone(zone).date()
    return local - timedelta(days=local.isoweekday() - 1)


@PROFILE
@given(moment=moments, zone_name=st.sampled_from(ZONES))
def test_week_bucket_matches_reference_and_sqlite(moment: datetime, zone_name: str) -> None:
    zone = ZoneInfo(zone_name)
    python = bucket_start(moment, zone, "week")
    assert python == reference_week(moment, zone)
    assert python.isoweekday() == 1 and 0 <= (moment.astimezone(zone).date() - python).days < 7
    assert _sqlite_bucket(moment, zone, "week") == python
    assert _sqlite_bucket(moment, zone, "month") == bucket_start(moment, zone, "month")


def _sqlite_bucket(moment: datetime, zone: ZoneInfo, interval: str) -> date:
    offset = int(fixed_utc_offset(zone).total_seconds())
    with sqlite3.connect(":memory:") as conn:
        (key,) = conn.execute(
            f"SELECT {bucket_expression()} FROM (SELECT :us AS published_us) a",
            {"us": to_us(moment), **bucket_params(interval, offset)},  # type: ignore[arg-type]
        ).fetchone()
    return bucket_date(key, interval)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteArchive]:
    archive = SQLiteArchive(tmp_path_factory.mktemp("props") / "archive.sqlite3")
    archive.upsert(
        [
            make_doc("a", title="Tin giả về lương hưu", body='Cảnh báo "tin giả" (NOT OR *) x:y'),
            make_doc("b", title="Gia nhập hội", body="bao hiem xa hoi"),
        ]
    )
    yield archive
    archive.close()


@PROFILE
@given(text=st.text(max_size=600))
def test_any_text_is_a_safe_query(small_archive: SQLiteArchive, text: str) -> None:
    for sort in ("relevance", "date"):
        try:
            page = small_archive.search(Query(text=text, sort=sort))
        except QueryError as err:
            assert str(err)
        else:
            assert 0 <= len(page.hits) <= page.total <= 2
            assert small_archive.counts(Query(text=text)).total == page.total


@PROFILE
@given(
    title=viet_text,
    body=viet_text,
    province=st.none() | viet_text,
    topics=st.lists(st.sampled_from(["bhyt", "bhtn", "thu_no_dong"]), unique=True),
    moment=moments,
)
def test_documents_round_trip(
    tmp_path_factory: pytest.TempPathFactory,
    title: str,
    body: str,
    province: str | None,
    topics: list[str],
    moment: datetime,
) -> None:
    path = tmp_path_factory.mktemp("round") / "archive.sqlite3"
    archive = SQLiteArchive(Path(path))
    doc = make_doc(
        "x",
        title=title,
        body=body,
        province=province,
        topics=tuple(topics),
        published_at=moment,
        flag_details={"lý do": [title]},
    )
    try:
        archive.upsert([doc])
        assert archive.get("x") == normalized(doc)
    finally:
        archive.close()
