"""Each kind of archive error gets its own hint, through the real command line in a real
process: a locked archive is waited for or looked for, a timezone with summer time is changed in
settings.toml, a newer schema needs a newer pressmon; only path and backend problems are told to
check the path (the audit found that one hint for every kind).

Table-driven: every error class of `index.errors` has a case here, or a reason it cannot reach
the command line.
"""

from __future__ import annotations

import inspect
import json
import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import index.errors
from index import open_archive
from index.records import document_to_record
from pressmon.cli import hint_for
from tests.index.index_factories import make_doc

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Case:
    kind: type[Exception]
    command: list[str]
    message: str  # what the "Lỗi:" line says; {archive} is the archive's path
    env: dict[str, str] = field(default_factory=dict)
    archive: Callable[[Path], None] | None = None  # makes the archive; default: one article


def _one_article(path: Path) -> None:
    with open_archive("sqlite", path=path) as archive:
        archive.upsert([make_doc("a", title="BHXH chi trả lương hưu")])


def _newer_schema(path: Path) -> None:
    _one_article(path)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version (version) VALUES (999)")
    conn.close()


def _not_a_database(path: Path) -> None:
    path.write_text("không phải SQLite\n" * 100, encoding="utf-8")


def _dangling_link(path: Path) -> None:
    """The archive path is a link into a folder that does not exist: SQLite cannot create it."""
    path.symlink_to(path.parent / "missing" / path.name)


def _closed_port() -> int:
    """A loopback port nothing listens on: connecting is refused at once, offline."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


CASES = {
    # Another process holds the write lock (see `lock_archive`); waiting 0 s instead of 30.
    "busy": Case(
        index.errors.ArchiveBusy,
        ["index", "import", "{record}"],
        "đang bận: tệp đang bị tiến trình khác khóa; thử lại sau",
        env={"PRESSMON_ARCHIVE__BUSY_TIMEOUT": "0"},
    ),
    "summer-time": Case(
        index.errors.TimezoneError,
        ["counts"],
        "múi giờ 'Europe/London' đổi độ lệch UTC (giờ mùa hè, daylight saving)",
        env={"PRESSMON_TIMEZONE": "Europe/London"},
    ),
    "newer-schema": Case(
        index.errors.SchemaVersionError,
        ["search", "lương hưu"],
        "kho lưu trữ có phiên bản lược đồ 999",
        archive=_newer_schema,
    ),
    "not-a-database": Case(
        index.errors.SearchIndexError,
        ["search", "lương hưu"],
        "lỗi kho lưu trữ SQLite '{archive}': tệp không phải cơ sở dữ liệu SQLite",
        archive=_not_a_database,
    ),
    "cannot-open": Case(
        index.errors.BackendUnavailable,
        ["index", "import", "{record}"],
        "không mở được kho lưu trữ SQLite",
        archive=_dangling_link,
    ),
    "server-down": Case(
        index.errors.ElasticsearchUnreachable,
        ["search", "lương hưu"],
        "không kết nối được Elasticsearch khi kiểm tra chỉ mục pressmon: không mở được kết nối",
        env={"PRESSMON_BACKEND": "elasticsearch"},  # the URL: a closed port, made per run
    ),
    "query": Case(
        index.errors.QueryError,
        ["search", "--", "-lương"],
        "Câu tìm kiếm chỉ có từ loại trừ (-từ)",
    ),
    "record": Case(
        index.errors.RecordError,
        ["index", "import", "{bad_record}"],
        "dòng 1: không phải JSON hợp lệ",
    ),
}
# Raised by the web app's review actions only: no command names a document id.
NOT_FROM_THE_COMMAND_LINE = {index.errors.DocumentNotFound}


@pytest.fixture
def lock_archive(tmp_path: Path) -> Iterator[Callable[[Path], None]]:
    """Locks an archive as a crawl writing it does: another process holds a write transaction
    (BEGIN IMMEDIATE) until the test ends."""
    holders: list[subprocess.Popen[str]] = []

    def lock(path: Path) -> None:
        holder = subprocess.Popen(
            [sys.executable, "-c", _HOLD, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        holders.append(holder)
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"

    yield lock
    for holder in holders:
        holder.communicate("")  # end of input: it rolls back and exits
        assert holder.returncode == 0


_HOLD = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.read()
conn.rollback()
"""


def _files(tmp_path: Path) -> dict[str, str]:
    record = tmp_path / "record.jsonl"
    line = {"document": document_to_record(make_doc("b", title="BHYT")), "reviews": []}
    record.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    bad_record = tmp_path / "bad.jsonl"
    bad_record.write_text("{không phải json\n", encoding="utf-8")
    return {"record": str(record), "bad_record": str(bad_record)}


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pressmon", *args],
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("name", CASES)
def test_each_archive_error_kind_gets_its_own_hint(
    name: str, tmp_path: Path, lock_archive: Callable[[Path], None]
) -> None:
    case = CASES[name]
    archive = tmp_path / "archive.db"
    (case.archive or _one_article)(archive)
    if case.kind is index.errors.ArchiveBusy:
        lock_archive(archive)
    env = dict(case.env)
    if case.kind is index.errors.ElasticsearchUnreachable:
        env["PRESSMON_ELASTICSEARCH_URL"] = f"http://127.0.0.1:{_closed_port()}"
    command = [part.format(**_files(tmp_path)) for part in case.command]

    result = _run(["--archive", str(archive), *command], env)

    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    *notices, first, hint = result.stderr.splitlines()
    assert all(notice.startswith("Tạo kho lưu trữ mới: ") for notice in notices), result.stderr
    assert first.startswith("Lỗi: "), result.stderr
    assert case.message.format(archive=archive) in first, result.stderr
    assert hint == f"  gợi ý: {hint_for(case.kind)}", result.stderr
    assert "Traceback" not in result.stderr and "WARNING" not in result.stderr


def test_every_archive_error_kind_has_a_case() -> None:
    kinds = {
        kind
        for _, kind in inspect.getmembers(index.errors, inspect.isclass)
        if issubclass(kind, index.errors.SearchIndexError)
    }
    covered = {case.kind for case in CASES.values()}
    assert kinds - NOT_FROM_THE_COMMAND_LINE == covered


def test_only_path_and_backend_problems_are_told_to_check_the_path() -> None:
    hints = {name: hint_for(case.kind) for name, case in CASES.items()}
    path_hint = hints["not-a-database"]
    assert [name for name, hint in hints.items() if hint == path_hint] == [
        "not-a-database",
        "cannot-open",
    ]
    assert len(set(hints.values())) == len(hints) - 1
    assert "PRESSMON_ELASTICSEARCH_URL" in hints["server-down"]
    assert "đợi nó xong rồi chạy lại" in hints["busy"] and "busy_timeout" in hints["busy"]
    assert "timezone trong settings.toml" in hints["summer-time"]
    assert "độ lệch UTC cố định" in hints["summer-time"]


def test_a_file_where_the_archive_folder_should_be_is_an_error_not_a_traceback(
    tmp_path: Path,
) -> None:
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    archive = tmp_path / "not-a-folder" / "archive.db"

    result = _run(["--archive", str(archive), "index", "import", _files(tmp_path)["record"]], {})

    assert result.returncode == 1, result.stderr
    *_, first, hint = result.stderr.splitlines()
    assert first == (
        f"Lỗi: không tạo được thư mục {str(archive.parent)!r} cho kho lưu trữ: "
        "đã có một tệp trùng tên ở chỗ cần tạo thư mục"
    )
    assert hint == f"  gợi ý: {hint_for(index.errors.SearchIndexError)}"
    assert "Traceback" not in result.stderr
