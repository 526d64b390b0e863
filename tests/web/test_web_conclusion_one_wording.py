"""One wording for who concluded: the Center's answer to a sending reads "Trung tâm kết luận: Sai
sự thật, …" and the standing decision beside the status "Trung tâm kết luận (Nguyễn Văn An, …)"
— on the report row and on the item page, which say the answer's conclusion once — never "Kết
luận của Trung tâm (…)"."""

from __future__ import annotations

import re

from tests.web import test_web_provinces as base
from tests.web.conftest import act, sign_in
from tests.web.test_web_report_deciding_office import DECIDE, PERIOD, SEND_UP

provinces = base.provinces
ITEM = base.NATIONAL_ITEM


def test_the_report_row_and_item_page_word_the_conclusion_alike(client, provinces) -> None:
    act(client, base._as_province(client), ITEM, SEND_UP)
    client.cookies.clear()
    act(client, sign_in(client, "an"), ITEM, DECIDE)
    client.cookies.clear()
    sign_in(client, "binh")
    report = client.get(f"/bao-cao?{PERIOD}").text
    row = re.search(rf'<tr><td class="doc"><a href="/bai/{ITEM}">.*?</tr>', report, flags=re.S)
    assert row is not None
    assert "Trung tâm kết luận: <b>Sai sự thật</b>, Nguyễn Văn An, " in row.group(0)
    assert 'class="small decided-by"' not in row.group(0)  # the answer's line names who decided
    assert "Kết luận của" not in report
    # A province's own decision on its item, on the page it is made.
    client.cookies.clear()
    act(client, base._as_province(client), base.NGHE_AN_ITEM, DECIDE)
    page = client.get(f"/bai/{base.NGHE_AN_ITEM}").text
    assert '<p class="decided-by"><b>BHXH Nghệ An</b> kết luận (' in page
    assert "Kết luận của" not in page
