"""Where the data lives: refusing a missing archive for reading, announcing a new one.

A mistyped `--archive` used to open (and create) an empty archive, so every command reported
0 with exit 0. Reading commands now call `require_archive`; writing commands call
`announce_new_archive` so creating one is never silent. A file of 0 bytes (touched, truncated,
a failed copy) is no archive either: reading commands refuse it without writing to it, writing
commands say they initialise it.
"""

from __future__ import annotations

import difflib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from pressmon.errors import PressmonError
from pressmon.settings import REPO_ROOT, Settings

# Archives of earlier versions lived in the checkout's var/; offered as a hint, never used.
LEGACY_ARCHIVES = (REPO_ROOT / "var" / "pressmon.db", REPO_ROOT / "var" / "demo" / "archive.db")


def is_archive_file(path: Path) -> bool:
    """A SQLite archive, not its state database, WAL/SHM files or a model."""
    return path.is_file() and path.suffix == ".db" and not path.stem.endswith("-state")


def archive_candidates(missing: Path, data_dir: Path) -> list[Path]:
    """Existing archives near `missing`: its folder, the data folder, the legacy locations."""
    found: list[Path] = []
    for folder in (missing.parent, data_dir):
        if folder.is_dir():
            found.extend(sorted(p for p in folder.glob("*.db") if is_archive_file(p)))
    found.extend(p for p in LEGACY_ARCHIVES if is_archive_file(p))
    return list(dict.fromkeys(found))


def nearest(missing: Path, candidates: Iterable[Path]) -> Path | None:
    """The candidate whose full path is most like `missing` (a typo is usually small)."""
    by_text = {str(p): p for p in candidates}
    match = difflib.get_close_matches(str(missing), list(by_text), n=1, cutoff=0.0)
    return by_text[match[0]] if match else None


def require_archive(settings: Settings) -> None:
    """Raise unless the configured SQLite archive exists (Elasticsearch is checked on use).

    Raises:
        PressmonError: no archive at the path (the hint names the nearest existing one), or an
            empty file there.
    """
    archive = settings.archive
    if archive.backend != "sqlite":
        return
    refuse_folder(archive.path)
    if is_empty_file(archive.path):
        raise PressmonError(
            f"kho lưu trữ ở {archive.path} là tệp rỗng (0 byte): chưa được khởi tạo",
            hint="lệnh `pressmon crawl`, `pressmon ingest` hoặc `pressmon index import` khởi "
            "tạo kho trong tệp này; nếu kho thật ở chỗ khác, chỉ đúng chỗ bằng "
            "--data-dir/--archive (`pressmon info` cho biết dữ liệu nằm ở đâu)",
        )
    if archive.path.is_file():
        return
    near = nearest(archive.path, archive_candidates(archive.path, settings.data_dir))
    hint = (
        f"có phải ý bạn là --archive {near}? (`pressmon info` cho biết dữ liệu nằm ở đâu)"
        if near
        else "không thấy kho lưu trữ nào gần đó: tạo kho bằng `pressmon crawl`, "
        "`pressmon ingest` hoặc `pressmon index import`, hoặc chỉ đúng chỗ bằng "
        "--data-dir/--archive"
    )
    raise PressmonError(f"không có kho lưu trữ ở {archive.path}", hint=hint)


def data_files(settings: Settings) -> tuple[Path, ...]:
    """The files pressmon keeps its data in: the archive and the state database with their
    WAL and shared-memory files, and the model."""
    databases = (settings.archive.path, settings.archive.state_path)
    return (
        *(db.with_name(db.name + suffix) for db in databases for suffix in ("", "-wal", "-shm")),
        settings.classifier.model_path,
    )


def is_data_file(path: Path, settings: Settings) -> bool:
    """Whether `path` is (a link to) one of `data_files`, existing yet or not (a WAL file
    appears when the archive is opened): never a place to write an export."""
    return any(
        path.resolve() == known.resolve()
        or (path.exists() and known.exists() and path.samefile(known))
        for known in data_files(settings)
    )


def announce_new_archive(settings: Settings, echo: Callable[[str], None]) -> None:
    """Say that a writing command is about to create the archive (or initialise an empty file
    there), and where."""
    archive = settings.archive
    if archive.backend != "sqlite":
        return
    refuse_folder(archive.path)
    if not archive.path.exists():
        echo(f"Tạo kho lưu trữ mới: {archive.path}")
    elif is_empty_file(archive.path):
        echo(f"Khởi tạo kho lưu trữ trong tệp rỗng: {archive.path}")


def is_new_archive(settings: Settings) -> bool:
    """Whether a writing command is about to create the SQLite archive file."""
    archive = settings.archive
    return archive.backend == "sqlite" and not archive.path.exists()


def remove_new_archive(settings: Settings, echo: Callable[[str], None]) -> None:
    """Remove the archive a writing command created and stored nothing in (its input refused),
    with its WAL and shared-memory files: an empty one left behind would pass for an archive,
    and reading commands would count 0 instead of saying there is none. Kept, silently, when
    the file holds anything or is open elsewhere (`_holds_nothing`)."""
    path = settings.archive.path
    if not path.is_file() or not _holds_nothing(path):  # not created, or not ours alone
        return
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    echo(f"Không giữ kho lưu trữ mới tạo vì chưa nhập bài nào: {path}")


def _holds_nothing(path: Path) -> bool:
    """Whether the archive file is still as created: no article or review event in it, and no
    other connection open on it. A count told by the command is not enough: an upsert commits
    a batch at a time before it returns, and another command may have created the same new
    archive meanwhile and be writing to it; deleting either would lose articles."""
    # WAL mode: the log outlives every connection but the last, and the command's is closed.
    if path.with_name(path.name + "-wal").exists():
        return False
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)) as db:
            tables = {
                name
                for (name,) in db.execute(
                    "SELECT name FROM sqlite_master WHERE name IN ('articles', 'reviews')"
                )
            }
            return not any(
                db.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
                for table in sorted(tables)
            )
    except sqlite3.Error:  # locked, unreadable: not known to be empty, so kept
        return False


@contextmanager
def new_archive_kept_if_stored(
    settings: Settings, echo: Callable[[str], None]
) -> Iterator[Callable[[int], None]]:
    """Around a writing command whose input may be refused: if it fails before storing an
    article in the archive it is creating, that archive is removed (`remove_new_archive`), so
    `counts`/`info` say there is none instead of counting 0. The command tells the callback
    yielded how many articles it has stored so far; what it stored before failing stays."""
    fresh = is_new_archive(settings)
    stored = 0

    def heard(count: int) -> None:
        nonlocal stored
        stored = count

    try:
        yield heard
    except BaseException:
        if fresh and not stored:
            remove_new_archive(settings, echo)
        raise


def refuse_folder(path: Path) -> None:
    """A folder where the archive file should be: said so, not called missing (reading) or
    unopenable (writing).

    Raises:
        PressmonError: `path` is a folder.
    """
    if path.is_dir():
        raise PressmonError(
            f"kho lưu trữ {path} là một thư mục, không phải tệp",
            hint="chỉ tệp kho (.db) bằng --archive, hoặc thư mục dữ liệu bằng --data-dir "
            "(`pressmon info` cho biết dữ liệu nằm ở đâu)",
        )


def is_empty_file(path: Path) -> bool:
    """A file of 0 bytes with no write-ahead log holding pages for it: no SQLite archive yet."""
    wal = path.with_name(path.name + "-wal")
    return (
        path.is_file()
        and path.stat().st_size == 0
        and not (wal.is_file() and wal.stat().st_size > 0)
    )
