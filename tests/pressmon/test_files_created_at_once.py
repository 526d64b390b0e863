"""Several processes creating the same SQLite file at once (web workers starting on a new data
directory, a crawl beside them) all open it: switching a new file to WAL deadlocks two
openers, and SQLite reports that at once as "database is locked" instead of waiting. None of
them may take the new archive for an old one being upgraded."""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable
from pathlib import Path

import pytest

from index.sqlite_backend import SQLiteArchive
from pressmon.state_db import open_state_db

PROCESSES = 4
ROUNDS = 30  # unfixed, about one round in ten failed on this machine


def _open_state_db(path: Path) -> None:
    open_state_db(path).close()


def _open_archive(path: Path) -> None:
    SQLiteArchive(path).close()


OPENERS: dict[str, Callable[[Path], None]] = {
    "state database": _open_state_db,
    "archive": _open_archive,
}


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _open_each_round(opener: str, folder: str, start, results) -> None:
    warnings = _Warnings()
    logging.getLogger().addHandler(warnings)
    for round_number in range(ROUNDS):
        start.wait(60)  # all processes open the round's new file together
        try:
            OPENERS[opener](Path(folder) / f"round-{round_number}.sqlite3")
        except Exception as err:
            results.put(f"round {round_number}: {err}")
            continue
        results.put(f"round {round_number}: {warnings.messages}" if warnings.messages else "opened")
        warnings.messages.clear()


@pytest.mark.parametrize("opener", sorted(OPENERS))
def test_processes_creating_one_file_at_once_all_open_it(opener: str, tmp_path: Path) -> None:
    spawn = multiprocessing.get_context("spawn")
    start, results = spawn.Barrier(PROCESSES), spawn.Queue()
    workers = [
        spawn.Process(target=_open_each_round, args=(opener, str(tmp_path), start, results))
        for _ in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in range(PROCESSES * ROUNDS)]
    for worker in workers:
        worker.join(30)
    assert [o for o in outcomes if o != "opened"] == []
