"""The leadership report says which office made each item's standing decision, as the item page
does: the Center's conclusions are told from a province's on the page ("… kết luận (…)", said once
when it is the Center's answer to a sending) and in
the workbook's column of *Bài cần xác minh* "Đơn vị kết luận", the office read at the
decision's time, not where its account is now; empty while no decision stands."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from openpyxl import load_workbook

from pressmon.web.accounts import added_detail, moved_detail
from tests.web import test_web_provinces as base
from tests.web.conftest import act, sign_in

provinces = base.provinces  # the Nghệ An items and accounts
PERIOD = "tu=01/05/2026&den=31/05/2026"
DECIDE = {"action": "status", "status": "false", "note": "Mạo danh BHXH"}
SEND_UP = {"action": "escalate", "note": "Đề nghị Trung tâm kết luận"}


def _rows(content: bytes) -> dict[str, dict[str, object]]:
    """The items sheet's rows by document id (read off each row's link)."""
    sheet = load_workbook(io.BytesIO(content))["Bài cần xác minh"]
    header = [c.value for c in sheet[1]]
    assert header[-2:] == ["Đơn vị kết luận", "Mã nội dung"]
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    return {f"doc{int(str(r['Đường dẫn']).rsplit('-', 1)[1].split('.')[0]):03d}": r for r in rows}


def test_the_report_says_which_office_concluded(client, provinces, clock) -> None:
    # Nghệ An concludes its own item, and its reviewer later moves to the Center (as `pressmon
    # users` does it: the change and its line in the account log); Nghệ An sends the national
    # item up and the Center concludes it.
    provinces.record("cli:root", "nghean", "add", added_detail("reviewer", "Nghệ An"))
    token = base._as_province(client)
    act(client, token, base.NGHE_AN_ITEM, DECIDE)
    act(client, token, base.NATIONAL_ITEM, SEND_UP)
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    act(client, sign_in(client, "an"), base.NATIONAL_ITEM, DECIDE)
    clock.advance(timedelta(hours=1))
    provinces.set_province("nghean", None)
    provinces.record("cli:root", "nghean", "set-province", moved_detail(None))

    client.cookies.clear()
    sign_in(client, "binh")
    html = client.get(f"/bao-cao?{PERIOD}").text
    said = re.findall(r'<div class="small decided-by">(.*?)</div>', html)
    # The Center's conclusion is its answer to Nghệ An's sending: the row says it once, in the
    # answer's line, as the item page does, not again as "Trung tâm kết luận (…)".
    assert said == ["<b>BHXH Nghệ An</b> kết luận (Hồ Thị Nga, 20/05/2026 10:00)"]
    answer = "Trung tâm kết luận: <b>Sai sự thật</b>, Nguyễn Văn An, 20/05/2026 11:00"
    assert html.count(answer) == 1
    assert "<b>Trung tâm</b> kết luận (" not in html

    rows = _rows(client.get(f"/bao-cao.xlsx?{PERIOD}").content)
    assert rows[base.NGHE_AN_ITEM]["Đơn vị kết luận"] == "BHXH Nghệ An"
    assert rows[base.NATIONAL_ITEM]["Đơn vị kết luận"] == "Trung tâm"
    undecided = [r for d, r in rows.items() if d not in (base.NGHE_AN_ITEM, base.NATIONAL_ITEM)]
    assert undecided and all(r["Đơn vị kết luận"] is None for r in undecided)


def test_a_centers_decision_no_sending_asked_for_is_named_in_the_report(
    client, provinces, clock
) -> None:
    act(client, sign_in(client, "an"), base.NATIONAL_ITEM, DECIDE)
    client.cookies.clear()
    sign_in(client, "binh")
    html = client.get(f"/bao-cao?{PERIOD}").text
    said = re.findall(r'<div class="small decided-by">(.*?)</div>', html)
    assert len(said) == 1 and said[0].startswith("<b>Trung tâm</b> kết luận (Nguyễn Văn An, ")
