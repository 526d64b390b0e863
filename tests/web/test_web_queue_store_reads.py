"""The queue page reads each account store table once per request, for the Center's accounts and
a province's alike: the item assignments (its handlers column and its *Người xử lý* filter share
them) and the account list (the offices its rows are read with — whose answer, which office
concluded — the names it shows and the filter share it)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pressmon.web import AccountStore
from pressmon.web.accounts import Account
from tests.web import test_web_provinces as base
from tests.web.conftest import FAST_HASHER, PASSWORDS, Clock, act, sign_in

provinces = base.provinces  # the Nghệ An items and accounts


class CountingStore(AccountStore):
    """The real store, counting its reads of the assignments and of the account list."""

    reads: Counter[str]

    def assignees(self) -> dict[str, str]:
        self.reads["assignees"] += 1
        return super().assignees()

    def list(self) -> list[Account]:
        self.reads["list"] += 1
        return super().list()


@pytest.fixture
def accounts(tmp_path: Path, clock: Clock) -> CountingStore:
    store = CountingStore(tmp_path / "state.sqlite3", clock=clock, hasher=FAST_HASHER)
    store.reads = Counter()
    store.add("an", PASSWORDS["an"], "reviewer", "Nguyễn Văn An")
    return store


def _reads_for_queue(client, accounts: CountingStore) -> Counter[str]:
    accounts.reads = Counter()
    assert client.get("/hang-doi").status_code == 200
    return accounts.reads


# An assigned item (the handlers column) and a decided one (the office that concluded).
ACTIONS = {
    "assigned": {"action": "assign", "assignee": "an"},
    "decided": {"action": "status", "status": "false", "note": "Sai"},
}


@pytest.mark.parametrize("item", sorted(ACTIONS))
def test_the_queue_page_reads_each_store_table_once(client, provinces, item: str) -> None:
    act(client, sign_in(client, "an"), base.NGHE_AN_ITEM, ACTIONS[item])
    assert _reads_for_queue(client, provinces) == {"assignees": 1, "list": 1}

    client.cookies.clear()
    base._as_province(client)
    assert _reads_for_queue(client, provinces) == {"assignees": 1, "list": 1}
