"""The queue at 1366 px: the short labels "Rủi ro", "Người xử lý" and every "Nhận xử lý" button
stay on one line; the priority badge is capitalised as the status badges are ("Cần xem ngay"
beside "Chưa xử lý"); the province column is headed as its filter is labelled."""

from __future__ import annotations

from tests.web.conftest import flagged
from tests.web.test_web_browser import page, pytestmark, server  # noqa: F401 (fixtures, marks)
from tests.web.test_web_browser_layout import _sign_in

LONG_TITLE = (
    "Cảnh báo thủ đoạn mạo danh cán bộ bảo hiểm xã hội gọi điện yêu cầu người dân cung cấp "
    "mã OTP để được hưởng chế độ một lần, cơ quan chức năng khuyến cáo không làm theo"
)
# How many lines an element's text takes: a rectangle for each.
_LINES = """element => {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range.getClientRects().length;
}"""


def test_short_labels_stay_on_one_line_at_1366(page, server, archive) -> None:  # noqa: F811
    # Long headlines and outlet names, as a real queue has, leave the short columns little room.
    archive.upsert(
        [
            flagged(
                40 + n,
                "urgent",
                0.95,
                id=f"dai{n}",
                title=LONG_TITLE,
                outlet_name="Cổng Thông tin điện tử Bảo hiểm xã hội tỉnh Thừa Thiên Huế",
            )
            for n in range(3)
        ]
    )
    page.set_viewport_size({"width": 1366, "height": 900})
    _sign_in(page, server)
    headers = page.locator("table.queue thead th")
    for text in ("Rủi ro", "Người xử lý"):
        header = headers.filter(has_text=text).first
        assert header.evaluate(_LINES) == 1, text
    buttons = page.locator("table.queue button", has_text="Nhận xử lý")
    assert buttons.count() > 0
    for i in range(buttons.count()):
        assert buttons.nth(i).evaluate(_LINES) == 1
    assert page.console_errors == []


def test_the_badges_and_the_province_column_read_alike(as_lead) -> None:
    client, _ = as_lead
    queue = client.get("/hang-doi").text
    assert '<span class="tier tier-urgent">Cần xem ngay</span>' in queue
    assert "cần xem ngay</" not in queue
    assert "<th>Tỉnh, thành phố</th>" in queue and "<th>Tỉnh</th>" not in queue
