"""`index export` and `evaluate --metrics` never harm what they do not own: aimed at the archive
(or its state database, WAL or model) they refuse before opening anything; an export that fails
or is interrupted leaves the file it was replacing as it was."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from index.sqlite_backend import SQLiteArchive
from index.types import Document
from pressmon.cli import main
from pressmon.errors import PressmonError
from pressmon.whole_file import written_whole


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    when = datetime(2026, 3, 7, 1, tzinfo=UTC)
    document = Document(
        id="a",
        url="https://baonghean.vn/a.html",
        canonical_url="https://baonghean.vn/a.html",
        outlet="baonghean",
        outlet_name="Báo Nghệ An",
        kind="provincial",
        title="BHXH chi trả lương hưu",
        body="Bảo hiểm xã hội chi trả lương hưu đúng hạn.",
        published_at=when,
        crawled_at=when,
    )
    with SQLiteArchive(path) as archive:
        archive.upsert([document])
    return path


def _export(archive_path: Path, target: Path) -> Result:
    return CliRunner().invoke(
        main, ["--archive", str(archive_path), "index", "export", str(target)]
    )


def _documents(archive_path: Path) -> int:
    with SQLiteArchive(archive_path) as archive:
        return archive.stats().documents


@pytest.mark.parametrize("name", ["archive.db", "archive-state.db", "archive.db-wal"])
def test_an_export_onto_pressmon_data_is_refused_and_the_archive_kept(
    archive_path: Path, name: str
) -> None:
    (archive_path.parent / "archive-state.db").write_bytes(b"state")  # exists or not: both refused
    result = _export(archive_path, archive_path.parent / name)
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1].startswith("Lỗi: giá trị không hợp lệ cho 'TỆP': ")
    assert "là tệp dữ liệu của pressmon" in result.output
    assert _documents(archive_path) == 1
    assert (archive_path.parent / "archive-state.db").read_bytes() == b"state"


def test_an_export_through_a_link_to_the_archive_is_refused(
    archive_path: Path, tmp_path: Path
) -> None:
    link = tmp_path / "export.jsonl"
    link.symlink_to(archive_path)
    assert _export(archive_path, link).exit_code == 2
    assert _documents(archive_path) == 1


def test_an_export_into_a_missing_folder_is_a_usage_mistake(
    archive_path: Path, tmp_path: Path
) -> None:
    result = _export(archive_path, tmp_path / "nope" / "x.jsonl")
    assert result.exit_code == 2, result.output
    assert f"không có thư mục '{tmp_path / 'nope'}' để ghi 'x.jsonl'" in result.output
    assert "Traceback" not in result.output and "Errno" not in result.output


def test_an_export_replaces_the_previous_file_whole(archive_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "export.jsonl"
    target.write_text("an older export\n", encoding="utf-8")
    assert _export(archive_path, target).exit_code == 0
    assert target.read_text(encoding="utf-8").count("\n") == 1
    assert '"id": "a"' in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.db", "export.jsonl"]


def test_a_write_that_fails_midway_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "export.jsonl"
    target.write_text("the previous export\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), written_whole(target) as out:
        out.write("half of a new one")
        raise KeyboardInterrupt  # Ctrl-C, or an archive error, in the middle of an export
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["export.jsonl"]


def test_an_unwritable_folder_is_said_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(PressmonError, match="không ghi được .*: không tìm thấy tệp"):
        with written_whole(tmp_path / "gone" / "x.jsonl"):
            pass


@pytest.mark.parametrize("name", ["archive.db", "archive-state.db", "model/flagger.skops"])
def test_evaluation_figures_onto_pressmon_data_are_refused_and_the_archive_kept(
    archive_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`evaluate --metrics archive.db` wrote its JSON over the archive: every article lost."""
    model = archive_path.parent / "model" / "flagger.skops"
    model.parent.mkdir()
    model.write_bytes(b"not a model")  # refused before it is read, or the command stops on it
    monkeypatch.setenv("PRESSMON_MODEL", str(model))
    result = CliRunner().invoke(
        main,
        ["--archive", str(archive_path), "evaluate", "--quiet"]
        + ["--shared", str(archive_path.parent), "--metrics", str(archive_path.parent / name)],
    )
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1].startswith("Lỗi: giá trị không hợp lệ cho '--metrics': ")
    assert "là tệp dữ liệu của pressmon" in result.output
    assert _documents(archive_path) == 1 and model.read_bytes() == b"not a model"
