"""Two processes (two `pressmon serve` workers) acting on one item at once: the archive's write
lock makes one act first and the other see its result, so exactly one of two conflicting
actions is recorded."""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from index.sqlite_backend import SQLiteArchive
from index.types import ReviewEvent
from pressmon.review.actions import apply_action
from pressmon.review.changes import ChangeStore
from pressmon.review.errors import WorkflowError
from pressmon.review.workflow import Action
from tests.index.index_factories import make_doc

NOW = datetime(2025, 6, 1, tzinfo=UTC)
READ_SECONDS = 0.5  # long enough that, unserialised, both processes read before either writes


class _SlowToRead(SQLiteArchive):
    def review_history(self, document_id: str) -> Sequence[ReviewEvent]:
        history = super().review_history(document_id)
        time.sleep(READ_SECONDS)
        return history


class _Unused:
    """Assignments and escalations: a status change touches neither."""

    def get(self, username: str) -> None:
        raise AssertionError(username)

    def assign(self, document_id: str, assignee: str) -> None:
        raise AssertionError(document_id)

    def add(self, escalation: object) -> None:
        raise AssertionError(escalation)


def _start_review(path: str, actor: str, start, results) -> None:
    archive = _SlowToRead(Path(path))
    try:
        start.wait(30)
        apply_action(
            archive,
            _Unused(),
            _Unused(),
            threading.Lock(),  # this process's own: it cannot see the other process
            "doc",
            Action("status", status="in_progress"),
            changes=ChangeStore(Path(path).with_name("state.sqlite3")),
            actor=actor,
            role="reviewer",
            now=NOW,
            is_center=lambda event: True,
        )
        results.put(f"won {actor}")
    except WorkflowError as err:
        results.put(f"lost {actor}: {err}")
    finally:
        archive.close()


def test_conflicting_actions_from_two_processes_have_one_winner(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    with SQLiteArchive(path) as archive:
        archive.upsert([make_doc("doc", risk=0.9, tier="urgent")])
    spawn = multiprocessing.get_context("spawn")
    start, results = spawn.Barrier(2), spawn.Queue()
    workers = [
        spawn.Process(target=_start_review, args=(str(path), actor, start, results))
        for actor in ("an", "binh")
    ]
    for worker in workers:
        worker.start()
    outcomes = sorted(results.get(timeout=60) for _ in workers)
    for worker in workers:
        worker.join(30)
    assert [o.split()[0] for o in outcomes] == ["lost", "won"], outcomes
    assert "Đang xác minh" in outcomes[0]  # the loser saw the winner's status
    with SQLiteArchive(path) as archive:
        [event] = archive.review_history("doc")
        document = archive.get("doc")
        assert event.status_after == "in_progress"
        assert document is not None and document.review_status == "in_progress"
