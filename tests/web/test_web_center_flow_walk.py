"""The province → Center road walked as its users read it, through HTTP: the words and links a
Nghệ An reviewer and a Center reviewer follow from a sending to its answer."""

from __future__ import annotations

from datetime import timedelta

from tests.web import test_web_provinces as base
from tests.web.conftest import act, sign_in

provinces = base.provinces  # the Nghệ An items and accounts
ITEM = base.NGHE_AN_ITEM
SENT = {"action": "escalate", "note": "Đề nghị Trung tâm xác minh"}
SENT_BACK = {"action": "send_back", "note": "Tỉnh làm việc với báo để gỡ bài"}


def _sent_up_and_sent_back(client, clock) -> None:
    """Nghệ An sends the item up; the Center sends it back an hour later; Nghệ An signs in."""
    act(client, base._as_province(client), ITEM, SENT)
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    act(client, sign_in(client, "an"), ITEM, SENT_BACK)
    client.cookies.clear()
    base._as_province(client)


def test_the_answered_filter_names_a_send_back_as_an_answer(client, provinces, clock) -> None:
    # A send-back is no conclusion: the filter that lists it must not be called one.
    _sent_up_and_sent_back(client, clock)
    queue = client.get("/hang-doi?chuyen=da-tra-loi").text
    assert "Trung tâm trả lại tỉnh, Nguyễn Văn An" in queue
    assert '<option value="da-tra-loi" selected>Trung tâm đã trả lời</option>' in queue
    assert "Trung tâm đã kết luận" not in queue


def test_the_item_page_links_to_the_queue_list_the_item_is_in(client, provinces, clock) -> None:
    # Waiting, the item links to what waits for the Center; answered, to what it answered, where
    # the province finds this item beside the others.
    token = base._as_province(client)
    act(client, token, ITEM, SENT)
    waiting = client.get(f"/bai/{ITEM}").text
    assert '<a href="/hang-doi?chuyen=cho">Xem các bài chờ Trung tâm kết luận</a>' in waiting
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    act(client, sign_in(client, "an"), ITEM, SENT_BACK)
    client.cookies.clear()
    base._as_province(client)
    answered = client.get(f"/bai/{ITEM}").text
    assert '<a href="/hang-doi?chuyen=da-tra-loi">Xem các bài Trung tâm đã trả lời</a>' in answered
    assert f'<a href="/bai/{ITEM}">' in client.get("/hang-doi?chuyen=da-tra-loi").text
    # An item no province sent up has no such link.
    assert "/hang-doi?chuyen=" not in client.get(f"/bai/{base.NATIONAL_ITEM}").text
