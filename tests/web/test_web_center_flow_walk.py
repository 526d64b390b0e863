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
