"""Fixtures for the index tests: one `archive` fixture parametrised over every backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.base import Archive
from tests.index.index_factories import CONTRACT_BACKENDS


@pytest.fixture(params=sorted(CONTRACT_BACKENDS))
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Archive]:
    opened = CONTRACT_BACKENDS[request.param](tmp_path)
    try:
        yield opened
    finally:
        drop = getattr(opened, "drop", None)  # Elasticsearch: delete the throw-away index
        if callable(drop):
            drop()
        opened.close()
