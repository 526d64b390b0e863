from __future__ import annotations

import pytest

from classifier.stance import detect_stance

CASES = [
    (
        "warning-quotes-scam",
        "BHXH tỉnh cảnh báo tin nhắn giả mạo",
        'Nhiều người nhận tin nhắn: "Tài khoản VssID sẽ bị khóa, bấm vào link để xác minh ngay, '
        'liên hệ ngay 0912345678". BHXH khẳng định không có chủ trương nhắn tin, khuyến cáo '
        "người dân cảnh giác.",
        0.9,
        None,
        "reports-and-debunks",
    ),
    (
        "scam-offer",
        "Nhận làm hồ sơ rút BHXH",
        "Bên em nhận làm hồ sơ rút BHXH một lần, phí hồ sơ 500 nghìn, liên hệ ngay Zalo "
        "0912345678!!",
        0.9,
        None,
        "asserts",
    ),
    (
        "confident-model-no-cues",
        "Quỹ lương hưu",
        "Quỹ lương hưu sắp hết tiền trong vài năm nữa.",
        0.85,
        None,
        "asserts",
    ),
    (
        "ordinary-coverage",
        "Chi trả lương hưu tháng 7",
        "BHXH tỉnh đã chi trả lương hưu tháng 7 cho người hưởng đúng thời gian quy định.",
        0.1,
        "provincial",
        "neutral",
    ),
    (
        "outlet-prior-alone-does-not-debunk",
        "Nhận làm hồ sơ rút BHXH",
        "Bên em nhận làm hồ sơ rút BHXH một lần, phí hồ sơ 500 nghìn, liên hệ ngay Zalo "
        "0912345678!!",
        0.9,
        "provincial",
        "asserts",
    ),
]


@pytest.mark.parametrize(
    ("title", "text", "risk", "outlet_kind", "expected"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_stance(title: str, text: str, risk: float, outlet_kind: str | None, expected: str) -> None:
    result = detect_stance(
        title, text, model_risk=risk, claim_matched=False, outlet_kind=outlet_kind
    )
    assert result.stance == expected


def test_quoted_assertions_count_less_than_the_article_voice() -> None:
    quoted = detect_stance(
        "",
        'Kẻ gian nhắn: "Bấm vào link, nhập mã OTP để nhận ngay tiền".',
        model_risk=0.5,
        claim_matched=False,
        outlet_kind=None,
    )
    voiced = detect_stance(
        "",
        "Bấm vào link, nhập mã OTP để nhận ngay tiền.",
        model_risk=0.5,
        claim_matched=False,
        outlet_kind=None,
    )
    assert quoted.assert_score < voiced.assert_score


def test_a_warning_typed_without_diacritics_is_still_a_warning() -> None:
    result = detect_stance(
        "",
        "Ngan hang canh bao tin nhan gia mao: tuyet doi khong cung cap OTP, khong truy cap "
        "duong dan la. Ngan hang khong bao gio yeu cau khach hang cung cap mat khau.",
        model_risk=0.3,
        claim_matched=False,
        outlet_kind=None,
    )
    assert result.stance == "reports-and-debunks"


def test_a_threat_using_crime_words_is_not_read_as_a_warning() -> None:
    # Police-impersonation scams threaten with "lừa đảo, chiếm đoạt tài sản": no warning frame.
    result = detect_stance(
        "",
        "LENH TRIEU TAP: Ong/Ba lien quan vu an lua dao chiem doat tai san. Trong 24h khong "
        "den trinh dien se bi khoi to.",
        model_risk=0.2,
        claim_matched=False,
        outlet_kind=None,
        scam_score=0.8,
    )
    assert result.stance == "asserts"


@pytest.mark.parametrize(
    "advice",
    [
        "Tuyệt đối không cung cấp mã OTP, đừng bấm vào đường dẫn lạ và không chuyển khoản.",
        "Tuyet doi khong cung cap ma OTP, dung bam vao duong dan la va khong chuyen khoan.",
    ],
    ids=["with-diacritics", "without-diacritics"],
)
def test_a_negated_call_to_act_is_advice_not_an_assertion(advice: str) -> None:
    result = detect_stance("", advice, model_risk=0.3, claim_matched=False, outlet_kind=None)
    assert result.assert_cues == ()
    assert result.assert_score == 0


def test_the_same_calls_to_act_without_negation_still_assert() -> None:
    result = detect_stance(
        "",
        "Vui lòng cung cấp mã OTP, bấm vào đường dẫn và chuyển khoản trong hôm nay.",
        model_risk=0.3,
        claim_matched=False,
        outlet_kind=None,
    )
    assert {"cung cap ma otp", "bam vao", "chuyen khoan"} <= set(result.assert_cues)
    assert result.stance == "asserts"


def test_a_word_that_only_folds_like_a_negation_does_not_negate() -> None:
    # "dùng" (use) folds to "dung" like "đừng" (don't); typed with diacritics it is read as typed.
    result = detect_stance(
        "",
        "Hãy dùng máy bấm vào đường dẫn này.",
        model_risk=0.3,
        claim_matched=False,
        outlet_kind=None,
    )
    assert "bam vao" in result.assert_cues
