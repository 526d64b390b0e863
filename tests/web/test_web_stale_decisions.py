"""Two reviewers deciding one item from the same page: the later is refused (409) with who acted
meanwhile, instead of silently replacing the earlier's conclusion; its note is kept for it."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.conftest import sign_in


def _form(page: str, action: str) -> dict[str, str]:
    """The hidden fields of the item page's form for `action`, as a browser would send them."""
    found = re.search(rf'<form[^>]*>(?:(?!</form>).)*?name="action" value="{action}"', page, re.S)
    assert found is not None, action
    return dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', found.group(0)))


def test_a_decision_from_a_page_made_before_anothers_is_refused(app, archive) -> None:
    an, binh = (TestClient(app, base_url="http://testserver") for _ in range(2))
    sign_in(an, "an"), sign_in(binh, "binh")
    an_form = _form(an.get("/bai/doc003").text, "status")
    binh_form = _form(binh.get("/bai/doc003").text, "status")
    assert an_form["seen"] == binh_form["seen"] == "0"

    first = an.post(
        "/bai/doc003/xu-ly", data={**an_form, "status": "false", "note": "Đã đối chiếu: sai."}
    )
    assert first.status_code == 200
    late = binh.post(
        "/bai/doc003/xu-ly",
        data={**binh_form, "status": "no_violation", "note": "Không thấy <b>vi phạm</b>."},
    )
    assert late.status_code == 409
    assert "Trong lúc bạn xem, an đã cập nhật bài này" in late.text
    assert "Sai sự thật" in late.text
    assert "Không thấy &lt;b&gt;vi phạm&lt;/b&gt;.</textarea>" in late.text  # kept, escaped
    assert [e.status_after for e in archive.review_history("doc003")] == ["false"]

    # From the page as it is now, the decision goes through.
    again = _form(late.text, "status")
    assert again["seen"] == "1"
    decided = binh.post(
        "/bai/doc003/xu-ly", data={**again, "status": "no_violation", "note": "Xem lại: đúng."}
    )
    assert decided.status_code == 200
    assert [e.actor for e in archive.review_history("doc003")] == ["an", "binh"]


def test_claiming_an_item_someone_just_took_is_refused(app, archive) -> None:
    an, binh = (TestClient(app, base_url="http://testserver") for _ in range(2))
    sign_in(an, "an"), sign_in(binh, "binh")
    an_form = _form(an.get("/bai/doc001").text, "assign")
    binh_form = _form(binh.get("/bai/doc001").text, "assign")
    assert an.post("/bai/doc001/xu-ly", data={**an_form, "assignee": "an"}).status_code == 200
    late = binh.post("/bai/doc001/xu-ly", data={**binh_form, "assignee": "binh"})
    assert late.status_code == 409
    assert [e.detail["assignee"] for e in archive.review_history("doc001")] == ["an"]


def test_the_api_checks_seen_when_given(as_lead, archive) -> None:
    client, token = as_lead
    headers = {"x-csrf-token": token}
    seen = len(client.get("/api/items/doc003").json()["history"])
    decide = {"action": "status", "status": "in_progress", "seen": seen}
    assert client.post("/api/items/doc003/decide", json=decide, headers=headers).status_code == 200
    stale = client.post(
        "/api/items/doc003/decide",
        json={"action": "status", "status": "insufficient", "seen": seen},
        headers=headers,
    )
    assert stale.status_code == 409  # the lead's own change since `seen`, said to be its own
    assert "chính tài khoản này đã cập nhật bài này" in stale.json()["error"]
    unchecked = {"action": "status", "status": "insufficient"}  # without `seen`, as before
    assert client.post("/api/items/doc003/decide", json=unchecked, headers=headers).is_success
    assert [e.status_after for e in archive.review_history("doc003")] == [
        "in_progress",
        "insufficient",
    ]
