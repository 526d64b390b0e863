"""The audit trail says on whose behalf each action was taken: the office the account acted for
when it acted (the account log's), not its office now. An account that worked for BHXH Nghệ An
and moved to the Center reads Nghệ An on its old actions and the Center on its new ones, on the
item's log and its CSV and on the audit log and its CSV; the command line's actions name none."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from pressmon.web.accounts import added_detail, moved_detail
from tests.web import test_web_provinces as base
from tests.web.conftest import act, sign_in

provinces = base.provinces
ITEM = base.NGHE_AN_ITEM
PASSWORD = "matkhau-nghe-an-9"
IN_NGHE_AN = {"action": "note", "note": "Đối chiếu ở tỉnh"}
AT_THE_CENTER = {"action": "note", "note": "Đối chiếu ở Trung tâm"}
OLD = "Lê Văn Cừ (cu, BHXH Nghệ An)"
NEW = "Lê Văn Cừ (cu, Trung tâm)"


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def _acted_in_nghe_an_then_at_the_center(client, accounts, clock) -> None:
    accounts.add("cu", PASSWORD, "reviewer", "Lê Văn Cừ", province="Nghệ An")
    accounts.record("cli:root", "cu", "add", added_detail("reviewer", "Nghệ An"))
    clock.advance(timedelta(hours=1))
    act(client, sign_in(client, "cu", PASSWORD), ITEM, IN_NGHE_AN)
    clock.advance(timedelta(hours=1))
    accounts.set_province("cu", None)
    accounts.record("cli:root", "cu", "set-province", moved_detail(None))
    clock.advance(timedelta(hours=1))
    client.cookies.clear()
    act(client, sign_in(client, "cu", PASSWORD), ITEM, AT_THE_CENTER)


def test_the_items_log_names_the_office_each_action_was_taken_for(client, provinces, clock) -> None:
    _acted_in_nghe_an_then_at_the_center(client, provinces, clock)

    log = client.get(f"/bai/{ITEM}").text.split('id="nhat-ky"')[1]
    actor = '<td data-label="Người thực hiện">'
    assert log.index(f"{actor}{NEW}</td>") < log.index(f"{actor}{OLD}</td>")  # newest first
    rows = _rows(client.get(f"/bai/{ITEM}/nhat-ky.csv").text)
    by_note = {row["Ghi chú"]: row for row in rows}
    old, new = by_note[IN_NGHE_AN["note"]], by_note[AT_THE_CENTER["note"]]
    assert list(old)[-1] == "Đơn vị khi thực hiện"  # appended: the columns before are a contract
    assert (old["Người thực hiện"], old["Tên người thực hiện"]) == ("cu", OLD)
    assert old["Đơn vị khi thực hiện"] == "BHXH Nghệ An"
    assert (new["Tên người thực hiện"], new["Đơn vị khi thực hiện"]) == (NEW, "Trung tâm")


def test_the_audit_log_names_the_office_each_action_was_taken_for(client, provinces, clock) -> None:
    _acted_in_nghe_an_then_at_the_center(client, provinces, clock)
    client.cookies.clear()
    sign_in(client, "binh")

    page = client.get("/nhat-ky").text
    assert page.index(f"<td>{NEW}</td>") < page.index(f"<td>{OLD}</td>")
    assert "<td>Dòng lệnh (root)</td>" in page  # the command line's moves: no office
    rows = _rows(client.get("/nhat-ky.csv").text)
    assert list(rows[0])[-2:] == ["Tài khoản người thực hiện", "Đơn vị khi thực hiện"]
    offices = {row["Chi tiết"]: row["Đơn vị khi thực hiện"] for row in rows}
    assert offices[f"ghi chú: {IN_NGHE_AN['note']}"] == "BHXH Nghệ An"
    assert offices[f"ghi chú: {AT_THE_CENTER['note']}"] == "Trung tâm"
    moves = [row for row in rows if row["Tài khoản người thực hiện"] == ""]
    assert moves and all(row["Đơn vị khi thực hiện"] == "" for row in moves)
