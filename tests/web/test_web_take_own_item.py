"""Taking an item one holds already (a double click on the queue's "Nhận xử lý", a take from a
queue or item page shown before one took it elsewhere) is what was asked for: nothing is recorded
again and the form goes where a take goes, the API answers it done (`repeated`), not a 409
"Bài đã được phân công cho người này."; someone else's take meanwhile is still refused."""

from __future__ import annotations

from fastapi.testclient import TestClient

from index.base import Archive
from pressmon.web import AccountStore
from tests.web.conftest import sign_in
from tests.web.test_web_queue_take import _take, _take_form

DUNG = "matkhau-dung-4"


def _decide(client: TestClient, token: str, item: str, **decision: object):
    return client.post(f"/api/items/{item}/decide", json=decision, headers={"X-CSRF-Token": token})


def test_a_double_click_on_take_records_one_take(client, archive: Archive, accounts) -> None:
    sign_in(client, "an")
    form = _take_form(client.get("/hang-doi").text, "doc001")
    first = _take(client, form)
    again = _take(client, form)  # the same queue page's form, sent a second time
    assert first.status_code == again.status_code == 303
    assert again.headers["location"] == first.headers["location"]
    assert again.headers["location"].startswith("/hang-doi")
    assert [(e.actor, e.detail["assignee"]) for e in archive.review_history("doc001")] == [
        ("an", "an")
    ]
    assert accounts.assignees()["doc001"] == "an"


def test_taking_from_a_stale_item_page_an_item_a_lead_gave_one_is_done(app, archive) -> None:
    an, binh = (TestClient(app, base_url="http://testserver") for _ in range(2))
    an_token, binh_token = sign_in(an, "an"), sign_in(binh, "binh")
    given = {"action": "assign", "assignee": "an"}
    assert binh.post(
        "/bai/doc001/xu-ly", data={"csrf_token": binh_token, **given}, follow_redirects=False
    ).is_redirect
    taken = an.post(  # from the item page an opened before binh gave it the item
        "/bai/doc001/xu-ly",
        data={"csrf_token": an_token, "seen": "0", **given},
        follow_redirects=False,
    )
    assert taken.status_code == 303 and taken.headers["location"] == "/bai/doc001#nhat-ky"
    assert [e.actor for e in archive.review_history("doc001")] == ["binh"]


def test_the_api_answers_a_take_of_ones_own_item_as_done(app, archive: Archive) -> None:
    an = TestClient(app, base_url="http://testserver")
    token = sign_in(an, "an")
    take = {"action": "assign", "assignee": "an", "seen_unassigned": True}
    first = _decide(an, token, "doc001", **take)
    assert first.status_code == 200 and first.json()["repeated"] is False
    again = _decide(an, token, "doc001", **take)
    assert again.status_code == 200
    assert again.json() == {**first.json(), "repeated": True}
    assert len(archive.review_history("doc001")) == 1


def test_someone_elses_take_meanwhile_is_still_refused(
    app, archive: Archive, accounts: AccountStore
) -> None:
    accounts.add("dung", DUNG, "reviewer", "Phạm Dung")
    an, dung = (TestClient(app, base_url="http://testserver") for _ in range(2))
    sign_in(an, "an"), sign_in(dung, "dung", DUNG)
    dung_form = _take_form(dung.get("/hang-doi").text, "doc001")
    assert _take(an, _take_form(an.get("/hang-doi").text, "doc001")).status_code == 303
    for _ in range(2):
        late = _take(dung, dung_form)
        assert late.status_code == 409 and "Bài này đã được Nguyễn Văn An nhận xử lý" in late.text
    assert [e.detail["assignee"] for e in archive.review_history("doc001")] == ["an"]


def test_a_take_with_a_note_of_an_item_one_holds_is_still_refused(client, archive) -> None:
    """The note would be lost without a word: refused, the note kept in its form."""
    token = sign_in(client, "an")
    take = {"csrf_token": token, "action": "assign", "assignee": "an"}
    assert client.post("/bai/doc001/xu-ly", data=take, follow_redirects=False).is_redirect
    noted = client.post(
        "/bai/doc001/xu-ly", data={**take, "note": "Tôi xử lý tiếp."}, follow_redirects=False
    )
    assert noted.status_code == 409 and "Bài đã được phân công cho người này." in noted.text
    assert len(archive.review_history("doc001")) == 1
