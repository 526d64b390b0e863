"""Upgrading a version 9 archive takes out the invisible characters ingestion now removes
(`vntext.normalize.INVISIBLE`) from the articles stored before, so a word hidden with one in a
scam post is found by its letters, as in a fresh ingest."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from index.sqlite_backend import SQLiteArchive
from index.sqlite_schema import MIGRATIONS, SCHEMA_VERSION, migrate
from index.sqlite_writes import prepare, write_batch
from index.types import Document, Query
from tests.index.index_factories import VN, make_doc
from vntext.normalize import INVISIBLE

HIDDEN = make_doc(
    "hidden",
    title="\u200bCảnh báo rút bả\u200bo hiểm",
    body="Nhận tiền bả\u200bo hiể\u00adm xã hội một lần ở Thanh Ho\u200bá.",
    seo_title="Lừ\u2060a đảo rút tiền",
    flag_details={"reasons": [{"kind": "sentence", "text": "Nhận tiền bả\u200bo hiểm"}]},
)
PLAIN = make_doc("plain", title="Lương hưu tháng 7", body="Chi trả đúng hạn.")


def _version_9_archive(tmp_path: Path, docs: list[Document]) -> Path:
    """An archive of schema version 9 holding `docs` as that version stored them."""
    path = tmp_path / "archive.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:9])
    write_batch(conn, prepare(docs))
    conn.close()
    return path


def _row(conn: sqlite3.Connection, doc_id: str) -> tuple[object, ...]:
    return conn.execute("SELECT * FROM articles WHERE id = ?", (doc_id,)).fetchone()


def test_a_version_9_archive_loses_the_invisible_characters_of_its_articles(
    tmp_path: Path,
) -> None:
    path = _version_9_archive(tmp_path, [HIDDEN, PLAIN])  # stored with the characters
    conn = sqlite3.connect(path)
    plain_before = _row(conn, "plain")
    conn.close()

    archive = SQLiteArchive(path, timezone=VN)

    def ids(text: str) -> set[str]:
        return {hit.document.id for hit in archive.search(Query(text=text)).hits}

    assert ids("bảo hiểm") == ids("bao hiem") == ids('"rút bảo hiểm"') == {"hidden"}
    assert ids("lừa đảo") == ids("thanh hóa") == {"hidden"}
    assert ids("bả") == set()  # no split word left in either index
    stored = archive.get("hidden")
    assert stored is not None
    assert stored.title == "Cảnh báo rút bảo hiểm"
    assert stored.body == "Nhận tiền bảo hiểm xã hội một lần ở Thanh Hóa."
    assert stored.seo_title == "Lừa đảo rút tiền"
    assert stored.flag_details == {"reasons": [{"kind": "sentence", "text": "Nhận tiền bảo hiểm"}]}
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    assert _row(raw, "plain") == plain_before
    assert ids("lương hưu") == {"plain"}
    # Both indexes hold exactly the stored text: FTS5 checks it, and a change deletes it.
    archive.upsert([replace(stored, body=f"{stored.body} Cảnh giác.")])
    raw.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    raw.execute("INSERT INTO articles_folded (articles_folded) VALUES ('integrity-check')")
    assert ids("bảo hiểm") == ids("cảnh giác") == {"hidden"}
    archive.close()
    rows = raw.execute("SELECT title || body || seo_title || flag_details FROM articles")
    assert INVISIBLE.isdisjoint("".join(text for (text,) in rows))


def test_an_seo_title_equal_to_its_cleaned_headline_is_dropped_as_an_ingest_drops_it(
    tmp_path: Path,
) -> None:
    doc = make_doc("seo", title="Rút bả\u200bo hiểm", seo_title="Rút bảo hi\u00adểm")
    path = _version_9_archive(tmp_path, [doc])
    with SQLiteArchive(path, timezone=VN) as archive:
        stored = archive.get("seo")
        assert stored is not None
        assert (stored.title, stored.seo_title) == ("Rút bảo hiểm", "")
        assert [h.document.id for h in archive.search(Query(text="bảo hiểm")).hits] == ["seo"]
