"""/api/items/{id}/decide refuses what the item page's forms refuse, the same way: a take of an
item someone took meanwhile, a decision from a stale read, another province's item, a conclusion
without a note."""

from __future__ import annotations

from fastapi.testclient import TestClient

from index.base import Archive
from pressmon.web import AccountStore
from tests.web.conftest import sign_in

DUNG = "matkhau-dung-4"


def _decide(client: TestClient, token: str, document_id: str, **decision: object):
    return client.post(
        f"/api/items/{document_id}/decide", json=decision, headers={"X-CSRF-Token": token}
    )


def _unassigned(client: TestClient, document_id: str) -> bool:
    rows = client.get("/api/queue").json()["items"]
    return next(r for r in rows if r["document"]["id"] == document_id)["assignee"] is None


def test_the_later_of_two_takes_through_the_api_is_refused(
    app, archive: Archive, accounts: AccountStore
) -> None:
    accounts.add("dung", DUNG, "reviewer", "Phạm Dung")
    an, dung = (TestClient(app, base_url="http://testserver") for _ in range(2))
    an_token, dung_token = sign_in(an, "an"), sign_in(dung, "dung", DUNG)
    assert _unassigned(an, "doc001") and _unassigned(dung, "doc001")

    take = {"action": "assign", "seen_unassigned": True}
    assert _decide(an, an_token, "doc001", assignee="an", **take).status_code == 200
    late = _decide(dung, dung_token, "doc001", assignee="dung", **take)
    assert late.status_code == 409
    assert late.headers["content-type"].startswith("application/json")
    assert late.json()["ok"] is False and late.json()["status"] == 409
    assert "Bài này đã được an nhận xử lý" in late.json()["error"]
    assert [e.detail["assignee"] for e in archive.review_history("doc001")] == ["an"]
    assert accounts.assignees()["doc001"] == "an"


def test_a_take_through_the_api_goes_through_when_no_one_holds_the_item(
    as_reviewer, archive: Archive
) -> None:
    client, token = as_reviewer
    taken = _decide(client, token, "doc004", action="assign", assignee="an", seen_unassigned=True)
    assert taken.status_code == 200 and taken.json()["event"]["detail"]["assignee"] == "an"
    assert not _unassigned(client, "doc004")
