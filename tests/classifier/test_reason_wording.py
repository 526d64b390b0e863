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


SCAM_SMS = (
    "BHXH thong bao: tai khoan BHXH cua ban bi khoa. Vui long cung cap ma OTP vua nhan de duoc "
    "ho tro nhan tien tro cap 3.500.000d. Lien he 0912345678 hoac truy cap bhxh-vn.top"
)


def test_an_impersonated_brand_is_named_as_people_know_it(flagger: Flagger) -> None:
    assessment = flagger.assess(ArticleText(title="", text=SCAM_SMS))
    [impersonation] = [
        r.text for r in assessment.reasons if r.detail.get("family") == "impersonation"
    ]
    assert impersonation.endswith("(Bảo hiểm xã hội Việt Nam)"), impersonation


def test_a_warning_article_is_not_said_to_quote_false_content(flagger: Flagger) -> None:
    # The stance is a reading of the article's framing; whether what it quotes is false is the
    # reviewer's finding, not the flagger's.
    warning = ArticleText(
        title="Tin đồn sai sự thật về việc BHXH dừng chi trả lương hưu",
        text="Thông tin lan truyền trên mạng xã hội rằng BHXH sẽ dừng chi trả lương hưu từ năm "
        "2027 là sai sự thật, BHXH Việt Nam khẳng định.",
        outlet="dantri",
        outlet_kind="national",
    )
    assessment = flagger.assess(warning)
    assert assessment.stance == "reports-and-debunks"
    [stance] = [r.text for r in assessment.reasons if r.kind == "stance"]
    framing = stance.rsplit(")", 1)[1]  # after the quoted cues, which may say "sai sự thật"
    assert "sai" not in framing and "có vẻ" in framing, stance


def test_an_impersonation_points_at_the_brand_the_message_names(flagger: Flagger) -> None:
    # The reviewer's page marks the quoted words: the brand's name, not the message's first word.
    sms = "Kinh gui Quy khach, tai khoan VCB cua ban bi khoa. Truy cap vcb-hotro.top de mo lai"
    assessment = flagger.assess(ArticleText(title="", text=sms))
    [detail] = [r.detail for r in assessment.reasons if r.detail.get("family") == "impersonation"]
    assert detail["excerpt"] == "VCB"
    assert sms[detail["start"] : detail["end"]] == "VCB"
