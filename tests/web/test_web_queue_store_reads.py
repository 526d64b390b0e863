"""The queue page reads the item assignments once per request, for the Center's accounts and a
province's alike: its handlers column and its *Người xử lý* filter share that one read."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressmon.web import AccountStore
from tests.web import test_web_provinces as base
from tests.web.conftest import FAST_HASHER, PASSWORDS, Clock, act, sign_in

provinces = base.provinces  # the Nghệ An items and accounts


class CountingStore(AccountStore):
    """The real store, counting its reads of the assignments."""

    assignment_reads = 0

    def assignees(self) -> dict[str, str]:
        self.assignment_reads += 1
        return super().assignees()


@pytest.fixture
def accounts(tmp_path: Path, clock: Clock) -> CountingStore:
    store = CountingStore(tmp_path / "state.sqlite3", clock=clock, hasher=FAST_HASHER)
    store.add("an", PASSWORDS["an"], "reviewer", "Nguyễn Văn An")
    return store


def _reads_for_queue(client, accounts: CountingStore) -> int:
    accounts.assignment_reads = 0
    assert client.get("/hang-doi").status_code == 200
    return accounts.assignment_reads


def test_the_queue_page_reads_the_assignments_once(client, provinces) -> None:
    act(client, sign_in(client, "an"), base.NGHE_AN_ITEM, {"action": "assign", "assignee": "an"})
    assert _reads_for_queue(client, provinces) == 1

    client.cookies.clear()
    base._as_province(client)
    assert _reads_for_queue(client, provinces) == 1
