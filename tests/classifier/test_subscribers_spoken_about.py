"""Subscribers are spoken about in a report; a carrier's notice names the reader's own line."""

from __future__ import annotations

import pytest

from classifier.cues import scam_signals
from classifier.links import Channels
from vntext.deobfuscate import clean


@pytest.mark.parametrize(
    "text",
    [
        "Theo lộ trình, các số thuê bao chưa xác thực thông tin sẽ bị tạm dừng dịch vụ một chiều.",
        "Thông tư mới quy định thuê bao di động cần xác thực tài khoản định danh trước tháng 6.",
        "thong tu moi quy dinh thue bao di dong can xac thuc tai khoan dinh danh truoc thang 6",
        "Nhà mạng cho biết hai triệu thuê bao đã cập nhật sinh trắc học trong tuần qua.",
        "Thuê bao này đã bị khóa hai chiều sau khi chủ máy báo mất điện thoại.",
        "Thuê bao không dùng điện thoại thông minh sẽ xác thực thông tin thế nào?",
        "Nhiều chủ thuê bao đi cập nhật tài khoản định danh vì sợ sẽ bị khóa SIM.",
    ],
    ids=[
        "counted",
        "as-a-class",
        "as-a-class-folded",
        "in-millions",
        "pointed-at",
        "a-headline-asking",
        "owners",
    ],
)
def test_a_report_about_subscribers_is_not_addressed(channels: Channels, text: str) -> None:
    signals = scam_signals(clean(text), channels)
    assert not signals.addressed
    assert not {"credential", "deadline"} & signals.families


@pytest.mark.parametrize(
    "text",
    [
        "Thuê bao 0912345678 chưa xác thực thông tin, sẽ bị khóa sau 24 giờ.",
        "Thue bao cua ban chua cap nhat tai khoan dinh danh, se bi khoa 2 chieu.",
        "Thuê bao của Quý khách chưa xác thực thông tin, sẽ bị khóa sau 24 giờ.",
    ],
    ids=["the-line-named", "folded", "the-customers-line"],
)
def test_the_readers_own_line_is_still_addressed(channels: Channels, text: str) -> None:
    signals = scam_signals(clean(text), channels)
    assert signals.addressed
    assert {"credential", "deadline"} <= signals.families
