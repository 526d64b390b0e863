"""Stance in the forms the Center meets: office notices, local posts, bare headlines, lures."""

from __future__ import annotations

from classifier.stance import detect_stance


def _stance(title: str, text: str = "", risk: float = 0.0) -> str:
    return detect_stance(title, text, model_risk=risk, claim_matched=False, outlet_kind=None).stance


def test_a_call_to_act_further_on_in_a_negated_clause_is_not_asserted() -> None:
    # "không nhắn tin yêu cầu … cung cấp mật khẩu": the negation governs the whole clause.
    result = detect_stance(
        "",
        "Phòng BHXH quận Bắc Thành không nhắn tin hướng dẫn người hưởng cung cấp mã OTP.",
        model_risk=0.0,
        claim_matched=False,
        outlet_kind=None,
    )
    assert result.assert_score == 0
