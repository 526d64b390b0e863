"""An item the Center's staff hold: its province is neither offered nor allowed to assign it
(take it over or hand it on), the page saying why; the Center itself still reassigns it."""

from __future__ import annotations

from fastapi.testclient import TestClient

from pressmon.review.workflow import CENTER_HOLDS
from tests.web.conftest import act, sign_in
from tests.web.test_web_provinces import NGHE_AN_ITEM, PROVINCE_PASSWORD, provinces  # noqa: F401


def _held_by_an(app) -> None:
    center = TestClient(app, base_url="http://testserver")
    act(center, sign_in(center, "binh"), NGHE_AN_ITEM, {"action": "assign", "assignee": "an"})


def _as(app, username: str, password: str) -> tuple[TestClient, str]:
    client = TestClient(app, base_url="http://testserver")
    return client, sign_in(client, username, password)


def test_the_province_is_told_it_cannot_assign_the_centers_item(app, provinces) -> None:  # noqa: F811
    _held_by_an(app)
    province, token = _as(app, "nghean", PROVINCE_PASSWORD)
    page = province.get(f"/bai/{NGHE_AN_ITEM}").text
    assert "Người xử lý: <b>Nguyễn Văn An</b>" in page
    assert 'name="action" value="assign"' not in page  # no box preset to the province's reviewer
    assert CENTER_HOLDS in page
    assert province.get(f"/api/items/{NGHE_AN_ITEM}").json()["choices"]["assignees"] == []

    # Posting the form the page no longer offers is refused, as the page says.
    refused = province.post(
        f"/bai/{NGHE_AN_ITEM}/xu-ly",
        data={"csrf_token": token, "action": "assign", "assignee": "nghean"},
        follow_redirects=False,
    )
    assert refused.status_code == 403
    assert CENTER_HOLDS in refused.text
    answer = province.post(
        f"/api/items/{NGHE_AN_ITEM}/decide",
        json={"action": "assign", "assignee": "nghean"},
        headers={"X-CSRF-Token": token},
    )
    assert answer.status_code == 403 and CENTER_HOLDS in str(answer.json())
    state = province.get(f"/api/items/{NGHE_AN_ITEM}").json()["state"]
    assert state["assignee"] == "an"


def test_a_provincial_lead_cannot_hand_it_on_either(app, provinces) -> None:  # noqa: F811
    _held_by_an(app)
    lead, token = _as(app, "nghean-lead", PROVINCE_PASSWORD + "x")
    assert 'name="action" value="assign"' not in lead.get(f"/bai/{NGHE_AN_ITEM}").text
    refused = lead.post(
        f"/bai/{NGHE_AN_ITEM}/xu-ly",
        data={"csrf_token": token, "action": "assign", "assignee": "nghean"},
        follow_redirects=False,
    )
    assert refused.status_code == 403


def test_the_province_still_assigns_what_it_holds_and_the_center_reassigns(app, provinces) -> None:  # noqa: F811
    province, token = _as(app, "nghean", PROVINCE_PASSWORD)
    page = province.get(f"/bai/{NGHE_AN_ITEM}").text
    assert 'name="action" value="assign"' in page and CENTER_HOLDS not in page
    act(province, token, NGHE_AN_ITEM, {"action": "assign", "assignee": "nghean"})

    _held_by_an(app)  # the Center takes it from the province
    center, center_token = _as(app, "binh", "matkhau-binh-2")
    assert 'name="action" value="assign"' in center.get(f"/bai/{NGHE_AN_ITEM}").text
    act(center, center_token, NGHE_AN_ITEM, {"action": "assign", "assignee": "nghean"})
