"""Two reviewers pressing "Nhận xử lý" on the same item from their queue pages: the later is
refused (409, naming who took it) instead of silently taking the item from the first."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from index.base import Archive
from pressmon.web import AccountStore
from tests.web.conftest import sign_in

DUNG = "matkhau-dung-4"


def _take_form(queue_page: str, document_id: str) -> dict[str, str]:
    """The hidden fields of the queue's "Nhận xử lý" form for one item, as a browser sends them."""
    found = re.search(
        rf'<form method="post" action="/bai/{document_id}/xu-ly"[^>]*>(.*?)</form>',
        queue_page,
        re.S,
    )
    assert found is not None, f"no take button for {document_id}"
    assert "Nhận xử lý" in found.group(1)
    return dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', found.group(1)))


def _take(client: TestClient, form: dict[str, str], document_id: str = "doc001"):
    return client.post(f"/bai/{document_id}/xu-ly", data=form, follow_redirects=False)


def test_the_later_of_two_takes_from_the_queue_is_refused(
    app, archive: Archive, accounts: AccountStore
) -> None:
    accounts.add("dung", DUNG, "reviewer", "Phạm Dung")
    an, dung = (TestClient(app, base_url="http://testserver") for _ in range(2))
    sign_in(an, "an"), sign_in(dung, "dung", DUNG)
    an_form = _take_form(an.get("/hang-doi").text, "doc001")
    dung_form = _take_form(dung.get("/hang-doi").text, "doc001")

    first = _take(an, an_form)
    assert first.status_code == 303 and first.headers["location"].startswith("/hang-doi")
    late = _take(dung, dung_form)
    assert late.status_code == 409
    assert "Bài này đã được Nguyễn Văn An nhận xử lý" in late.text
    assert [(e.actor, e.detail["assignee"]) for e in archive.review_history("doc001")] == [
        ("an", "an")
    ]
    assert accounts.assignees()["doc001"] == "an"
    # The queue as it is now shows who has it, and no take button for it.
    assert 'action="/bai/doc001/xu-ly"' not in dung.get("/hang-doi").text


def test_a_lead_taking_from_a_stale_queue_is_refused_too(app, archive: Archive) -> None:
    an, binh = (TestClient(app, base_url="http://testserver") for _ in range(2))
    sign_in(an, "an"), sign_in(binh, "binh")
    binh_form = _take_form(binh.get("/hang-doi").text, "doc004")
    assert _take(an, _take_form(an.get("/hang-doi").text, "doc004"), "doc004").status_code == 303
    late = _take(binh, binh_form, "doc004")
    assert late.status_code == 409 and "Bài này đã được Nguyễn Văn An nhận xử lý" in late.text
    assert [e.detail["assignee"] for e in archive.review_history("doc004")] == ["an"]


def test_a_take_from_the_queue_goes_through_when_nothing_else_assigned_it(
    app, archive: Archive
) -> None:
    """Other changes to the item (a note) do not stand in the way of taking it."""
    an, binh = (TestClient(app, base_url="http://testserver") for _ in range(2))
    token = sign_in(binh, "binh")
    sign_in(an, "an")
    form = _take_form(an.get("/hang-doi").text, "doc001")
    noted = binh.post(
        "/bai/doc001/xu-ly",
        data={"csrf_token": token, "action": "note", "note": "Cần đối chiếu thêm."},
        follow_redirects=False,
    )
    assert noted.status_code == 303
    assert _take(an, form).status_code == 303
    assert [e.action for e in archive.review_history("doc001")] == ["note", "assign"]


def test_the_item_page_still_lets_a_lead_take_over_deliberately(app, archive: Archive) -> None:
    """From the item page, which shows who has the item, taking it over is a choice: still
    allowed (it is checked against the page's event count instead)."""
    an, binh = (TestClient(app, base_url="http://testserver") for _ in range(2))
    sign_in(an, "an")
    token = sign_in(binh, "binh")
    assert _take(an, _take_form(an.get("/hang-doi").text, "doc001")).status_code == 303
    seen = len(archive.review_history("doc001"))
    taken_over = binh.post(
        "/bai/doc001/xu-ly",
        data={"csrf_token": token, "action": "assign", "assignee": "binh", "seen": str(seen)},
        follow_redirects=False,
    )
    assert taken_over.status_code == 303
    assert [e.detail["assignee"] for e in archive.review_history("doc001")] == ["an", "binh"]


def test_the_refusal_names_the_lead_who_assigned_it(
    app, archive: Archive, accounts: AccountStore
) -> None:
    accounts.add("dung", DUNG, "reviewer", "Phạm Dung")
    binh, dung = (TestClient(app, base_url="http://testserver") for _ in range(2))
    token = sign_in(binh, "binh")
    sign_in(dung, "dung", DUNG)
    form = _take_form(dung.get("/hang-doi").text, "doc001")
    assigned = binh.post(
        "/bai/doc001/xu-ly",
        data={"csrf_token": token, "action": "assign", "assignee": "an"},
        follow_redirects=False,
    )
    assert assigned.status_code == 303
    late = _take(dung, form)
    assert late.status_code == 409
    assert (
        "Bài này đã được Trần Thị Bình phân công cho Nguyễn Văn An trong lúc bạn xem hàng đợi"
        in late.text
    )
    assert [e.detail["assignee"] for e in archive.review_history("doc001")] == ["an"]
