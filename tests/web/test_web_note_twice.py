"""A note sent twice from the item page (a double click on *Thêm*, Back then *Thêm* again) is
recorded once: the audit log keeps every event for good, so a second copy could never be
taken back. The note form carries the page's `seen` like the other forms on it."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.conftest import sign_in

NOTE = "Đã liên hệ BHXH tỉnh để xác minh."


def _note_form(client: TestClient, item: str) -> dict[str, str]:
    """The hidden fields of the item page's *Thêm ghi chú* form, as a browser would send them."""
    html = client.get(f"/bai/{item}").text
    form = next(f for f in re.findall(r"<form.*?</form>", html, re.S) if 'value="note"' in f)
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))


def test_a_note_sent_twice_from_its_page_is_recorded_once(client, archive) -> None:
    sign_in(client, "an")
    fields = _note_form(client, "doc001") | {"note": NOTE}
    first = client.post("/bai/doc001/xu-ly", data=fields, follow_redirects=False)
    assert first.status_code == 303
    again = client.post("/bai/doc001/xu-ly", data=fields, follow_redirects=False)
    assert again.status_code == 200
    assert "không ghi lại lần nữa" in again.text
    assert [e.note for e in archive.review_history("doc001") if e.action == "note"] == [NOTE]


def test_a_second_different_note_is_still_recorded(client, archive) -> None:
    sign_in(client, "an")
    for note in (NOTE, "Tỉnh đã trả lời."):
        fields = _note_form(client, "doc001") | {"note": note}
        assert client.post("/bai/doc001/xu-ly", data=fields, follow_redirects=False).is_redirect
    assert [e.note for e in archive.review_history("doc001") if e.action == "note"] == [
        NOTE,
        "Tỉnh đã trả lời.",
    ]
