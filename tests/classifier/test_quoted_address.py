"""An address inside a quotation belongs to the quoted speaker, not to the text's reader."""

from __future__ import annotations

import pytest

from classifier.cues import scam_signals
from classifier.links import Channels
from vntext.deobfuscate import clean


@pytest.mark.parametrize(
    "text",
    [
        "Giải độc đắc xổ số bang Texas lên 900 triệu USD. “Trúng giải này, bạn có thể mua cả "
        "một hòn đảo”, một tờ báo địa phương bình luận; người thắng được nhận thưởng 300 triệu "
        "đồng ngay tại quầy.",
        'Gia dinh ke lai: "Ban co the nhan tien thuong ngay hom sau", nhung ba van cho ca tuan.',
    ],
    ids=["lottery-report", "quoted-folded"],
)
def test_a_quoted_address_in_a_report_is_not_the_reader(channels: Channels, text: str) -> None:
    signals = scam_signals(clean(text), channels)
    assert not signals.addressed
    assert "lure" not in signals.families


@pytest.mark.parametrize(
    "text",
    [
        "Bạn đã trúng thưởng 20 triệu đồng “quà tri ân khách hàng thân thiết” từ ngân hàng.",
        "Tha'ng nay ba.n duoc nhan thuong 5 trieu, goi ngay de nhan.",
    ],
    ids=["address-outside-quote", "apostrophe-tones"],
)
def test_an_address_outside_a_quotation_still_speaks_to_the_reader(
    channels: Channels, text: str
) -> None:
    assert scam_signals(clean(text), channels).addressed
