"""An item a province sent up and the Center concluded on: its decision panel says the Center's
conclusion once — "Trung tâm kết luận: Sai sự thật, …" with who and when — not a second time as
"Trung tâm kết luận (…)". A decision no sending asked for still names who made it, in the same
words: "Trung tâm kết luận (Nguyễn Văn An, …)"."""

from __future__ import annotations

from tests.web import test_web_provinces as base
from tests.web.conftest import act, sign_in
from tests.web.test_web_centers_decision import DECIDE, ITEM, SEND_UP

provinces = base.provinces


def _panel(page: str) -> str:
    return page.split('<section class="card decide">', 1)[1].split("</section>", 1)[0]


def test_the_centers_answer_is_its_decision_said_once(client, provinces) -> None:
    act(client, base._as_province(client), ITEM, SEND_UP)
    client.cookies.clear()
    act(client, sign_in(client, "an"), ITEM, DECIDE)
    for who in ("center", "province"):
        if who == "province":
            client.cookies.clear()
            base._as_province(client)
        panel = _panel(client.get(f"/bai/{ITEM}").text)
        assert panel.count("Trung tâm kết luận: <b>Sai sự thật</b>, Nguyễn Văn An, ") == 1, who
        assert "</b> kết luận (" not in panel, who


def test_a_decision_without_a_sending_still_names_who_made_it(client, provinces) -> None:
    act(client, sign_in(client, "an"), ITEM, DECIDE)
    panel = _panel(client.get(f"/bai/{ITEM}").text)
    assert "<b>Trung tâm</b> kết luận (Nguyễn Văn An, " in panel
