"""The flagger's reasons as a reviewer reads them: each quoted sentence once, brands by name,
and no stance stated as a finding (a triage score, never a verdict)."""

from __future__ import annotations

from classifier.flagger import Flagger
from classifier.types import ArticleText

NOTICE = (
    "Bảo hiểm xã hội Việt Nam thông tin về việc chi trả lương hưu, trợ cấp BHXH tháng 12/2026 "
    "qua tài khoản cá nhân."
)


def test_a_sentence_repeated_in_the_text_is_quoted_once(flagger: Flagger) -> None:
    assessment = flagger.assess(ArticleText(title="", text=" ".join([NOTICE] * 50)))
    sentences = [r.text for r in assessment.reasons if r.kind == "sentence"]
    assert sentences == [NOTICE]
