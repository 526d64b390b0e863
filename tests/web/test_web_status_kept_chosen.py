"""After a decision the item page's status list has the item's status chosen, not the list's
first entry ("Đang xác minh"): a hurried second "Lưu trạng thái" sends the status back as it
is, nothing is recorded, and the page says the action was not recorded again."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.conftest import sign_in

NOTE = "Đối chiếu thông cáo của BHXH Việt Nam: thông tin sai."


def _decision_form(client: TestClient, item: str) -> dict[str, str]:
    """The fields of the item page's decision form as a browser sends them untouched: its hidden
    fields, the status chosen in its list, an empty note."""
    html = client.get(f"/bai/{item}").text
    form = re.search(r'<form[^>]*id="decision-form".*?</form>', html, re.S)
    assert form is not None
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form[0]))
    # A browser sends the option chosen, else the list's first.
    chosen = re.findall(r'<option value="(\w+)" selected>', form[0])
    listed = re.findall(r'<option value="(\w+)"', form[0])
    return fields | {"status": (chosen or listed)[0], "note": ""}


def test_the_decision_form_sent_again_as_shown_changes_nothing(client, archive) -> None:
    sign_in(client, "an")
    decided = _decision_form(client, "doc001") | {"status": "false", "note": NOTE}
    assert client.post("/bai/doc001/xu-ly", data=decided, follow_redirects=False).is_redirect

    again = client.post("/bai/doc001/xu-ly", data=_decision_form(client, "doc001"))
    assert again.status_code == 200
    assert "không ghi lại lần nữa" in again.text
    statuses = [e.status_after for e in archive.review_history("doc001") if e.action == "status"]
    assert statuses == ["false"]
    assert "Sai sự thật (hiện tại)</option>" in again.text


def test_a_note_sent_with_the_current_status_is_refused_and_kept(client, archive) -> None:
    sign_in(client, "an")
    decided = _decision_form(client, "doc001") | {"status": "false", "note": NOTE}
    assert client.post("/bai/doc001/xu-ly", data=decided, follow_redirects=False).is_redirect

    extra = _decision_form(client, "doc001") | {"note": "Bổ sung căn cứ."}
    refused = client.post("/bai/doc001/xu-ly", data=extra)
    assert refused.status_code == 409 and "Bổ sung căn cứ." in refused.text
    assert len([e for e in archive.review_history("doc001") if e.action == "status"]) == 1


def test_a_note_refused_with_the_current_status_waits_in_the_note_box(client, archive) -> None:
    """The refusal says what to do, and the note is already in "Thêm ghi chú": one click on
    Thêm records it, nothing to type again."""
    sign_in(client, "an")
    decided = _decision_form(client, "doc001") | {"status": "false", "note": NOTE}
    assert client.post("/bai/doc001/xu-ly", data=decided, follow_redirects=False).is_redirect

    refused = client.post(
        "/bai/doc001/xu-ly", data=_decision_form(client, "doc001") | {"note": "Bổ sung căn cứ."}
    )
    assert refused.status_code == 409
    assert "bấm “Thêm” để ghi ghi chú" in refused.text
    note_box = re.search(r'<label>Thêm ghi chú <input[^>]*value="([^"]*)"', refused.text)
    assert note_box is not None and note_box[1] == "Bổ sung căn cứ."
