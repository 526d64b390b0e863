"""A 0-byte archive file (touched, truncated, a copy that failed) is not an empty archive:
reading commands say so and leave it as it was (they used to create the schema in it, and
answer 0 results with exit 0); `info` shows it as not initialised; writing commands initialise
it, and say so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

READING = {
    "search": ["search", "lương hưu"],
    "counts": ["counts"],
    "flagged": ["flagged"],
    "rescore": ["rescore"],
    "sources": ["sources"],
    "index export": ["index", "export", "-"],
    "serve": ["serve", "--port", "1"],  # refused before it listens
    "train --with-reviews": ["train", "--with-reviews"],  # refused before it trains
}


def _run(data: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pressmon", "--data-dir", str(data), *args],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "pressmon.db").touch()
    return folder


@pytest.mark.parametrize("command", READING.values(), ids=READING.keys())
def test_reading_commands_refuse_an_empty_file_and_do_not_write_to_it(
    data: Path, command: list[str]
) -> None:
    result = _run(data, command)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Lỗi: kho lưu trữ ở {data / 'pressmon.db'} là tệp rỗng (0 byte): chưa được khởi tạo",
        "  gợi ý: lệnh `pressmon crawl`, `pressmon ingest` hoặc `pressmon index import` khởi "
        "tạo kho trong tệp này; nếu kho thật ở chỗ khác, chỉ đúng chỗ bằng "
        "--data-dir/--archive (`pressmon info` cho biết dữ liệu nằm ở đâu)",
    ]
    assert [p.name for p in data.iterdir()] == ["pressmon.db"]  # no -wal, -shm, state db
    assert (data / "pressmon.db").stat().st_size == 0


def test_info_shows_an_empty_file_as_not_initialised_and_leaves_it(data: Path) -> None:
    text = _run(data, ["info"])
    assert text.returncode == 0, text.stderr
    assert f"Kho bài báo: {data / 'pressmon.db'}  (0 B, chưa khởi tạo)" in text.stdout
    rows = {
        row["key"]: row for row in json.loads(_run(data, ["info", "--json"]).stdout)["locations"]
    }
    assert rows["archive"]["initialised"] is False
    assert rows["archive"]["schema_version"] is None and rows["archive"]["articles"] is None
    assert [p.name for p in data.iterdir()] == ["pressmon.db"]
    assert (data / "pressmon.db").stat().st_size == 0


def test_a_writing_command_initialises_an_empty_file_and_says_so(data: Path) -> None:
    imported = _run(data, ["index", "import", os.devnull])
    assert imported.returncode == 0, imported.stderr
    assert f"Khởi tạo kho lưu trữ trong tệp rỗng: {data / 'pressmon.db'}" in imported.stderr
    assert (data / "pressmon.db").stat().st_size > 0
    rows = {
        row["key"]: row for row in json.loads(_run(data, ["info", "--json"]).stdout)["locations"]
    }
    assert rows["archive"]["initialised"] is True and rows["archive"]["articles"] == 0
    searched = _run(data, ["search", "lương hưu"])
    assert searched.returncode == 0, searched.stderr
    assert searched.stdout.startswith("Không có kết quả.")
