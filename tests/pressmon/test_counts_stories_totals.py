"""`pressmon counts --stories` says why its total is not the sum of what it shows: a story whose
copies fall in two weeks counts once in the total but in both weeks, and one whose copies sit in
two groups (a national original, its provincial copy) counts in both groups."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from index.sqlite_backend import SQLiteArchive
from pressmon.cli import main
from tests.web.conftest import make_doc


def _archive(tmp_path: Path) -> Path:
    """A national original on Sunday 16/03/2025 23:30 in Vietnam, its provincial copy on Monday
    17/03 at 00:10 (the next week), and one story of its own."""
    path = tmp_path / "archive.sqlite3"
    original = make_doc(
        1,
        id="original",
        kind="national",
        outlet="baotw",
        story_id="story",
        published_at=datetime(2025, 3, 16, 16, 30, tzinfo=UTC),
    )
    copy = make_doc(
        2, id="copy", story_id="story", published_at=datetime(2025, 3, 16, 17, 10, tzinfo=UTC)
    )
    alone = make_doc(3, id="alone", published_at=datetime(2025, 3, 18, 2, 0, tzinfo=UTC))
    with SQLiteArchive(path) as archive:
        archive.upsert([original, copy, alone])
    return path


def _counts(archive: Path, *args: str) -> str:
    result = CliRunner().invoke(
        main, ["--archive", str(archive), "counts", "--stories", "--from", "2025-03-10", *args]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_weeks_adding_up_to_more_than_the_stories_are_explained(tmp_path: Path) -> None:
    shown = _counts(_archive(tmp_path), "--to", "2025-03-23")
    assert (
        "Tổng: 2 (mỗi tin tính một lần dù các bản đăng lại rơi vào hai tuần; các tuần cộng lại: 3)"
        in shown
    )


def test_groups_adding_up_to_more_than_the_stories_give_the_stories(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    shown = _counts(archive, "--to", "2025-03-23", "--by", "kind")
    assert (
        "Tổng theo loại hình: 3 (một tin có bản đăng lại có thể ở nhiều nhóm); số câu chuyện: 2"
        in shown
    )
    data = json.loads(_counts(archive, "--to", "2025-03-23", "--by", "kind", "--json"))
    assert (data["total"], data["distinct_total"]) == (3, 2)
