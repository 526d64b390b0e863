"""The handler of an item ("Người xử lý") is shown by the name people read: the account's display
name, its username when it has none, on the queue row and the item page (its status box and the
assignment in its log); the API keeps `assignee` the username and adds `assignee_name`."""

from __future__ import annotations

from fastapi.testclient import TestClient

from pressmon.web import AccountStore
from tests.web.conftest import act, sign_in

ITEM = "doc001"
NAMELESS = "matkhau-khong-ten-4"


def _queue_row(client: TestClient) -> str:
    queue = client.get("/hang-doi").text
    start = queue.index(f'<a href="/bai/{ITEM}">')
    return queue[start : queue.index("</tr>", start)]


def test_the_handler_is_shown_by_display_name(client: TestClient, accounts: AccountStore) -> None:
    token = sign_in(client, "binh")
    act(client, token, ITEM, {"action": "assign", "assignee": "an"})

    assert "<td>Nguyễn Văn An" in _queue_row(client)
    item = client.get(f"/bai/{ITEM}").text
    assert "Người xử lý: <b>Nguyễn Văn An</b>" in item
    assert "→ Nguyễn Văn An" in item

    detail = client.get(f"/api/items/{ITEM}").json()["state"]
    assert (detail["assignee"], detail["assignee_name"]) == ("an", "Nguyễn Văn An")
    [row] = [r for r in client.get("/api/queue").json()["items"] if r["document"]["id"] == ITEM]
    assert (row["assignee"], row["assignee_name"]) == ("an", "Nguyễn Văn An")


def test_a_handler_without_a_display_name_is_shown_by_username(
    client: TestClient, accounts: AccountStore
) -> None:
    accounts.add("khongten", NAMELESS, "reviewer")
    token = sign_in(client, "binh")
    act(client, token, ITEM, {"action": "assign", "assignee": "khongten"})

    assert "Người xử lý: <b>khongten</b>" in client.get(f"/bai/{ITEM}").text
    detail = client.get(f"/api/items/{ITEM}").json()["state"]
    assert detail["assignee_name"] == "khongten"
    assert "<td>khongten" in _queue_row(client)
