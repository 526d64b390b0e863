"""Scam kinds that used to stay below review, and genuine texts sharing their words.

Every text here is invented for these tests: betting invitations, teencode escort offers and
fake unpaid-order lures reach review; calls, teen chat, operator promotions and press reports on
gambling rings stay below it.
"""

from __future__ import annotations

import pytest

from classifier.cues import scam_signals
from classifier.flagger import Flagger
from classifier.links import Channels
from classifier.types import ArticleText
from vntext.deobfuscate import clean

REVIEW = 0.5


def _risk(flagger: Flagger, text: str) -> float:
    return flagger.assess(ArticleText(title="", text=text)).risk


@pytest.mark.parametrize(
    "text",
    [
        "Quy khach dang ky dich vu de nhan thong bao tat ca cuoc goi nho khi may tat nguon, "
        "lien he 0912345678.",
        "Anh oi chuyen tiep giup em tat ca cuoc goi sang so 0987654321 nhe.",
        "Ban da song ca cuoc doi voi nghe giao, lien he 0912345678 de gap lai lop cu.",
    ],
)
def test_a_whole_call_typed_without_diacritics_is_not_betting(
    flagger: Flagger, channels: Channels, text: str
) -> None:
    # Folded, "tất cả cuộc gọi" reads "tat ca cuoc goi", which holds "cá cược".
    assert "vice" not in scam_signals(clean(text), channels).families
    assert _risk(flagger, text) < REVIEW


def test_betting_typed_without_diacritics_is_still_betting(channels: Channels) -> None:
    text = "Ban tham gia ca cuoc bong da, lien he zalo 0912345678 de nhan code"
    assert "vice" in scam_signals(clean(text), channels).families
