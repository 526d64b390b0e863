from __future__ import annotations

from pathlib import Path

import pytest

from classifier.claims import CATEGORIES, KnownClaims
from classifier.errors import ReferenceDataError


def test_shipped_claims_are_complete(known_claims: KnownClaims) -> None:
    assert len(known_claims.claims) >= 15
    assert {c.category for c in known_claims.claims} <= set(CATEGORIES)
    for claim in known_claims.claims:
        assert claim.source_url.startswith("http"), claim.id
        assert claim.correction and claim.key_phrases, claim.id


def test_every_claim_matches_its_own_text_strongly(known_claims: KnownClaims) -> None:
    for claim in known_claims.claims:
        matches = known_claims.match("", [claim.claim])
        assert matches and matches[0].claim.id == claim.id, claim.id
        assert matches[0].strength == "strong", claim.id


@pytest.mark.parametrize(
    ("title", "sentences", "expected"),
    [
        (
            "Tin nóng",
            ["Từ năm 2026 thẻ BHYT không còn chi trả cho người bệnh nặng, phẫu thuật phải tự lo."],
            "bhyt-khong-chi-tra-benh-nang-2026",
        ),
        (
            "",
            [
                "Ban chua nhan duoc tro cap COVID-19, vui long dang nhap vao duong link de nhan "
                "tien."
            ],
            "sms-tro-cap-covid",
        ),
        (
            "Cổng dịch vụ công mới",
            ["Truy cập datlichbhxh.com để đặt lịch làm thủ tục bảo hiểm xã hội."],
            "web-datlichbhxh-com",
        ),
    ],
    ids=["paraphrase", "unaccented-sms", "identifier"],
)
def test_paraphrases_match_the_right_claim(
    known_claims: KnownClaims, title: str, sentences: list[str], expected: str
) -> None:
    matches = known_claims.match(title, sentences)
    assert matches[0].claim.id == expected
    assert matches[0].score >= known_claims.suggest_threshold


def test_unrelated_text_matches_nothing(known_claims: KnownClaims) -> None:
    assert (
        known_claims.match(
            "Khai giảng năm học mới",
            ["Sáng nay hơn hai triệu học sinh Hà Nội dự lễ khai giảng trong tiết trời mát mẻ."],
        )
        == []
    )


# A claim's wording ("bị khóa trong 24 giờ", "bấm vào đường link", "xác minh ngay") without what
# the claims are about: a bank's message, not the claim about BHXH.
BANK = (
    "Ngân hàng thông báo tài khoản của quý khách bị khóa trong 24 giờ nếu không bấm vào đường link "
    "để xác minh ngay."
)


def test_a_claims_wording_without_its_subject_matches_nothing(known_claims: KnownClaims) -> None:
    assert known_claims.match("", [BANK]) == []
    named = known_claims.match("", [BANK.replace("Ngân hàng", "BHXH")])
    assert named and named[0].claim.id == "tin-nhan-khoa-tai-khoan-24h"
    # Named only in the text as read back from its disguise ("B.H.X.H"), folded.
    disguised = known_claims.match("", [BANK.replace("Ngân hàng", "B.H.X.H")], "bhxh thong bao")
    assert disguised and disguised[0].claim.id == "tin-nhan-khoa-tai-khoan-24h"


def test_a_claims_identifier_matches_without_the_subject(known_claims: KnownClaims) -> None:
    matches = known_claims.match("", ["Đặt lịch hẹn trực tuyến tại datlichbhxh.com nhanh nhất."])
    assert matches and matches[0].claim.id == "web-datlichbhxh-com"


def test_short_text_is_only_a_suggestion(known_claims: KnownClaims) -> None:
    matches = known_claims.match("", ["Vỡ quỹ hưu trí năm 2025"])
    assert matches and all(m.strength == "suggest" for m in matches)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("claims: [", r"claims\.yaml: không phải YAML hợp lệ: dòng 1"),
        ("version: 1\n", r"claims\.yaml: claims: thiếu trường bắt buộc"),
        (
            "claims:\n  - id: x\n    category: C9\n    claim: a\n    correction: b\n"
            "    source_url: u\n    date: 2024-01-01\n    key_phrases: [a]\n",
            r"claims\.yaml: claims\[0\]\.category: phải là một trong: 'C1'",
        ),
        (
            "claims:\n  - id: x\n    category: C1\n",
            r"claims\.yaml: claims\[0\]\.claim: thiếu trường bắt buộc",
        ),
        (
            "subject: [BHXH]\nclaims:\n  - id: x\n    category: C1\n    claim: Tin về ngân hàng\n"
            "    correction: b\n    source_url: u\n    date: 2024-01-01\n    key_phrases: [a]\n",
            r"claims\.yaml: claims\[0\] \(x\): nội dung tin sai không nêu chủ đề nào trong "
            r"subject \(BHXH\)",
        ),
        (
            "claims:\n  - id: x\n    category: C1\n    claim: BHXH\n    correction: b\n"
            "    source_url: u\n    date: 2024-01-01\n    key_phrases: [a]\n",
            r"claims\.yaml: subject: thiếu trường bắt buộc",
        ),
    ],
    ids=["yaml", "empty", "category", "fields", "off-subject", "no-subject"],
)
def test_malformed_files_raise_clear_errors(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=problem):
        KnownClaims.load(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError, match="nope.yaml: không tìm thấy tệp"):
        KnownClaims.load(tmp_path / "nope.yaml")
