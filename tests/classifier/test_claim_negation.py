"""A text that negates or warns against a known claim's call does not match the claim.

Each row is written with diacritics and checked as typed, decomposed (NFD) and without
diacritics; rows spelled with the old tone placement ("khoá", "doạ") check that spelling too.
"""

from __future__ import annotations

import unicodedata

import pytest

from classifier.claims import KnownClaims
from classifier.patterns import negation_scopes
from vntext.normalize import fold
from vntext.segment import split_sentences

# (text, claim it is about)
ASSERTING = [
    (
        "Bà con được nhận tiền hỗ trợ Tết từ quỹ BHXH, chỉ cần cung cấp mã OTP và số tài khoản "
        "để nhận ngay.",
        "tien-ho-tro-tet-otp",
    ),
    (
        "Tài khoản VssID của bạn sẽ bị khoá trong 24 giờ, bấm vào đường link để xác minh ngay.",
        "tin-nhan-khoa-tai-khoan-24h",
    ),
    # "Nếu không" is a threat's condition, not advice.
    (
        "Tài khoản VssID sẽ bị khóa trong 24 giờ nếu không bấm vào đường link để xác minh ngay.",
        "tin-nhan-khoa-tai-khoan-24h",
    ),
    (
        "Bên mình nhận làm hồ sơ rút BHXH một lần, chốt sổ nhanh, phí dịch vụ chuyển khoản vào "
        "tài khoản cá nhân.",
        "fanpage-dich-vu-bhxh-thu-phi",
    ),
    (
        "Quý khách đủ điều kiện nhận tiền từ quỹ bảo hiểm thất nghiệp, bấm vào đường link và nhập "
        "thông tin ngân hàng để nhận.",
        "sms-tien-quy-bhtn",
    ),
    # A claim that itself negates still matches a text that negates the same way.
    (
        "Từ năm 2026 thẻ BHYT không còn chi trả cho người bệnh nặng, phẫu thuật phải tự lo.",
        "bhyt-khong-chi-tra-benh-nang-2026",
    ),
]

NEGATING = [
    (
        "Mã OTP của quý khách là 482913. Tuyệt đối không cung cấp mã OTP cho bất kỳ ai.",
        "tien-ho-tro-tet-otp",
    ),
    (
        "Mã xác thực giao dịch là 5521. KHÔNG cung cấp mã OTP cho người khác, kể cả nhân viên "
        "ngân hàng.",
        "tien-ho-tro-tet-otp",
    ),
    (
        "BHXH không bao giờ yêu cầu người dân cung cấp mã OTP hay bấm link cập nhật VssID để nhận "
        "tiền hỗ trợ Tết.",
        "tien-ho-tro-tet-otp",
    ),
    (
        "Đừng bấm vào đường link để xác minh tài khoản trong tin nhắn doạ khoá tài khoản.",
        "tin-nhan-khoa-tai-khoan-24h",
    ),
    (
        "Đừng chuyển tiền phí dịch vụ cho người nhận làm hồ sơ rút BHXH một lần.",
        "fanpage-dich-vu-bhxh-thu-phi",
    ),
    (
        "Không nhập thông tin ngân hàng vào đường link lạ để nhận tiền từ quỹ bảo hiểm thất "
        "nghiệp.",
        "sms-tien-quy-bhtn",
    ),
]

# The same texts as the old tone placement would write them.
_MODERN = {"khoá": "khóa", "doạ": "dọa"}


def _spellings(text: str) -> dict[str, str]:
    forms = {"typed": text, "nfd": unicodedata.normalize("NFD", text), "folded": fold(text)}
    modern = text
    for old, new in _MODERN.items():
        modern = modern.replace(old, new)
    if modern != text:
        forms["modern-tone"] = modern
    return forms


def _cases(rows: list[tuple[str, str]]) -> list[object]:
    return [
        pytest.param(form, claim_id, id=f"{claim_id}-{n}-{name}")
        for n, (text, claim_id) in enumerate(rows)
        for name, form in _spellings(text).items()
    ]


def _ids(known_claims: KnownClaims, text: str) -> list[str]:
    return [m.claim.id for m in known_claims.match("", split_sentences(text))]


@pytest.mark.parametrize(("text", "claim_id"), _cases(ASSERTING))
def test_a_text_asserting_the_claim_matches_it(
    known_claims: KnownClaims, text: str, claim_id: str
) -> None:
    matches = known_claims.match("", split_sentences(text))
    assert matches and matches[0].claim.id == claim_id
    assert matches[0].strength == "strong"


@pytest.mark.parametrize(("text", "claim_id"), _cases(NEGATING))
def test_a_text_negating_the_claims_call_does_not_match_it(
    known_claims: KnownClaims, text: str, claim_id: str
) -> None:
    assert claim_id not in _ids(known_claims, text)


@pytest.mark.parametrize(
    ("text", "marked", "governed"),
    [
        ("tuyệt đối không cung cấp mã otp, hãy gọi 1900", True, ["cung cấp mã otp"]),
        ("không bao giờ yêu cầu chuyển tiền. bấm vào đây", True, ["bao giờ yêu cầu chuyển tiền"]),
        ("sẽ bị khóa nếu không bấm vào đường link", True, []),
        ("khong cung cap ma otp cho nguoi khac", False, ["cung cap ma otp cho nguoi khac"]),
        ("quy khach dung bam vao duong link la", False, ["bam vao duong link la"]),
        # Typed without diacritics "dung" is mostly "dùng"/"dụng", "cho" is "cho".
        ("tai ung dung vssid de nhan tien", False, []),
        ("cho toi hoi ve bhxh", False, []),
        # Typed with diacritics, "dùng" is read as typed.
        ("hãy dùng mã otp này", True, []),
    ],
)
def test_negation_scopes(text: str, marked: bool, governed: list[str]) -> None:
    assert [text[a:b].strip() for a, b in negation_scopes(text, marked=marked)] == governed
