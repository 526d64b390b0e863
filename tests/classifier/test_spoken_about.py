"""Customers and subscribers a report speaks about are not the reader; a message greeting a
customer or naming the reader's own line is."""

from __future__ import annotations

import pytest

from classifier.cues import NEEDS_ADDRESS, scam_signals
from classifier.links import Channels
from vntext.deobfuscate import clean

SPOKEN_ABOUT = {
    # Customers counted or pointed at.
    "draw-result": "Theo công ty xổ số, kỳ quay tối thứ Bảy có hai khách hàng trúng giải, mỗi vé "
    "nhận thưởng 2 tỷ đồng.",
    "complaint": "Nhiều khách hàng phản ánh siêu thị điện máy chậm trao giải cho chương trình quay "
    "số.",
    "bank-report": "Ngân hàng cho biết các khách hàng trúng thưởng đã nhận giải tại chi nhánh tuần "
    "trước.",
    "bank-report-folded": "ngan hang cho biet cac khach hang trung thuong da nhan giai tai chi "
    "nhanh tuan truoc",
    "customer-pointed-at": "Vị khách hàng này đã nhận giải sau ba ngày hoàn tất giấy tờ, công ty "
    "xác nhận.",
    # Subscribers counted, pointed at, or mobile subscriptions as a class.
    "subscribers-counted": "Theo lộ trình, các số thuê bao chưa xác thực thông tin sẽ bị tạm dừng "
    "dịch vụ một chiều.",
    "subscriptions": "Thông tư mới quy định thuê bao di động cần xác thực tài khoản định danh "
    "trước tháng 6.",
    "subscriptions-folded": "thong tu moi quy dinh thue bao di dong can xac thuc tai khoan dinh "
    "danh truoc thang 6",
    "in-millions": "Nhà mạng cho biết hai triệu thuê bao đã cập nhật sinh trắc học trong tuần qua.",
    "line-pointed-at": "Thuê bao này đã bị khóa hai chiều sau khi chủ máy báo mất điện thoại.",
    "a-headline-asking": "Thuê bao không dùng điện thoại thông minh sẽ xác thực thông tin thế nào?",
    "owners": "Nhiều chủ thuê bao đi cập nhật tài khoản định danh vì sợ sẽ bị khóa SIM.",
}


@pytest.mark.parametrize("text", SPOKEN_ABOUT.values(), ids=SPOKEN_ABOUT.keys())
def test_people_a_report_speaks_about_are_not_the_reader(channels: Channels, text: str) -> None:
    signals = scam_signals(clean(text), channels)
    assert not signals.addressed
    assert not NEEDS_ADDRESS & signals.families


ADDRESSED = {
    "prize-with-chat": (
        "Khách hàng đã trúng thưởng chiếc xe máy, liên hệ Zalo 0912 345 678 để nhận giải.",
        {"lure"},
    ),
    "prize-folded": (
        "Chuc mung khach hang trung thuong 50 trieu, nhan giai tai quatang-tri-an.top",
        {"lure"},
    ),
    "support-money": ("Khách hàng vui lòng nhận tiền hỗ trợ trước 17h hôm nay.", {"lure"}),
    "the-line-named": (
        "Thuê bao 0912345678 chưa xác thực thông tin, sẽ bị khóa sau 24 giờ.",
        {"credential", "deadline"},
    ),
    "the-line-folded": (
        "Thue bao cua ban chua cap nhat tai khoan dinh danh, se bi khoa 2 chieu.",
        {"credential", "deadline"},
    ),
    "the-customers-line": (
        "Thuê bao của Quý khách chưa xác thực thông tin, sẽ bị khóa sau 24 giờ.",
        {"credential", "deadline"},
    ),
}


@pytest.mark.parametrize(("text", "families"), ADDRESSED.values(), ids=ADDRESSED.keys())
def test_a_customer_greeted_or_the_readers_line_is_the_reader(
    channels: Channels, text: str, families: set[str]
) -> None:
    signals = scam_signals(clean(text), channels)
    assert signals.addressed
    assert families <= signals.families
