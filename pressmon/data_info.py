"""`pressmon info`: where each piece of data is, its size, schema version and article count.

Reads the SQLite files read-only (mode=ro), so asking where the data is never creates or
migrates anything.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pressmon.evidence.location import evidence_dir
from pressmon.settings import Settings
from vntext.sqlite_text import sqlite_problem


@dataclass(frozen=True)
class Location:
    key: str  # stable name for --json: archive, state, model, exports, evidence, data_dir
    label: str  # Vietnamese label for people
    path: Path
    exists: bool
    size_bytes: int | None
    schema_version: int | None = None
    articles: int | None = None
    problem: str | None = None  # why the file could not be read; never silently dropped
    # A SQLite file: whether pressmon's tables are in it (False: 0 bytes, never initialised).
    initialised: bool | None = None


@dataclass(frozen=True)
class DataInfo:
    backend: str
    locations: tuple[Location, ...]


def _size(path: Path) -> int | None:
    """Bytes on disk; a folder counts its files, a SQLite file its -wal beside it."""
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    if not path.is_file():
        return None
    wal = Path(f"{path}-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.is_file() else 0)


def _read_sqlite(path: Path, count_table: str | None) -> tuple[int | None, int | None, str | None]:
    """(schema version, rows in `count_table`, problem) without writing to the file."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as err:
        return None, None, sqlite_problem(err)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        version = None
        if "schema_version" in tables:
            version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        count = None
        if count_table and count_table in tables:
            count = conn.execute(f"SELECT count(*) FROM {count_table}").fetchone()[0]  # noqa: S608
        return version, count, None
    except sqlite3.Error as err:
        return None, None, sqlite_problem(err)
    finally:
        conn.close()


def _location(
    key: str, label: str, path: Path, count_table: str | None = None, *, folder: bool = False
) -> Location:
    exists = path.exists()
    version = count = problem = initialised = None
    if exists and path.is_file() and path.suffix == ".db":
        version, count, problem = _read_sqlite(path, count_table)
        initialised = version is not None if problem is None else None
    elif exists and path.is_dir() != folder:  # shown as a size only, it looked in order
        problem = "là một tệp, cần một thư mục" if folder else "là một thư mục, cần một tệp"
    return Location(key, label, path, exists, _size(path), version, count, problem, initialised)


def describe(settings: Settings) -> DataInfo:
    archive = settings.archive
    rows = [_location("data_dir", "Thư mục dữ liệu", settings.data_dir, folder=True)]
    if archive.backend == "sqlite":
        rows.append(_location("archive", "Kho bài báo", archive.path, "articles"))
    rows += [
        _location("state", "CSDL trạng thái (tài khoản, lịch sử thu thập)", archive.state_path),
        _location("model", "Mô hình sàng lọc", settings.classifier.model_path),
        _location("exports", "Thư mục xuất dữ liệu", settings.data_dir / "exports", folder=True),
        _location(
            "evidence", "Bản lưu bài được đánh dấu (WARC)", evidence_dir(settings), folder=True
        ),
    ]
    return DataInfo(archive.backend, tuple(rows))


def human_size(size: int | None) -> str:
    if size is None:
        return "-"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            shown = f"{value:.0f}" if unit == "B" else f"{value:.1f}".replace(".", ",")
            return f"{shown} {unit}"  # 6,2 MB: the decimal comma of every figure shown
        value /= 1024
    raise AssertionError("unreachable")
