"""The queue page reads the account list once per request, for the Center's accounts and a
province's alike: the offices its rows are read with (whose answer, which office concluded), the
names it shows and its *Người xử lý* filter share that one read."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressmon.web import AccountStore
from pressmon.web.accounts import Account
from tests.web import test_web_provinces as base
from tests.web.conftest import FAST_HASHER, PASSWORDS, Clock, act, sign_in

provinces = base.provinces  # the Nghệ An items and accounts


class CountingStore(AccountStore):
    """The real store, counting its reads of the account list."""

    list_reads = 0

    def list(self) -> list[Account]:
        self.list_reads += 1
        return super().list()


@pytest.fixture
def accounts(tmp_path: Path, clock: Clock) -> CountingStore:
    store = CountingStore(tmp_path / "state.sqlite3", clock=clock, hasher=FAST_HASHER)
    store.add("an", PASSWORDS["an"], "reviewer", "Nguyễn Văn An")
    return store


def _reads_for_queue(client, accounts: CountingStore) -> int:
    accounts.list_reads = 0
    assert client.get("/hang-doi").status_code == 200
    return accounts.list_reads


def test_the_queue_page_reads_the_account_list_once(client, provinces) -> None:
    an = sign_in(client, "an")
    act(client, an, base.NGHE_AN_ITEM, {"action": "status", "status": "false", "note": "Sai"})
    assert _reads_for_queue(client, provinces) == 1

    client.cookies.clear()
    base._as_province(client)
    assert _reads_for_queue(client, provinces) == 1
