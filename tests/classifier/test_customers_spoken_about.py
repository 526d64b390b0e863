"""Customers a report counts or points at are people spoken about, not the reader addressed."""

from __future__ import annotations

import pytest

from classifier.cues import scam_signals
from classifier.links import Channels
from vntext.deobfuscate import clean


@pytest.mark.parametrize(
    "text",
    [
        "Theo công ty xổ số, kỳ quay tối thứ Bảy có hai khách hàng trúng giải, mỗi vé nhận "
        "thưởng 2 tỷ đồng.",
        "Nhiều khách hàng phản ánh siêu thị điện máy chậm trao giải cho chương trình quay số.",
        "Ngân hàng cho biết các khách hàng trúng thưởng đã nhận giải tại chi nhánh tuần trước.",
        "ngan hang cho biet cac khach hang trung thuong da nhan giai tai chi nhanh tuan truoc",
        "Vị khách hàng này đã nhận giải sau ba ngày hoàn tất giấy tờ, công ty xác nhận.",
    ],
    ids=["draw-result", "complaint", "bank-report", "bank-report-folded", "pointed-at"],
)
def test_a_report_about_customers_who_won_is_not_addressed(channels: Channels, text: str) -> None:
    signals = scam_signals(clean(text), channels)
    assert not signals.addressed
    assert "lure" not in signals.families


@pytest.mark.parametrize(
    "text",
    [
        "Khách hàng đã trúng thưởng chiếc xe máy, liên hệ Zalo 0912 345 678 để nhận giải.",
        "Chuc mung khach hang trung thuong 50 trieu, nhan giai tai quatang-tri-an.top",
        "Khách hàng vui lòng nhận tiền hỗ trợ trước 17h hôm nay.",
    ],
    ids=["prize-with-chat", "prize-folded", "support-money"],
)
def test_a_customer_greeted_is_still_the_reader(channels: Channels, text: str) -> None:
    signals = scam_signals(clean(text), channels)
    assert signals.addressed
    assert "lure" in signals.families
