"""The backends under contract, and test documents with our own Vietnamese text."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

import pytest

from index.base import Archive
from index.synonyms import Synonyms
from index.types import COUNT_LIMIT, Document

VN = "Asia/Ho_Chi_Minh"
ES_ENV = "PRESSMON_ELASTICSEARCH_URL"


def _sqlite(
    tmp_path: Path, synonyms: Synonyms | None = None, count_limit: int = COUNT_LIMIT
) -> Archive:
    from index.sqlite_backend import SQLiteArchive

    return SQLiteArchive(
        tmp_path / "archive.sqlite3", timezone=VN, synonyms=synonyms, count_limit=count_limit
    )


def _elasticsearch(
    tmp_path: Path, synonyms: Synonyms | None = None, count_limit: int = COUNT_LIMIT
) -> Archive:
    url = os.environ.get(ES_ENV)
    if not url:
        pytest.skip(f"{ES_ENV} is not set: no Elasticsearch server to run the contract against")
    from index.elastic import ElasticsearchArchive

    return ElasticsearchArchive(
        url,
        index_name=f"test_{uuid4().hex}",
        timezone=VN,
        synonyms=synonyms,
        count_limit=count_limit,
    )


# Every backend in index.BACKENDS must appear here (test_registry.py checks it).
# Each takes (tmp_path, synonyms, count_limit).
CONTRACT_BACKENDS: dict[str, Callable[[Path, Synonyms | None, int], Archive]] = {
    "sqlite": _sqlite,
    "elasticsearch": _elasticsearch,
}


def make_doc(doc_id: str, **fields: object) -> Document:
    """A valid Document with Vietnamese text of our own; override any field."""
    values: dict[str, object] = {
        "id": doc_id,
        "url": f"https://baodemo.vn/{doc_id}.html",
        "canonical_url": f"https://baodemo.vn/{doc_id}.html",
        "outlet": "bao_demo",
        "outlet_name": "Báo Demo",
        "kind": "provincial",
        "title": "Tin bảo hiểm",
        "body": "Nội dung bài viết.",
        "published_at": datetime(2024, 2, 1, 3, 0, tzinfo=UTC),
        "crawled_at": datetime(2024, 2, 1, 4, 0, tzinfo=UTC),
    }
    values.update(fields)
    return Document(**values)  # type: ignore[arg-type]
