"""An account moved between a province's office and the Center (as `pressmon users
set-province` does: the move, and its line in the account log) leaves what it did before as its
office's then: the Center's answer stays an answer, a province's own conclusion stays no answer."""

from __future__ import annotations

import re
from datetime import timedelta

from pressmon.web.accounts import added_detail, moved_detail
from tests.web import test_web_provinces as base
from tests.web.conftest import act, sign_in

provinces = base.provinces
ITEM = base.NGHE_AN_ITEM
SENT = {"action": "escalate", "note": "Đề nghị Trung tâm đính chính"}
CONCLUDED = {"action": "status", "status": "false", "note": "Mạo danh BHXH"}


def _move(accounts, username: str, province: str | None) -> None:
    accounts.set_province(username, province)
    accounts.record("cli:root", username, "set-province", moved_detail(province))


def _waiting(client) -> set[str]:
    return set(re.findall(r'<a href="/bai/(doc\d+)[?"]', client.get("/hang-doi?chuyen=cho").text))


def test_the_centers_answer_stays_one_when_its_author_moves_to_a_province(
    client, provinces, clock
) -> None:
    act(client, base._as_province(client), ITEM, SENT)
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    act(client, sign_in(client, "binh"), ITEM, CONCLUDED)
    clock.advance(timedelta(hours=1))
    _move(provinces, "binh", "Hà Tĩnh")

    client.cookies.clear()
    base._as_province(client)
    item = client.get(f"/bai/{ITEM}").text
    assert "Trung tâm kết luận: <b>Sai sự thật</b>, Trần Thị Bình" in item
    assert "Chờ Trung tâm kết luận" not in item
    client.cookies.clear()
    sign_in(client, "an")
    assert ITEM not in _waiting(client)


def test_a_provinces_own_conclusion_stays_no_answer_when_its_author_moves_to_the_center(
    client, provinces, clock
) -> None:
    provinces.add("cu", "matkhau-nghe-an-8", "reviewer", "Lê Văn Cừ", province="Nghệ An")
    provinces.record("cli:root", "cu", "add", added_detail("reviewer", "Nghệ An"))
    act(client, base._as_province(client), ITEM, SENT)
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    act(client, sign_in(client, "cu", "matkhau-nghe-an-8"), ITEM, CONCLUDED)
    clock.advance(timedelta(hours=1))
    _move(provinces, "cu", None)

    client.cookies.clear()
    base._as_province(client)
    assert "Chờ Trung tâm kết luận" in client.get(f"/bai/{ITEM}").text
    client.cookies.clear()
    sign_in(client, "an")
    assert ITEM in _waiting(client)
