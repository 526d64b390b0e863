"""Which reasons a reviewer sees: checkable evidence first, the model's wording in one line.

Reviewers saw common words ("không cần", "hỗ trợ") listed as reasons of their own under a flag;
no single phrase moves the model's odds enough to be evidence by itself.
"""

from __future__ import annotations

import math
from typing import cast

import pytest

from classifier.claims import KnownClaims
from classifier.facts import OfficialFacts
from classifier.flagger import (
    MODEL_ONLY,
    MODEL_WORDING,
    TELLING_ODDS,
    Flagger,
    Thresholds,
    _term_reasons,
)
from classifier.links import Channels
from classifier.model import Scored, TrainedModel
from classifier.types import ArticleText, Assessment
from vntext.deobfuscate import clean

SERVICE = ArticleText(
    title="Dịch vụ hỗ trợ rút BHXH một lần nhanh, không cần chờ 12 tháng",
    text="Chúng tôi nhận làm hồ sơ rút BHXH một lần trong 7 ngày, không cần chờ đợi, không cần "
    "đến cơ quan bảo hiểm. Chỉ cần chụp hai mặt căn cước gửi qua Zalo 0912 345 678, đặt cọc "
    "500.000 đồng phí dịch vụ, tiền về tận tài khoản. Liên hệ ngay!",
)
LINK = ArticleText(
    title="THÔNG BÁO KHẨN từ BHXH",
    text="Tài khoản VssID của quý khách sẽ bị khóa sau 24 giờ. Bấm vào link bhxh-vn.top và nhập "
    "mã OTP để xác thực, hoặc liên hệ ngay cán bộ BHXH qua Zalo 0912 345 678!!",
)
FIXED = (
    SERVICE,
    LINK,
    ArticleText(
        title="Tin nóng",
        text="Từ năm 2026 bảo hiểm y tế không còn chi trả cho các ca bệnh nặng và phẫu thuật, "
        "người bệnh phải tự trả toàn bộ viện phí. Hãy chia sẻ ngay cho người thân!",
    ),
    ArticleText(
        title="BHXH tỉnh chi trả lương hưu tháng 7",
        text="BHXH tỉnh Nghệ An cho biết đã hoàn thành chi trả lương hưu, trợ cấp tháng 7 cho "
        "hơn 80 nghìn người hưởng qua tài khoản cá nhân.",
        outlet_kind="provincial",
    ),
)
_RULE = ("known-claim", "fact-check", "scam-cue")


def _lone_phrases(assessment: Assessment) -> list[str]:
    return [
        r.text for r in assessment.reasons if r.kind == "term" and r.text.count(MODEL_WORDING) == 0
    ]


def test_a_common_phrase_alone_is_not_a_reason(flagger: Flagger) -> None:
    result = flagger.assess(SERVICE)
    assert result.tier != "low"
    scale = flagger.model.odds_scale
    for reason in result.reasons:
        if reason.kind == "term" and MODEL_WORDING not in reason.text:
            assert math.exp(scale * reason.weight) >= TELLING_ODDS, reason.text
    assert not {"không cần", "hỗ trợ", "chúng tôi", "hồ sơ"} & set(_lone_phrases(result))
    (wording,) = [r for r in result.reasons if r.kind == "term"]
    assert wording.text.startswith(f"{MODEL_WORDING}: “")
    assert 1 <= len(wording.detail["phrases"]) <= 3


@pytest.mark.parametrize("article", [SERVICE, LINK], ids=["service", "link"])
def test_decisive_evidence_comes_first(flagger: Flagger, article: ArticleText) -> None:
    kinds = [r.kind for r in flagger.assess(article).reasons if r.kind != "note"]
    assert kinds[0] in _RULE
    last_rule = max(i for i, kind in enumerate(kinds) if kind in _RULE)
    assert all(kind in _RULE for kind in kinds[: last_rule + 1])
    assert kinds[-1] == "term"  # the model's wording closes the list


def test_a_flagged_text_always_has_a_reason(flagger: Flagger) -> None:
    for result in flagger.assess_many(FIXED):
        if result.tier != "low":
            assert [r for r in result.reasons if r.kind != "note"]


class _SureModel:
    """A model sure of everything and naming no phrase: only the fallback can explain a flag."""

    data_version = "sure0000"
    odds_scale = 1.6

    def score(self, texts: list[str], term_limit: int = 8) -> list[Scored]:
        return [Scored(0.9999, ()) for _ in texts]


def test_a_flag_the_model_alone_raised_without_a_phrase_still_says_why(
    known_claims: KnownClaims,
    official_facts: OfficialFacts,
    channels: Channels,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = cast(TrainedModel, _SureModel())
    sure = Flagger(model, known_claims, official_facts, channels, Thresholds())
    monkeypatch.setattr("classifier.flagger._stance_reasons", lambda *args: [])
    result = sure.assess(ArticleText(title="", text="Hôm nay cả nhà đi chơi công viên rất vui."))
    assert result.tier == "urgent"
    assert [r.text for r in result.reasons] == [MODEL_ONLY]


def test_only_a_telling_phrase_stands_alone_and_the_rest_is_summed_up() -> None:
    cleaned = clean("không cần chờ đợi, hỗ trợ rút sổ nhanh")
    scored = Scored(0.9, (("khong can", 0.08), ("rut so", 0.9), ("ho tro", 0.05), ("nhanh", 0.1)))
    reasons = _term_reasons(scored, cleaned, odds_scale=1.6)  # e^(1.6·0.9) ≈ 4.2 ≥ 3
    assert [r.text for r in reasons][0] == "rút sổ"
    assert reasons[1].text.startswith(f"{MODEL_WORDING}: “không cần”, “hỗ trợ” (")
    assert reasons[1].detail["phrases"] == ["khong can", "ho tro"]
    assert len(reasons) == 2  # "nhanh", one syllable, says nothing


def test_reason_selection_does_not_touch_scores(
    flagger: Flagger, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = [(a.risk, a.tier, a.category, a.stance) for a in flagger.assess_many(FIXED)]
    monkeypatch.setattr("classifier.flagger._term_reasons", lambda *args, **kwargs: [])
    bare = [(a.risk, a.tier, a.category, a.stance) for a in flagger.assess_many(FIXED)]
    assert shown == bare
