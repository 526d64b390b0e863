"""A decision refused for want of its note comes back with the status or follow-up the reviewer
chose still chosen: reset to the list's first entry, typing the note and saving again would record
a conclusion nobody made."""

from __future__ import annotations

import re

from tests.web.conftest import act


def _chosen(html: str, select: str) -> str:
    found = re.search(rf'<select name="{select}">(.*?)</select>', html, re.S)
    assert found is not None, f"no {select} choice on the page"
    selected = re.findall(r'<option value="([^"]+)" selected>', found.group(1))
    assert len(selected) <= 1, selected
    return selected[0] if selected else "(the first)"


def test_a_refused_conclusion_keeps_the_status_chosen(as_reviewer) -> None:
    client, token = as_reviewer
    refused = client.post(
        "/bai/doc003/xu-ly",
        data={"csrf_token": token, "action": "status", "status": "no_violation", "note": " "},
    )
    assert refused.status_code == 422
    assert "Cần ghi chú lý do khi chọn “Không vi phạm”" in refused.text
    assert _chosen(refused.text, "status") == "no_violation"
    # Shown afresh, the page proposes no change of its own: the item's status is chosen.
    assert _chosen(client.get("/bai/doc003").text, "status") == "unstarted"


def test_a_refused_follow_up_keeps_the_follow_up_chosen(as_reviewer) -> None:
    client, token = as_reviewer
    act(client, token, "doc003", {"action": "status", "status": "false", "note": "Giả mạo"})
    refused = client.post(
        "/bai/doc003/xu-ly",
        data={"csrf_token": token, "action": "follow_up", "follow_up": "reported_to_leadership"},
    )
    assert refused.status_code == 422
    assert _chosen(refused.text, "follow_up") == "reported_to_leadership"
    # The status form above, not sent, keeps the item's status chosen, not the list's first.
    assert _chosen(refused.text, "status") == "false"
