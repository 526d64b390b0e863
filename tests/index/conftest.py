"""Fixtures for the index tests: one `archive` fixture parametrised over every backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.base import Archive
from index.synonyms import Synonyms
from index.types import COUNT_LIMIT
from tests.index.index_factories import CONTRACT_BACKENDS

# The field's abbreviations, as the Center's config/synonyms.yaml gives them (shortened).
FIELD_SYNONYMS = Synonyms.from_forms(
    [
        ["BHXH", "bảo hiểm xã hội"],
        ["BHYT", "bảo hiểm y tế"],
        ["NLĐ", "người lao động"],
        ["BHXH tự nguyện", "BHXHTN"],
    ]
)


@pytest.fixture(params=sorted(CONTRACT_BACKENDS))
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Archive]:
    yield from _opened(request.param, tmp_path, None)


@pytest.fixture(params=sorted(CONTRACT_BACKENDS))
def archive_with_synonyms(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Archive]:
    yield from _opened(request.param, tmp_path, FIELD_SYNONYMS)


@pytest.fixture(params=sorted(CONTRACT_BACKENDS))
def archive_counting_to_3(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Archive]:
    """An archive whose interactive search pages count at most 3 matches."""
    yield from _opened(request.param, tmp_path, None, count_limit=3)


def _opened(
    backend: str, tmp_path: Path, synonyms: Synonyms | None, count_limit: int = COUNT_LIMIT
) -> Iterator[Archive]:
    opened = CONTRACT_BACKENDS[backend](tmp_path, synonyms, count_limit)
    try:
        yield opened
    finally:
        drop = getattr(opened, "drop", None)  # Elasticsearch: delete the throw-away index
        if callable(drop):
            drop()
        opened.close()
