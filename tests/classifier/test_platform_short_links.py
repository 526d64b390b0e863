"""A big platform's own short link names the platform: a shared video, not a hidden address."""

from __future__ import annotations

import pytest

from classifier.cues import scam_signals
from classifier.links import Channels
from vntext.deobfuscate import clean


@pytest.mark.parametrize(
    "text",
    [
        "Mọi người xem lại đoạn này nhé https://youtu.be/Qw3rTy7uIo0 buồn cười quá",
        "clip hom qua day https://youtu.be/Zx9Kp2LmN4q xem di",
        "Ai biết quán này ở đâu không fb.me/quancomnhaba",
    ],
    ids=["youtube-video", "youtube-folded", "facebook-page"],
)
def test_a_platform_short_link_in_a_post_is_no_hidden_channel(
    channels: Channels, text: str
) -> None:
    signals = scam_signals(clean(text), channels)
    assert "channel" not in signals.families
    assert signals.score == 0.0


def test_a_support_page_behind_a_facebook_short_link_stays_a_channel(channels: Channels) -> None:
    # fb.me/<page> is the page itself: its name is judged as facebook.com/<page> would be.
    text = "Hồ sơ BHXH bị lỗi, nhắn tin ngay cho trang fb.me/hotro.bhxh.vn để được xử lý."
    assert "channel" in scam_signals(clean(text), channels).families
