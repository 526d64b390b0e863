"""The folded index strips diacritics in FTS5's tokenizer (schema v9), fed the text with only đ
replaced: its terms must be exactly `index.text.fold`'s words, which the queries are folded
with, and a contentless index deletes only what it is given again, so updates, deletes and the
upgrade from Python-folded text must leave no term behind."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from index.sqlite_backend import SQLiteArchive
from index.sqlite_rows import DOCUMENT_COLUMNS, document_row, normalized
from index.sqlite_schema import FOLDED_VALUE, MIGRATIONS, migrate
from index.sqlite_tags import TAG_MARK
from index.text import fold, words
from index.types import Query
from tests.index.index_factories import make_doc
from tests.index.old_archives import insert_article

LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
# Every letter inside a word, in both cases, and a sentence whose words carry several marks.
ALPHABET = " ".join(f"x{c}x x{c.upper()}x" for c in LETTERS)
SENTENCE = "Đồng Nai: người lao động được hưởng trợ cấp thất nghiệp, BHXH Đắk Lắk cảnh báo."
V8 = 8  # the last version that folded the text in Python
VIETNEWS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "raw" / "vietnews-bhxh"


@pytest.fixture
def sqlite_archive(tmp_path: Path) -> Iterator[SQLiteArchive]:
    with SQLiteArchive(tmp_path / "archive.sqlite3") as archive:
        yield archive


def folded_terms(path: Path) -> set[str]:
    """The words in the folded index (filter tags left out)."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, articles_folded, row)")
        terms = {term for (term,) in db.execute("SELECT term FROM temp.v")}
    db.close()
    return {term for term in terms if not term.startswith(TAG_MARK)}


def expected_terms(*texts: str) -> set[str]:
    return {w for text in texts for w in words(fold(text))}


@pytest.mark.parametrize(
    ("title", "body"), [(ALPHABET, SENTENCE), (SENTENCE, ALPHABET.upper()), ("", SENTENCE)]
)
def test_the_folded_index_holds_the_words_of_the_python_fold(
    sqlite_archive: SQLiteArchive, tmp_path: Path, title: str, body: str
) -> None:
    sqlite_archive.upsert(
        [make_doc("a", title=title or "x", body=body, seo_title="Lương hưu Đà Nẵng")]
    )
    assert folded_terms(tmp_path / "archive.sqlite3") == expected_terms(
        title or "x", body, "Lương hưu Đà Nẵng"
    )


def test_updates_and_deletes_leave_no_folded_term_behind(
    sqlite_archive: SQLiteArchive, tmp_path: Path
) -> None:
    archive = sqlite_archive
    path = tmp_path / "archive.sqlite3"
    doc = make_doc("a", title="Đắk Lắk", body=SENTENCE, seo_title="Trợ cấp")
    archive.upsert([doc])
    archive.upsert([replace(doc, body="Lương hưu tháng 7", seo_title="")])
    assert folded_terms(path) == expected_terms("Đắk Lắk", "Lương hưu tháng 7")
    assert [h.document.id for h in archive.search(Query(text="dak lak luong huu")).hits] == ["a"]
    assert archive.search(Query(text="dong nai")).total == 0
    assert archive.delete("a")
    assert folded_terms(path) == set()


def test_a_version_8_archive_gets_its_folded_index_made_by_the_tokenizer(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    docs = [
        make_doc("a", title="Đồng Nai", body=SENTENCE),
        make_doc("b", title="Lương hưu", body=ALPHABET, seo_title="Đà Nẵng"),
    ]
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:V8])
    for doc in docs:  # as version 8 wrote them: the folded index given Python-folded text
        row = document_row(normalized(doc))
        insert_article(conn, row, DOCUMENT_COLUMNS)
        values = (row["title"], row["body"], row["tags"], row["seo_title"], doc.id)
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, body, tags, seo_title) "
            "SELECT rowid, ?, ?, ?, ? FROM articles WHERE id = ?",
            values,
        )
        conn.execute(
            "INSERT INTO articles_folded (rowid, title, body, tags, seo_title) "
            "SELECT rowid, ?, ?, ?, ? FROM articles WHERE id = ?",
            (fold(values[0]), fold(values[1]), values[2], fold(values[3]), doc.id),
        )
    conn.close()

    with SQLiteArchive(path) as archive:
        assert folded_terms(path) == expected_terms(
            *(text for doc in docs for text in (doc.title, doc.body, doc.seo_title))
        )
        assert {h.document.id for h in archive.search(Query(text="dong nai")).hits} == {"a"}
        assert {h.document.id for h in archive.search(Query(text="da nang")).hits} == {"b"}
        # Deleting through the new tokenizer removes what the upgrade wrote, term for term.
        assert archive.delete("a") and archive.delete("b")
        assert folded_terms(path) == set()


@pytest.mark.shared
def test_the_tokenizer_and_the_python_fold_agree_on_real_articles() -> None:
    """Word for word, in order, on every title, abstract and body of the real articles."""
    if not VIETNEWS.is_dir():
        pytest.skip(f"{VIETNEWS} not available (../shared is not part of the repository)")
    texts = [
        article[field]
        for name in ("bhxh_articles.jsonl", "other_articles_random1500.jsonl")
        for line in (VIETNEWS / name).read_text(encoding="utf-8").splitlines()
        for article in [json.loads(line)]
        for field in ("title", "abstract", "body")
    ]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5 (x, tokenize='unicode61 remove_diacritics 2')")
    db.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, t, instance)")
    db.executemany(
        f"INSERT INTO t (rowid, x) VALUES (?, {FOLDED_VALUE.format(value='?')})", enumerate(texts)
    )
    tokens: list[list[str]] = [[] for _ in texts]
    for term, doc in db.execute("SELECT term, doc FROM temp.v ORDER BY doc, offset"):
        tokens[doc].append(term)
    db.close()
    assert len(texts) > 8_000
    disagreeing = [n for n, text in enumerate(texts) if tokens[n] != words(fold(text))]
    assert disagreeing == []
