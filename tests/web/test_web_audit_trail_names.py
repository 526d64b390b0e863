"""The audit trail leadership reads names people as the rest of the UI does, and keeps the
account for traceability: the item's log and its CSV, the audit log and its CSV."""

from __future__ import annotations

import csv
import io

from tests.web.conftest import act


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_the_items_log_names_the_actor_with_the_account(client, login) -> None:
    act(client, login(client, "an"), "doc003", {"action": "note", "note": "Đang đối chiếu"})
    html = client.get("/bai/doc003").text
    log = html.split('id="nhat-ky"')[1]
    assert '<td data-label="Người thực hiện">Nguyễn Văn An (an, Trung tâm)</td>' in log
    rows = _rows(client.get("/bai/doc003/nhat-ky.csv").text)
    assert rows[0][2] == "Người thực hiện" and rows[0][8] == "Tên người thực hiện"
    assert rows[1][2] == "an"  # the column as it always was
    assert rows[1][8] == "Nguyễn Văn An (an, Trung tâm)"


def test_the_audit_log_names_the_actor_with_the_account(client, login) -> None:
    act(client, login(client, "an"), "doc003", {"action": "note", "note": "Đang đối chiếu"})
    login(client, "binh")
    page = client.get("/nhat-ky").text
    assert "<td>Nguyễn Văn An (an, Trung tâm)</td>" in page
    rows = _rows(client.get("/nhat-ky.csv").text)
    assert rows[0][:6] == [
        "Thời điểm",
        "Lĩnh vực",
        "Người thực hiện",
        "Thao tác",
        "Đối tượng",
        "Chi tiết",
    ]
    assert rows[0][6] == "Tài khoản người thực hiện"
    assert rows[1][2] == "Nguyễn Văn An" and rows[1][6] == "an"
