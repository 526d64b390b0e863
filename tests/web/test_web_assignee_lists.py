"""Whom a province's pages list by name (the queue's *Người xử lý* filter, the item page's assign
form, `choices.assignees`): the Center's accounts and its own, not another province's staff,
save one who holds an item the province sees."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from pressmon.web.accounts import Account
from pressmon.web.listed_accounts import listed_accounts
from tests.web import test_web_provinces as provincial
from tests.web.conftest import act, flagged, option_values, sign_in

provinces = provincial.provinces  # the Nghệ An items and accounts
HA_NOI_USER, HA_NOI_NAME = "hn-xacminh", "Đinh Thị Hằng"
HA_NOI_PASSWORD = "matkhau-ha-noi-5"
SHARED_ITEM = "doc032"  # a national article about Nghệ An and Hà Nội: both provinces see it
CENTER = {"an", "binh", "chi"}
NGHE_AN = {"nghean", "nghean-lead"}


@pytest.fixture
def ha_noi_staff(archive, provinces):
    """A Hà Nội reviewer holding a Hà Nội item (which Nghệ An does not see), and an item Nghệ An
    and Hà Nội both see, held by no one."""
    archive.upsert(
        [
            flagged(
                32,
                "review",
                0.7,
                outlet="baoquocgia",
                outlet_name="Báo Quốc Gia",
                kind="national",
                province=None,
                provinces=("Nghệ An", "Hà Nội"),
                title="Cuộc gọi giả danh BHXH ở Nghệ An và Hà Nội",
            )
        ]
    )
    provinces.add(HA_NOI_USER, HA_NOI_PASSWORD, "reviewer", HA_NOI_NAME, province="Hà Nội")
    provinces.assign(provincial.HA_NOI_ITEM, HA_NOI_USER)
    return provinces


def _account(username: str, province: str | None, disabled: bool = False) -> Account:
    return Account(
        username, "", "reviewer", disabled, datetime(2026, 1, 1, tzinfo=UTC), False, province
    )


def test_the_center_lists_every_active_account_a_province_its_own_and_the_handlers() -> None:
    accounts = [
        _account("tt", None),
        _account("tt-nghi", None, disabled=True),
        _account("na", "Nghệ An"),
        _account("hn", "Hà Nội"),
        _account("hn-giu", "Hà Nội"),
    ]

    def listed(province: str | None, handlers: set[str]) -> list[str]:
        return [a.username for a in listed_accounts(accounts, province, handlers)]

    assert listed(None, set()) == ["tt", "na", "hn", "hn-giu"]
    assert listed("Nghệ An", set()) == ["tt", "na"]
    assert listed("Nghệ An", {"hn-giu", "tt-nghi"}) == ["tt", "na", "hn-giu"]


def _options(page: str, select: str) -> set[str]:
    return set(option_values(page, select)) - {"", "-"}


def _lists(client: TestClient) -> tuple[set[str], set[str], set[str]]:
    """The queue's filter, the shared item's assign form and its API choices, as listed now."""
    queue = client.get("/hang-doi").text
    item = client.get(f"/bai/{SHARED_ITEM}").text
    choices = client.get(f"/api/items/{SHARED_ITEM}").json()["choices"]["assignees"]
    return _options(queue, "nguoi"), _options(item, "assignee"), set(choices)


def test_a_province_lists_another_provinces_account_only_while_it_holds_an_item_it_sees(
    client: TestClient, ha_noi_staff
) -> None:
    provincial._as_province(client, "nghean-lead")
    queue, form, choices = _lists(client)
    assert queue == CENTER | NGHE_AN
    assert form == choices == CENTER | NGHE_AN
    assert HA_NOI_NAME not in client.get("/hang-doi").text
    assert HA_NOI_NAME not in client.get(f"/bai/{SHARED_ITEM}").text

    # The Center lists everyone, and gives Hà Nội's reviewer the item Nghệ An sees too.
    client.cookies.clear()
    token = sign_in(client, "binh")
    assert HA_NOI_USER in _options(client.get("/hang-doi").text, "nguoi")
    act(client, token, SHARED_ITEM, {"action": "assign", "assignee": HA_NOI_USER})

    client.cookies.clear()
    provincial._as_province(client, "nghean-lead")
    queue, form, choices = _lists(client)
    assert queue == form == choices == CENTER | NGHE_AN | {HA_NOI_USER}
    held = client.get(f"/hang-doi?nguoi={HA_NOI_USER}").text  # the filter finds what he holds
    assert SHARED_ITEM in held and provincial.HA_NOI_ITEM not in held
