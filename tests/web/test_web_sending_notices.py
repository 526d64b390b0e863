"""After "Chuyển Trung tâm" the province's page said nothing: it went back to the log, where a
reviewer had to find the new line to know the item was sent; after "Trả lại tỉnh" the Center's
page was as silent. The page now says what was sent, while it stands, as a saved status is said."""

from __future__ import annotations

from datetime import timedelta

from tests.web import test_web_provinces as base
from tests.web.conftest import sign_in

provinces = base.provinces  # the Nghệ An items and accounts
ITEM = base.NGHE_AN_ITEM
SENT_UP = "Đã chuyển bài lên Trung tâm. Bài ở mục “Chờ Trung tâm kết luận” đến khi Trung tâm"
SENT_BACK = "Đã trả lại BHXH Nghệ An. Tỉnh thấy ghi chú của Trung tâm trên trang bài này."


def _send(client, token: str, action: str, note: str) -> str:
    response = client.post(
        f"/bai/{ITEM}/xu-ly",
        data={"csrf_token": token, "action": action, "note": note},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return response.headers["location"]


def test_a_sending_up_and_back_is_said_on_the_page_after_it(client, provinces, clock) -> None:
    up = _send(client, base._as_province(client), "escalate", "Đề nghị Trung tâm xác minh")
    assert up == f"/bai/{ITEM}?da_luu=escalate#nhat-ky"
    assert SENT_UP in client.get(up.split("#")[0]).text
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    back = _send(client, sign_in(client, "an"), "send_back", "Tỉnh làm việc với báo")
    assert back == f"/bai/{ITEM}?da_luu=send_back#nhat-ky"
    shown = client.get(back.split("#")[0]).text
    assert SENT_BACK in shown and SENT_UP not in shown
    # No longer true: the province's sending was answered, so the old address says nothing.
    assert SENT_UP not in client.get(up.split("#")[0]).text


def test_a_sending_is_not_said_when_none_stands(client, provinces) -> None:
    sign_in(client, "an")
    for said in ("escalate", "send_back", "%3Cb%3E"):
        shown = client.get(f"/bai/{ITEM}?da_luu={said}").text
        assert "Đã chuyển bài lên Trung tâm" not in shown and "Đã trả lại" not in shown
