"""The account log on /nguoi-dung names who did what as /nhat-ky does — "Dòng lệnh (root)",
"Đổi vai trò", "Người xác minh → Lãnh đạo" — and neither page shows the stored codes
("cli:root", "set-role", "reviewer -> lead", "lead, Nghệ An")."""

from __future__ import annotations

import re


def _table(html: str, heading: str) -> str:
    return html.split(heading, 1)[1].split("</table>", 1)[0]


def _cells(html: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in rows]


def test_the_account_log_reads_as_the_audit_log(as_admin, accounts) -> None:
    client, token = as_admin
    accounts.record("cli:root", "binh", "add", "lead")
    moved = client.post("/nguoi-dung/an/vai-tro", data={"csrf_token": token, "role": "lead"})
    added = client.post(
        "/nguoi-dung",
        data={
            "csrf_token": token,
            "username": "nga",
            "password": "matkhau-nga-du-dai",
            "role": "reviewer",
            "display_name": "Hồ Thị Nga",
            "province": "Nghe An",
        },
    )
    assert moved.status_code == added.status_code == 200  # followed to /nguoi-dung

    log = _cells(_table(client.get("/nguoi-dung").text, "Nhật ký thay đổi tài khoản"))
    assert ["Lê Chi", "nga", "Tạo tài khoản", "Người xác minh, BHXH Nghệ An"] in [
        row[1:] for row in log
    ]
    assert ["Lê Chi", "an", "Đổi vai trò", "Người xác minh → Lãnh đạo"] in [row[1:] for row in log]
    assert ["Dòng lệnh (root)", "binh", "Tạo tài khoản", "Lãnh đạo"] in [row[1:] for row in log]

    audit = client.get("/nhat-ky").text
    assert "Người xác minh → Lãnh đạo" in audit and "Người xác minh, BHXH Nghệ An" in audit
    for code in ("reviewer -&gt; lead", "reviewer, Nghệ An", "cli:root", ">set-role<"):
        assert code not in audit
