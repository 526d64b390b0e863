"""/nhat-ky through HTTP: review decisions, account changes and alerts in one log, filtered by
user, action and dates, exported as CSV; times to the second in Hà Nội time; display names."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from pressmon.alerts.store import AlertStore
from pressmon.wiring import notifier_from
from tests.web.conftest import flagged


def _decide(client, token: str, **form: str) -> None:
    response = client.post(
        "/bai/doc003/xu-ly", data={"csrf_token": token, **form}, follow_redirects=False
    )
    assert response.status_code == 303, response.text


def _seed(client, login, accounts, settings, clock) -> None:
    token = login(client, "an")
    clock.advance(timedelta(seconds=7))  # 10:00:07 in Hà Nội
    _decide(client, token, action="status", status="in_progress")
    clock.advance(timedelta(days=1, seconds=5))  # 21/05 10:00:12
    token = login(client, "an")  # the session of the day before has expired
    _decide(client, token, action="status", status="false", note="Trái thông cáo BHXH")
    clock.advance(timedelta(seconds=1))
    accounts.record("chi", "an", "set-role", "reviewer → lead")  # 21/05 10:00:13
    notifier = notifier_from(settings, console=io.StringIO(), clock=clock)
    clock.advance(timedelta(seconds=1))
    notifier.notify([flagged(1, "urgent", 0.93)])
    notifier.send_due()  # printed: no SMTP here; an audit event all the same


def test_the_audit_log_lists_every_kind_of_event_with_names_and_seconds(
    client, login, accounts, settings, clock
) -> None:
    _seed(client, login, accounts, settings, clock)
    login(client, "binh")
    page = client.get("/nhat-ky")
    assert page.status_code == 200
    html = page.text
    assert 'href="/nhat-ky"' in html  # in the nav
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert len(rows) == 4
    newest, account, decision, start = rows
    assert "21/05/2026 10:00:14" in newest and "Hệ thống" in newest
    assert "Đã gửi cảnh báo" in newest and 'href="/bai/doc001"' in newest
    assert "Lê Chi" in account and "Nguyễn Văn An" in account and "Đổi vai trò" in account
    assert "21/05/2026 10:00:12" in decision and "Nguyễn Văn An" in decision
    assert "Đang xác minh → Sai sự thật" in decision and "Trái thông cáo BHXH" in decision
    assert "20/05/2026 10:00:07" in start and ">an<" not in html  # names, not usernames


def test_filters_by_user_action_and_dates(client, login, accounts, settings, clock) -> None:
    _seed(client, login, accounts, settings, clock)
    login(client, "binh")

    def rows(query: str) -> list[str]:
        html = client.get(f"/nhat-ky?{query}").text
        found = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
        return [row for row in found if "Không có sự kiện nào khớp bộ lọc." not in row]

    assert len(rows("nguoi=an")) == 2  # An's decisions, not the change to An's account
    assert len(rows("nguoi=chi")) == 1
    assert len(rows("nguoi=system")) == 1
    assert len(rows("thao_tac=review:status")) == 2
    assert len(rows("thao_tac=account:set-role&nguoi=an")) == 0
    assert len(rows("thao_tac=alert:sent")) == 1
    assert len(rows("tu=21/05/2026")) == 3
    assert len(rows("den=20/05/2026")) == 1
    assert len(rows("tu=21/05/2026&nguoi=an&thao_tac=review:status")) == 1
    assert rows("tu=01/01/2027") == []
    assert "Không có sự kiện nào khớp bộ lọc." in client.get("/nhat-ky?tu=01/01/2027").text
    bad = client.get("/nhat-ky?tu=01/01/1800")
    assert bad.status_code == 400


def test_csv_export_holds_the_filtered_log(client, login, accounts, settings, clock) -> None:
    _seed(client, login, accounts, settings, clock)
    login(client, "chi")
    response = client.get("/nhat-ky.csv?nguoi=an")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="nhat-ky.csv"' in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert rows[0] == [
        "Thời điểm",
        "Lĩnh vực",
        "Người thực hiện",
        "Thao tác",
        "Đối tượng",
        "Chi tiết",
        "Tài khoản người thực hiện",
        "Đơn vị khi thực hiện",
    ]
    assert rows[1][:5] == [
        "21/05/2026 10:00:12",
        "Xử lý bài",
        "Nguyễn Văn An",
        "Đổi trạng thái",
        "doc003",
    ]
    assert len(rows) == 3
    assert AlertStore(settings.archive.state_path).events()[0].outcome == "sent"


def test_only_leads_and_admins_read_the_audit_log(as_reviewer) -> None:
    client, _token = as_reviewer
    assert client.get("/nhat-ky").status_code == 403
    assert client.get("/nhat-ky.csv").status_code == 403
    assert 'href="/nhat-ky"' not in client.get("/hang-doi").text
