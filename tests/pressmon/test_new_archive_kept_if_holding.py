"""A writing command that fails into an archive it created removes it only when the file holds
nothing and nobody else has it open: articles committed before the failure (an ingest's upsert
commits 500 at a time, before it tells how many it stored) and an archive another process
created and is writing meanwhile are never deleted."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressmon.locations import new_archive_kept_if_stored
from pressmon.settings import Settings, load_settings
from pressmon.wiring import archive_from
from tests.index.index_factories import make_doc


def _settings(tmp_path: Path) -> Settings:
    return load_settings(environ={}, data_dir=tmp_path / "new")


def test_articles_committed_before_the_failure_stay(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    said: list[str] = []
    with pytest.raises(OSError), new_archive_kept_if_stored(settings, said.append):
        with archive_from(settings) as archive:
            archive.upsert([make_doc("d1")])  # a first batch committed, then the next fails
        raise OSError("No space left on device")
    assert settings.archive.path.is_file()
    assert said == []
    with archive_from(settings) as archive:
        assert archive.get("d1") is not None


def test_an_archive_another_process_has_open_stays(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    said: list[str] = []
    with pytest.raises(OSError), new_archive_kept_if_stored(settings, said.append):
        # Another command into the same new data dir created the archive meanwhile and is still
        # writing to it; this one fails before it stores anything.
        other = archive_from(settings)
        raise OSError("refused")
    try:
        other.upsert([make_doc("d1")])
        assert settings.archive.path.is_file()
        assert said == []
    finally:
        other.close()
    with archive_from(settings) as archive:
        assert archive.get("d1") is not None


def test_an_empty_archive_it_created_is_removed(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    said: list[str] = []
    with pytest.raises(OSError), new_archive_kept_if_stored(settings, said.append):
        archive_from(settings).close()
        raise OSError("refused")
    assert not list(settings.archive.path.parent.glob(settings.archive.path.name + "*"))
    assert said == [f"Không giữ kho lưu trữ mới tạo vì chưa nhập bài nào: {settings.archive.path}"]
