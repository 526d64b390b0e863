"""The leadership report names every province that sent an item up, on the page and in the
workbook, as the item page and the queue do: a national item two provinces sent the Center is
not reported as the latest sender's alone. Through HTTP as both provinces send it, with the
Center alerted of each sending by a real SMTP server on loopback."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from pressmon.alerts.store import AlertStore, Preference
from pressmon.web.app import create_app
from pressmon.wiring import notifier_from
from tests.web import test_web_center_senders as senders
from tests.web import test_web_provinces as base
from tests.web.conftest import sign_in, with_alerts

provinces = base.provinces
two_provinces = senders.two_provinces
PERIOD = "tu=01/05/2026&den=31/05/2026"
ITEM_URL = "https://baomau.vn/bai-32.html"
LEAD = "binh@bhxh.test"


@pytest.fixture
def wired(settings, archive, two_provinces, accounts, clock, receivers):
    """The web app with alerts by loopback SMTP, the Center's lead mailed at once; (client,
    mailbox, notifier)."""
    mailbox, port, _hook, _url = receivers
    configured = with_alerts(settings, port=port)
    AlertStore(settings.archive.state_path).set_preference("binh", Preference(email=LEAD))
    app = create_app(configured, archive=archive, accounts=accounts, clock=clock)
    client = TestClient(app, base_url="http://testserver")
    return client, mailbox, notifier_from(configured, clock=clock)


def test_the_report_names_every_province_that_sent_the_item_up(wired, clock) -> None:
    client, mailbox, notifier = wired
    senders._sent_by_both(client, clock)
    notifier.send_due()
    assert [m["Subject"].split(" chuyển lên")[0] for m in mailbox.messages] == [
        "[pressmon] BHXH Nghệ An",
        "[pressmon] BHXH Hà Tĩnh",
    ]

    client.cookies.clear()
    sign_in(client, "binh")
    html = client.get(f"/bao-cao?{PERIOD}").text
    assert f"{senders.NGHE_AN_LINE}: Bài lan truyền ở Nghệ An" in html
    assert f"{senders.HA_TINH_LINE}: Hà Tĩnh cũng nhận &lt;b&gt;phản ánh&lt;/b&gt;" in html

    book = load_workbook(io.BytesIO(client.get(f"/bao-cao.xlsx?{PERIOD}").content))
    sheet = book["Bài cần xác minh"]
    header = [c.value for c in sheet[1]]
    [row] = [
        dict(zip(header, r, strict=True))
        for r in sheet.iter_rows(min_row=2, values_only=True)
        if r[header.index("Đường dẫn")] == ITEM_URL
    ]
    assert row["Tỉnh chuyển lên"] == "BHXH Nghệ An; BHXH Hà Tĩnh"
    assert row["Người chuyển"] == "Hồ Thị Nga; Đặng Văn Tĩnh"
    assert row["Thời điểm chuyển"] == "20/05/2026 10:00; 20/05/2026 11:00"
    assert row["Ghi chú khi chuyển"] == (
        "Bài lan truyền ở Nghệ An; Hà Tĩnh cũng nhận <b>phản ánh</b>"
    )
    assert row["Xử lý gần nhất trong kỳ"] == datetime(2026, 5, 20, 11, 0)
