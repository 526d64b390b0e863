"""`--outlet` takes the outlets the archive holds that sources.yaml lacks (lines `ingest` read
from outlets it did not know, an archive imported from another deployment): `counts --by outlet`
showed them as rows, and `--outlet` with their name or id then answered that they did not
exist."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from index.sqlite_backend import SQLiteArchive
from index.types import Document
from pressmon.cli import main

PUBLISHED = datetime(2026, 3, 2, 8, tzinfo=UTC)


def _document(n: int, outlet: str, name: str) -> Document:
    return Document(
        id=f"doc{n}",
        url=f"https://example.vn/{n}.html",
        canonical_url=f"https://example.vn/{n}.html",
        outlet=outlet,
        outlet_name=name,
        kind="national",
        title=f"BHXH chi trả lương hưu đợt {n}",
        body="Bảo hiểm xã hội chi trả lương hưu đúng hạn.",
        published_at=PUBLISHED,
        crawled_at=PUBLISHED,
    )


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key in [k for k in os.environ if k.startswith("PRESSMON_")]:
        monkeypatch.delenv(key)
    path = tmp_path / "archive.db"
    with SQLiteArchive(path) as store:
        store.upsert(
            [
                _document(1, "bao_atlantis", "Báo Atlantis"),
                _document(2, "bao_atlantis", "Báo Atlantis"),
                _document(3, "vnexpress", "VnExpress"),
            ]
        )
    return path


@pytest.mark.parametrize("typed", ["Báo Atlantis", "bao atlantis", "bao_atlantis"])
@pytest.mark.parametrize("command", ["counts", "search", "flagged"])
def test_an_archived_outlet_is_a_filter_value(archive: Path, command: str, typed: str) -> None:
    args = {
        "counts": ["counts", "--from", "2026-03-02", "--to", "2026-03-08", "--json"],
        "search": ["search", "lương hưu", "--json"],
        "flagged": ["flagged", "--json"],
    }[command]
    result = CliRunner().invoke(main, ["--archive", str(archive), *args, "--outlet", typed])
    assert result.exit_code == 0, result.output
    if command == "counts":
        assert '"total": 2' in result.output
    if command == "search":
        assert '"total": 2' in result.output


def test_a_misspelt_outlet_names_the_archived_one_closest(archive: Path) -> None:
    result = CliRunner().invoke(
        main, ["--archive", str(archive), "counts", "--outlet", "Bao Atlants"]
    )
    assert result.exit_code != 0
    assert "gần nhất: Báo Atlantis (bao_atlantis)" in result.output
