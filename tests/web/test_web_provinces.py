"""Provinces that report to the Center, through HTTP: a Nghệ An reviewer reads, decides and
escalates Nghệ An items (and national items that mention Nghệ An) and never reaches any other
province's item on any route; the Center's queue shows what provinces sent it first."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi.routing import APIRoute

from pressmon.web.app import routers
from tests.web.conftest import flagged, seed_documents, sign_in

PROVINCE_PASSWORD = "matkhau-nghe-an-4"
NGHE_AN_ITEM = "doc030"  # a Nghệ An paper's flagged article
NATIONAL_ITEM = "doc031"  # a national outlet's flagged article that mentions Nghệ An
OUT_OF_SCOPE = sorted(d.id for d in seed_documents())  # Hà Nội, Cần Thơ, Đắk Lắk and national
HA_NOI_ITEM = "doc003"
EXAMPLE_VALUES = {"document_id": HA_NOI_ITEM, "username": "an"}


@pytest.fixture
def provinces(archive, accounts):
    archive.upsert(
        [
            flagged(
                30,
                "urgent",
                0.91,
                outlet="baonghean",
                outlet_name="Báo Nghệ An",
                province="Nghệ An",
                provinces=("Nghệ An",),
                title="Tin đồn ở Nghệ An: cán bộ BHXH gọi điện đòi mã OTP",
            ),
            flagged(
                31,
                "review",
                0.66,
                outlet="baoquocgia",
                outlet_name="Báo Quốc Gia",
                kind="national",
                province=None,
                provinces=("Nghệ An",),
                title="Nhiều người ở Nghệ An nhận cuộc gọi giả danh BHXH",
            ),
        ]
    )
    accounts.add("nghean", PROVINCE_PASSWORD, "reviewer", "Hồ Thị Nga", province="Nghệ An")
    accounts.add("nghean-lead", PROVINCE_PASSWORD + "x", "lead", "Phan Văn Lâm", "Nghệ An")
    return accounts


def _as_province(client, username: str = "nghean") -> str:
    password = PROVINCE_PASSWORD + ("x" if username == "nghean-lead" else "")
    return sign_in(client, username, password)


def _routes() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for router in routers():
        for route in router.routes:
            if isinstance(route, APIRoute):
                found.extend((method, route.path) for method in sorted(route.methods or ()))
    return found


def _example(path: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: EXAMPLE_VALUES[m.group(1)], path)


def _shows_no_other_province(text: str) -> None:
    for document_id in OUT_OF_SCOPE:
        assert document_id not in text, document_id


@pytest.mark.parametrize("method,path", _routes())
def test_no_route_reaches_another_provinces_item(client, provinces, method: str, path: str) -> None:
    token = _as_province(client)
    url = _example(path)
    headers = {"x-csrf-token": token}
    if method == "GET":
        response = client.get(url, follow_redirects=False)
    else:
        form = {"csrf_token": token, "action": "note", "note": "thử", "status": "false"}
        response = client.post(
            url,
            data=None if url.startswith("/api/") else form,
            json={"action": "note", "note": "thử"} if url.startswith("/api/") else None,
            headers=headers,
            follow_redirects=False,
        )
    if "{document_id}" in path:
        assert response.status_code == 404, (method, url, response.status_code)
    else:
        # Pages and lists answer; forms sent with unrelated fields are refused as such.
        assert response.status_code in (200, 303, 307, 400, 403, 422), (method, url)
    _shows_no_other_province(response.text)


def test_the_hanoi_item_is_never_listed_searched_or_exported(client, provinces) -> None:
    _as_province(client)
    queue = client.get("/hang-doi").text
    assert NGHE_AN_ITEM in queue and NATIONAL_ITEM in queue
    _shows_no_other_province(queue)
    api_queue = client.get("/api/queue").json()
    assert {i["document"]["id"] for i in api_queue["items"]} == {NGHE_AN_ITEM, NATIONAL_ITEM}
    for url in ("/tim-kiem?q=OTP", "/tim-kiem?q=OTP&tinh=Hà Nội", "/api/search?q=OTP"):
        response = client.get(url)
        assert response.status_code == 200
        _shows_no_other_province(response.text)
    hits = client.get("/api/search?q=OTP").json()["hits"]
    assert {h["document"]["id"] for h in hits} == {NGHE_AN_ITEM, NATIONAL_ITEM}
    assert client.get("/api/search?tinh=Hà Nội").json()["total"] == 0
    counts = client.get("/api/counts?group_by=province").json()
    assert counts["total"] == 2 and "Hà Nội" not in counts["rows"]
    # Exports and the leadership report cover every province: refused, whatever the role.
    client.cookies.clear()
    _as_province(client, "nghean-lead")
    for url in ("/bao-cao", "/bao-cao.xlsx", "/bao-phu.csv", "/bao-phu.xlsx"):
        response = client.get(url)
        assert response.status_code == 403 and "Trung tâm" in response.text, url
    coverage = client.get("/bao-phu").text  # and offered no link to them
    assert not any(url in coverage for url in ("/bao-cao", "/bao-phu.csv", "/bao-phu.xlsx"))
    assert client.get(f"/bai/{HA_NOI_ITEM}/nhat-ky.csv").status_code == 404


def test_a_provincial_reviewer_decides_and_escalates_with_a_note(
    client, provinces, archive, clock
) -> None:
    token = _as_province(client)
    assert client.get(f"/bai/{NATIONAL_ITEM}").status_code == 200
    choices = client.get(f"/api/items/{NGHE_AN_ITEM}").json()["choices"]
    assert choices["escalate"] is True and choices["assignees"] == ["nghean"]
    decided = client.post(
        f"/bai/{NGHE_AN_ITEM}/xu-ly",
        data={"csrf_token": token, "action": "status", "status": "in_progress"},
        follow_redirects=False,
    )
    assert decided.status_code == 303
    without_note = client.post(
        f"/bai/{NGHE_AN_ITEM}/xu-ly", data={"csrf_token": token, "action": "escalate"}
    )
    assert without_note.status_code == 409 and "Cần ghi chú" in without_note.text
    clock.advance(timedelta(minutes=5))
    sent = client.post(
        f"/bai/{NGHE_AN_ITEM}/xu-ly",
        data={
            "csrf_token": token,
            "action": "escalate",
            "note": "Bài lan truyền rộng, cần Trung tâm đính chính",
        },
        follow_redirects=False,
    )
    assert sent.status_code == 303
    event = archive.review_history(NGHE_AN_ITEM)[-1]
    assert (event.action, event.actor) == ("escalate", "nghean")
    assert event.detail["province"] == "Nghệ An"
    assert event.note == "Bài lan truyền rộng, cần Trung tâm đính chính"

    client.cookies.clear()
    sign_in(client, "an")
    queue = client.get("/hang-doi").text
    first = re.search(r'<a href="/bai/(doc\d+)">', queue)
    assert first is not None and first.group(1) == NGHE_AN_ITEM
    assert "Hồ Thị Nga (BHXH Nghệ An), 20/05/2026 10:05" in queue
    api_first = client.get("/api/queue").json()["items"][0]
    assert api_first["document"]["id"] == NGHE_AN_ITEM
    assert api_first["escalation"]["username"] == "nghean"
    item = client.get(f"/bai/{NGHE_AN_ITEM}").text
    assert "Bài lan truyền rộng, cần Trung tâm đính chính" in item


def test_an_item_is_assigned_only_to_accounts_that_can_open_it(client, provinces, archive) -> None:
    token = sign_in(client, "binh")  # a Center lead, who may assign to others
    options = re.findall(r'<option value="([\w.-]+)"', client.get(f"/bai/{HA_NOI_ITEM}").text)
    assert "an" in options and "nghean" not in options and "nghean-lead" not in options
    refused = client.post(
        f"/bai/{HA_NOI_ITEM}/xu-ly",
        data={"csrf_token": token, "action": "assign", "assignee": "nghean"},
    )
    assert refused.status_code == 409 and "BHXH Nghệ An không xem được bài này" in refused.text
    assert archive.review_history(HA_NOI_ITEM) == ()
    assert "nghean" in re.findall(
        r'<option value="([\w.-]+)"', client.get(f"/bai/{NATIONAL_ITEM}").text
    )
    assigned = client.post(
        f"/api/items/{NATIONAL_ITEM}/decide",
        json={"action": "assign", "assignee": "nghean"},
        headers={"x-csrf-token": token},
    )
    assert assigned.status_code == 200


def test_the_center_does_not_escalate(as_reviewer) -> None:
    client, token = as_reviewer
    response = client.post(
        f"/bai/{HA_NOI_ITEM}/xu-ly", data={"csrf_token": token, "action": "escalate", "note": "x"}
    )
    assert response.status_code == 403 and "cấp tỉnh" in response.text


def test_the_admin_adds_a_provincial_account_by_any_spelling(as_admin, accounts) -> None:
    client, token = as_admin
    response = client.post(
        "/nguoi-dung",
        data={
            "csrf_token": token,
            "username": "hoa",
            "password": "mot-mat-khau-du-dai-9",
            "role": "reviewer",
            "display_name": "Lê Hoa",
            "province": "nghe an",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    account = accounts.get("hoa")
    assert account is not None and account.province == "Nghệ An"
    assert "BHXH Nghệ An" in client.get("/nguoi-dung").text
    unknown = client.post(
        "/nguoi-dung",
        data={
            "csrf_token": token,
            "username": "hai",
            "password": "mot-mat-khau-du-dai-9",
            "role": "reviewer",
            "province": "Atlantis",
        },
    )
    assert unknown.status_code == 400 and "Atlantis" in unknown.text


def test_the_store_keeps_admins_in_the_center(accounts) -> None:
    from pressmon.web.errors import AccountError

    with pytest.raises(AccountError):
        accounts.add("quan", "mot-mat-khau-du-dai-9", "admin", province="Nghệ An")
