"""open_archive: the backend registry and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import index
from index import open_archive
from index.errors import SearchIndexError
from index.sqlite_backend import SQLiteArchive
from tests.index.index_factories import CONTRACT_BACKENDS


def test_every_registered_backend_runs_the_contract_suite() -> None:
    assert set(index.BACKENDS) == set(CONTRACT_BACKENDS)


def test_unknown_backend_names_the_allowed_ones() -> None:
    with pytest.raises(SearchIndexError, match=r"'whoosh'.*\['elasticsearch', 'sqlite'\]"):
        open_archive("whoosh")


def test_sqlite_needs_a_path() -> None:
    with pytest.raises(SearchIndexError, match="path"):
        open_archive("sqlite")


def test_elasticsearch_needs_a_url() -> None:
    pytest.importorskip("elasticsearch")
    with pytest.raises(SearchIndexError, match="PRESSMON_ELASTICSEARCH_URL"):
        open_archive("elasticsearch")


def test_open_sqlite(tmp_path: Path) -> None:
    archive = open_archive("sqlite", path=tmp_path / "a.sqlite3", timezone="Asia/Bangkok")
    try:
        assert isinstance(archive, SQLiteArchive) and archive.name == "sqlite"
    finally:
        archive.close()


def test_public_names_are_exported() -> None:
    assert {"open_archive", "Archive", "Document", "Query", "SearchIndexError"} <= set(
        index.__all__
    )
    assert all(hasattr(index, name) for name in index.__all__)
