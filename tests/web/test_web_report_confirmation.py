"""The item page records "Đã báo cáo lãnh đạo" only with its box ticked: the follow-up locks
the decision until a lead reopens it and stays in the append-only log, so one click on "Ghi nhận"
must not record it. Unticked, nothing is recorded and the page comes back with the choice and the
note as sent (422); the other follow-up, and the JSON API, are as before."""

from __future__ import annotations

import re

from tests.web.conftest import act

NOTE = "Đã trình Giám đốc trong giao ban sáng thứ hai"


def _follow_up_form(html: str) -> dict[str, str]:
    """What a browser sends from the page's follow-up form, unticked boxes left out."""
    found = re.search(r'<form[^>]*>((?:(?!</form>).)*name="follow_up".*?)</form>', html, re.S)
    assert found is not None, "no follow-up form on the page"
    fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', found.group(1))
    return dict(fields)


def _concluded(client, token: str) -> dict[str, str]:
    act(client, token, "doc003", {"action": "status", "status": "false", "note": "Giả mạo"})
    return _follow_up_form(client.get("/bai/doc003").text)


def _follow_ups(archive) -> list[str]:
    return [e.detail.get("follow_up", "") for e in archive.review_history("doc003")]


def test_the_follow_up_form_asks_for_the_confirmation(as_reviewer) -> None:
    client, token = as_reviewer
    form = _concluded(client, token)
    assert form["report_confirm_asked"] == "true"
    html = client.get("/bai/doc003").text
    box = re.search(r'<input type="checkbox" name="report_confirmed" value="true">([^<]*)', html)
    assert box is not None and "Tôi xác nhận đã báo cáo lãnh đạo" in box.group(1)


def test_reporting_unticked_is_refused_with_the_form_kept(as_reviewer, archive) -> None:
    client, token = as_reviewer
    form = _concluded(client, token)
    refused = client.post(
        "/bai/doc003/xu-ly",
        data=form | {"follow_up": "reported_to_leadership", "note": NOTE},
        follow_redirects=False,
    )
    assert refused.status_code == 422
    assert "cần đánh dấu ô “Tôi xác nhận đã báo cáo lãnh đạo”" in refused.text
    assert re.search(r'<option value="reported_to_leadership" selected>', refused.text)
    assert f'name="note" value="{NOTE}"' in refused.text
    assert re.search(r'<option value="false" selected>', refused.text)  # the item's status
    assert _follow_ups(archive) == [""]  # the conclusion alone: nothing recorded


def test_reporting_ticked_is_recorded(as_reviewer, archive) -> None:
    client, token = as_reviewer
    form = _concluded(client, token)
    sent = form | {"follow_up": "reported_to_leadership", "note": NOTE, "report_confirmed": "true"}
    response = client.post("/bai/doc003/xu-ly", data=sent, follow_redirects=False)
    assert response.status_code == 303
    assert _follow_ups(archive) == ["", "reported_to_leadership"]


def test_the_correction_request_needs_no_confirmation(as_reviewer, archive) -> None:
    client, token = as_reviewer
    form = _concluded(client, token)
    sent = form | {"follow_up": "correction_requested", "note": "Đã gửi công văn"}
    assert client.post("/bai/doc003/xu-ly", data=sent, follow_redirects=False).status_code == 303
    assert _follow_ups(archive) == ["", "correction_requested"]


def test_the_api_reports_as_documented(as_reviewer, archive) -> None:
    client, token = as_reviewer
    act(client, token, "doc003", {"action": "status", "status": "false", "note": "Giả mạo"})
    decided = client.post(
        "/api/items/doc003/decide",
        json={"action": "follow_up", "follow_up": "reported_to_leadership", "note": NOTE},
        headers={"X-CSRF-Token": token},
    )
    assert decided.status_code == 200, decided.text
    assert _follow_ups(archive) == ["", "reported_to_leadership"]
