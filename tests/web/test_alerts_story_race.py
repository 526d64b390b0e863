"""Two processes handling copies of one story at once (`pressmon serve --workers N`, a crawl and an
ingest) queue one alert: a copy is judged and queued in one write transaction of the state
database (pressmon.alerts.store), so the second sees the first's alert (pressmon.alerts.copies)."""

from __future__ import annotations

import io
import sqlite3
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest

from index.types import Document
from pressmon.alerts.dispatch import Notifier
from pressmon.alerts.model import Alert
from pressmon.alerts.store import Subscriber
from pressmon.wiring import notifier_from
from tests.web.test_alerts_story_copies import copy_of

# Not a timing: a process that never reaches the meeting point fails the test instead of hanging.
MEETING_SECONDS = 60


class Paused(Notifier):
    """Another process on the same state database, held once it has decided to alert a copy (its
    deliveries worked out) until the other process has decided too."""

    def __init__(self, meeting: threading.Barrier, notifier: Notifier) -> None:
        super().__init__(**vars(notifier))
        self.meeting = meeting

    def _deliveries(
        self, alert: Alert, subscribers: Sequence[Subscriber], now: datetime
    ) -> list[tuple[str, str, datetime]]:
        self.meeting.wait()
        return super()._deliveries(alert, subscribers, now)


@pytest.mark.parametrize(
    ("second", "alerted"),
    [
        (copy_of(42), 1),
        # A copy about another province is news to that province's office.
        (copy_of(43, province="Nghệ An", provinces=("Nghệ An",)), 2),
    ],
    ids=["cùng tỉnh", "tỉnh khác"],
)
def test_copies_of_one_story_handled_at_once_alert_once_per_audience(
    second: Document, alerted: int, settings, accounts, clock
) -> None:
    copies = [copy_of(41), second]
    meeting = threading.Barrier(2, timeout=MEETING_SECONDS)
    processes = [
        Paused(meeting, notifier_from(settings, console=io.StringIO(), clock=clock)) for _ in copies
    ]
    with ThreadPoolExecutor(len(processes)) as pool:
        queued = list(pool.map(lambda p, d: p.notify([d]), processes, copies))
    assert sum(queued) == alerted
    with sqlite3.connect(settings.archive.state_path) as db:
        (rows,) = db.execute("SELECT count(*) FROM alerts").fetchone()
    db.close()
    assert rows == alerted
    # The copy let go counts as announced: it is not alerted later either.
    later = notifier_from(settings, console=io.StringIO(), clock=clock)
    assert later.notify(copies) == 0
