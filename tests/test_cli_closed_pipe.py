"""Output whose reader goes away (`pressmon search BHXH | head -1`) ends the command quietly with
status 141 (128 + SIGPIPE, as the shell reports for `cat` or `grep`), whatever the command and
whether the pipe closed during the output or before the last buffered part was flushed; it used
to exit 1 with nothing said, 120 with "Exception ignored … BrokenPipeError", or 0.

Real processes and real pipes: no mocks.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from index import open_archive
from pressmon.cli.pipes import EXIT_READER_GONE
from tests.index.index_factories import make_doc

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 60
BODY = "Bảo hiểm xã hội chi trả lương hưu đúng hạn cho người lao động. " * 300  # ~20 KB


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One article: its export stays in stdout's buffer until the command ends."""
    path = tmp_path_factory.mktemp("pipe") / "small.db"
    with open_archive("sqlite", path=path) as opened:
        opened.upsert([make_doc("s1", title="BHXH chi trả lương hưu")])
    return path


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 1.2 MB of export: far more than a pipe holds (64 KB), so the writer must meet the
    closed end however fast the reader is."""
    path = tmp_path_factory.mktemp("pipe") / "archive.db"
    with open_archive("sqlite", path=path) as opened:
        opened.upsert(
            make_doc(
                f"d{n}",
                title=f"BHXH chi trả lương hưu đợt {n}",
                body=BODY,
                risk=0.6,
                tier="review",  # each one in `flagged`
            )
            for n in range(ARTICLES)
        )
    return path


def _start(archive: Path, args: list[str]) -> subprocess.Popen[bytes]:
    # stdout buffered, as for anyone who has not set PYTHONUNBUFFERED: small outputs then reach
    # the pipe only in the flush as the command ends.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.Popen(
        [sys.executable, "-m", "pressmon", "--archive", str(archive), *args],
        env={**env, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _finish(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    assert process.stderr is not None
    stderr = process.stderr.read().decode()
    process.stderr.close()
    return process.wait(timeout=120), stderr


def test_a_reader_that_stops_after_one_line_ends_a_long_output_quietly(archive: Path) -> None:
    """`pressmon index export - | head -1`."""
    process = _start(archive, ["index", "export", "-", "--quiet"])
    assert process.stdout is not None
    first = process.stdout.readline()
    process.stdout.close()
    status, stderr = _finish(process)
    assert first.startswith(b'{"document": {"id": "d')
    assert (status, stderr) == (EXIT_READER_GONE, "")


# From the first write (during the command) to the last (the flush when it ends): the reader has
# gone before the command starts, so every one of them meets the closed end.
COMMANDS = {
    "search": ["search", "lương hưu", "--limit", "200"],
    "search --json": ["search", "lương hưu", "--json"],
    "counts": ["counts", "--by", "outlet"],
    "counts --csv": ["counts", "--csv"],
    "flagged --json": ["flagged", "--json"],
    "sources": ["sources"],
    "users list": ["users", "list"],
    "info": ["info"],
    "index export": ["index", "export", "-", "--quiet"],
    "help": ["--help"],
    "search --help": ["search", "--help"],
    "version": ["--version"],
}


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_every_command_ends_quietly_when_its_reader_has_gone(
    archive: Path, args: list[str]
) -> None:
    process = _start(archive, args)
    assert process.stdout is not None
    process.stdout.close()
    assert _finish(process) == (EXIT_READER_GONE, "")


def test_a_small_export_is_not_reported_done_when_its_reader_has_gone(small_archive: Path) -> None:
    """All of it sits in stdout's buffer until the end: the flush meets the closed end before
    "Xong: đã xuất 1 bài" is said, not at interpreter exit ("Exception ignored …")."""
    process = _start(small_archive, ["index", "export", "-", "--quiet"])
    assert process.stdout is not None
    process.stdout.close()
    assert _finish(process) == (EXIT_READER_GONE, "")


def test_a_failure_keeps_its_status_and_message_when_the_reader_has_gone(archive: Path) -> None:
    process = _start(archive, ["search", "--", "-lương"])
    assert process.stdout is not None
    process.stdout.close()
    status, stderr = _finish(process)
    assert status == 1
    assert stderr.startswith("Lỗi: Câu tìm kiếm chỉ có từ loại trừ (-từ)")
    assert "BrokenPipeError" not in stderr
