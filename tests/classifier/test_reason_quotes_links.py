"""A quoted sentence holds the whole sentence around a link or look-alike domain, not the half
before its first dot."""

from __future__ import annotations

from classifier.flagger import Flagger
from classifier.types import ArticleText

SCAM = (
    "BHXH thông báo: Quý khách được nhận tiền hỗ trợ bảo hiểm xã hội một lần, vui lòng truy cập "
    "bhxh-vn.top để cung cấp mã OTP và nhận tiền ngay. Hạn chót hôm nay."
)


def test_a_sentence_with_a_domain_is_quoted_whole(flagger: Flagger) -> None:
    assessment = flagger.assess(ArticleText(title="", text=SCAM))
    quoted = [r.text for r in assessment.reasons if r.kind == "sentence"]
    assert quoted, assessment.reasons
    assert SCAM.split(" Hạn chót")[0] in quoted, quoted
    assert all(q in {SCAM.split(" Hạn chót")[0], "Hạn chót hôm nay."} for q in quoted), quoted
