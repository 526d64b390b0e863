"""The province → Center road walked as its users read it, through HTTP: the words and links a
Nghệ An reviewer and a Center reviewer follow from a sending to its answer."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from openpyxl import load_workbook

from tests.web import test_web_provinces as base
from tests.web.conftest import act, sign_in

provinces = base.provinces  # the Nghệ An items and accounts
ITEM = base.NGHE_AN_ITEM
SENT = {"action": "escalate", "note": "Đề nghị Trung tâm xác minh"}
SENT_BACK = {"action": "send_back", "note": "Tỉnh làm việc với <b>báo</b> để gỡ bài"}
PERIOD = "tu=01/05/2026&den=31/05/2026"


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
    # The queue's link carries the view it is in (?quay_lai=), for the item to lead back to it.
    assert re.search(rf'<a href="/bai/{ITEM}[?"]', client.get("/hang-doi?chuyen=da-tra-loi").text)
    # An item no province sent up has no such link.
    assert "/hang-doi?chuyen=" not in client.get(f"/bai/{base.NATIONAL_ITEM}").text


def test_the_report_says_what_the_center_answered_each_item_sent_up(
    client, provinces, clock
) -> None:
    # Leadership reads that the Center sent one item back (who, when, why) and still owes the
    # other its answer: both are counted as acted on, so both must say what happened.
    act(client, base._as_province(client), base.NATIONAL_ITEM, {**SENT, "note": "Báo trung ương"})
    client.cookies.clear()
    _sent_up_and_sent_back(client, clock)
    client.cookies.clear()
    sign_in(client, "binh")
    html = client.get(f"/bao-cao?{PERIOD}").text
    back = "Trung tâm trả lại tỉnh, Nguyễn Văn An, 20/05/2026 11:00"
    assert f"{back}: Tỉnh làm việc với &lt;b&gt;báo&lt;/b&gt; để gỡ bài" in html
    assert html.count('<div class="center-answer small">Chờ Trung tâm kết luận</div>') == 1

    book = load_workbook(io.BytesIO(client.get(f"/bao-cao.xlsx?{PERIOD}").content))
    sheet = book["Bài cần xác minh"]
    header = [c.value for c in sheet[1]]
    answers = {
        row[header.index("Đường dẫn")]: row[header.index("Trả lời của Trung tâm")]
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert answers["https://baomau.vn/bai-30.html"] == (
        "Trung tâm trả lại tỉnh (Nguyễn Văn An, 20/05/2026 11:00): Tỉnh làm việc với <b>báo</b> "
        "để gỡ bài"
    )
    assert answers["https://baomau.vn/bai-31.html"] == "Chờ Trung tâm kết luận"
    assert answers["https://baomau.vn/bai-3.html"] is None  # no province sent it up: empty
