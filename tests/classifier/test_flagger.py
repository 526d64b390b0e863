from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from classifier.errors import ModelNotFoundError
from classifier.flagger import Flagger, FlaggerReferences, Thresholds, cap_words, uncertainty
from classifier.types import ArticleText, Assessment
from classifier.views import OPENING_CHARS, prefix_words
from vntext.normalize import fold

ROOT = Path(__file__).resolve().parents[2]
REFERENCES = FlaggerReferences.load(
    ROOT / "config" / "known_claims.yaml",
    ROOT / "config" / "official_facts.yaml",
    ROOT / "config" / "channels.yaml",
)

SCAM = ArticleText(
    title="THÔNG BÁO KHẨN từ BHXH",
    text="Tài khoản VssID của quý khách sẽ bị khóa sau 24 giờ. Bấm vào link bhxh-vn.top và nhập mã "
    "OTP để xác thực, hoặc liên hệ ngay cán bộ BHXH Hoàng qua Zalo 0912 345 678!!",
)
WARNING = ArticleText(
    title="BHXH Việt Nam cảnh báo tin giả về BHYT",
    text='Trên mạng xã hội lan truyền thông tin "từ năm 2026 bảo hiểm y tế không còn chi trả '
    'cho các ca bệnh nặng và phẫu thuật". BHXH Việt Nam khẳng định đây là thông tin sai sự '
    "thật; quyền lợi "
    "của người tham gia BHYT được mở rộng. Đề nghị người dân không chia sẻ tin giả, theo dõi "
    "baohiemxahoi.gov.vn hoặc gọi 1900 9068.",
    outlet_kind="national",
)
SPREAD = ArticleText(
    title="Tin nóng",
    text="Từ năm 2026 bảo hiểm y tế không còn chi trả cho các ca bệnh nặng và phẫu thuật, "
    "người bệnh phải tự trả toàn bộ viện phí. Hãy chia sẻ ngay cho người thân!",
)
ORDINARY = ArticleText(
    title="BHXH tỉnh Nghệ An chi trả lương hưu tháng 7",
    text="BHXH tỉnh Nghệ An cho biết đã hoàn thành chi trả lương hưu, trợ cấp tháng 7 cho hơn "
    "80 nghìn người hưởng. Tỷ lệ nhận qua tài khoản cá nhân tiếp tục tăng.",
    outlet_kind="provincial",
)
FORECAST = ArticleText(
    title="Quỹ lương hưu sắp vỡ",
    text="Quỹ hưu trí sẽ vỡ quỹ, cạn kiệt sau vài năm nữa, người đang đóng sẽ không bao giờ "
    "nhận được lương hưu. Rút hết tiền về tay trước khi quá muộn!!",
)


def _kinds(assessment: Assessment) -> set[str]:
    return {r.kind for r in assessment.reasons}


def test_asserted_scam_is_flagged_with_decisive_reasons_first(flagger: Flagger) -> None:
    result = flagger.assess(SCAM)
    assert result.tier in {"urgent", "review"}
    assert result.stance == "asserts"
    assert result.category == "C1"
    assert "khoản 3" in (result.article11_clause or "")
    assert {"fact-check", "scam-cue", "stance"} <= _kinds(result)
    kinds = [r.kind for r in result.reasons]
    # The evidence a reviewer can check comes before the model's wording.
    assert kinds.index("scam-cue") < kinds.index("stance") < kinds.index("term")
    assert all("sai sự thật" not in r.text or r.kind == "known-claim" for r in result.reasons)


def test_scam_cue_reasons_quote_the_text_as_received(flagger: Flagger) -> None:
    result = flagger.assess(SCAM)
    link = next(
        r for r in result.reasons if r.kind == "scam-cue" and r.detail["family"] == "channel"
    )
    assert "bhxh-vn.top" in link.text
    assert SCAM.text[link.detail["start"] - len(SCAM.title) - 2 :].startswith("bhxh-vn.top") or (
        link.detail["excerpt"] == "bhxh-vn.top"
    )


def test_term_reasons_are_phrases_never_single_syllables(flagger: Flagger) -> None:
    for article in (SCAM, SPREAD, WARNING, ORDINARY, FORECAST):
        for reason in flagger.assess(article).reasons:
            if reason.kind == "term":
                phrases = reason.detail.get("phrases") or [reason.detail["folded"]]
                assert all(len(phrase.split()) >= 2 for phrase in phrases)


def test_warning_that_quotes_a_known_claim_is_not_for_review(flagger: Flagger) -> None:
    result = flagger.assess(WARNING)
    assert result.stance == "reports-and-debunks"
    assert result.tier == "low"
    assert result.risk < flagger.thresholds.review
    assert result.article11_clause is None  # a warning that is not flagged cites no clause
    claim = next(r for r in result.reasons if r.kind == "known-claim")
    assert claim.detail["claim_id"] == "bhyt-khong-chi-tra-benh-nang-2026"


def test_spreading_the_same_claim_is_for_review_with_the_official_correction(
    flagger: Flagger,
) -> None:
    result = flagger.assess(SPREAD)
    assert result.tier != "low"
    assert result.category == "C5" and "khoản 1" in (result.article11_clause or "")
    claim = next(r for r in result.reasons if r.kind == "known-claim")
    assert "Đính chính chính thức" in claim.text and claim.detail["source_url"].startswith("http")


def test_ordinary_coverage_is_not_for_review(flagger: Flagger) -> None:
    assert flagger.assess(ORDINARY).tier == "low"


def test_disputed_forecast_needs_context_and_is_never_urgent(flagger: Flagger) -> None:
    result = flagger.assess(FORECAST)
    assert result.category == "C8"
    assert result.tier != "urgent"
    assert result.article11_clause is None
    assert any(r.kind == "note" and "bối cảnh" in r.text for r in result.reasons)


@pytest.mark.parametrize(
    ("article", "phrase"),
    [
        (ArticleText(title="", text=""), "trống"),
        (
            ArticleText(
                title="Pension news", text="The agency paid all pensions on time this month."
            ),
            "không phải tiếng Việt",
        ),
    ],
    ids=["empty", "english"],
)
def test_empty_and_foreign_text_are_low_risk_with_a_note(
    flagger: Flagger, article: ArticleText, phrase: str
) -> None:
    result = flagger.assess(article)
    assert result.risk == 0.0 and result.tier == "low"
    assert phrase in result.reasons[0].text


def test_enormous_text_is_capped(flagger: Flagger) -> None:
    huge = replace(ORDINARY, text=ORDINARY.text + " lương hưu" * 60_000)
    assert 0.0 <= flagger.assess(huge).risk <= 1.0


@pytest.mark.parametrize(
    "unit", ["ab<lienket-nhan.win>", "(AB12.3)", "a.b.", "12.", "O9O1", "nh4n<a.co>", "AMZ*ab.com"]
)
def test_one_enormous_word_is_assessed_and_quoted_in_part(flagger: Flagger, unit: str) -> None:
    # One whitespace-free chunk: the cap counts words, so all of it reaches cleaning, and every
    # word read from it shares its span.
    assessment = flagger.assess(replace(ORDINARY, text=unit * 5_000))
    assert 0.0 <= assessment.risk <= 1.0
    assert all(len(reason.text) <= 1_000 for reason in assessment.reasons)
    assert all(len(reason.detail.get("excerpt", "")) <= 400 for reason in assessment.reasons)


def test_an_opening_stops_at_its_word_count_or_its_character_cap() -> None:
    assert prefix_words("một hai ba", 2) == "một hai"
    assert prefix_words("x" * 200_000, 400) == "x" * OPENING_CHARS


def test_cap_words() -> None:
    assert cap_words("a b c d", 2) == "a b"
    assert cap_words("a  b", 5) == "a b"


def test_figure_check_uses_the_publication_date(flagger: Flagger) -> None:
    article = ArticleText(
        title="Lương cơ sở",
        text="Từ 1/7/2024 mức lương cơ sở là 2.600.000 đồng/tháng.",
        published_at=datetime(2024, 8, 1, tzinfo=UTC),
    )
    reasons = [r for r in flagger.assess(article).reasons if r.kind == "fact-check"]
    assert reasons and "2.340.000 đồng" in reasons[0].text


def test_assess_many_equals_assess(flagger: Flagger) -> None:
    batch = flagger.assess_many([SCAM, ORDINARY, ArticleText(title="", text="")])
    assert batch == [
        flagger.assess(SCAM),
        flagger.assess(ORDINARY),
        flagger.assess(ArticleText(title="", text="")),
    ]


def test_reason_texts_are_triage_wording_never_a_verdict(flagger: Flagger) -> None:
    for article in (SCAM, SPREAD, WARNING, ORDINARY, FORECAST):
        for reason in flagger.assess(article).reasons:
            if reason.kind in {"stance", "fact-check"}:
                assert "dấu hiệu" in reason.text or "cần xác minh" in reason.text


@pytest.mark.parametrize(("review", "urgent"), [(0.8, 0.5), (0.0, 0.5), (0.5, 1.5)])
def test_thresholds_are_validated(review: float, urgent: float) -> None:
    with pytest.raises(ValueError):
        Thresholds(review, urgent)


def test_tiers_follow_the_thresholds() -> None:
    t = Thresholds(review=0.4, urgent=0.7)
    assert [t.tier(x) for x in (0.39, 0.4, 0.69, 0.7)] == [
        "low",
        "review",
        "review",
        "urgent",
    ]


def test_uncertainty_peaks_at_the_review_threshold() -> None:
    t = Thresholds()
    assert uncertainty(0.5, t) == 1.0
    assert uncertainty(0.0, t) == 0.0 and uncertainty(1.0, t) == 0.0
    assert uncertainty(0.45, t) > uncertainty(0.2, t)


def test_from_files_without_model_raises(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError):
        Flagger.from_files(tmp_path / "m.skops", REFERENCES, Thresholds())


def test_from_files_trains_when_missing_and_versions_by_content(tmp_path: Path) -> None:
    path = tmp_path / "model" / "m.skops"
    flagger = Flagger.from_files(path, REFERENCES, Thresholds(), train_if_missing=True)
    assert path.is_file()
    assert flagger.assess(SCAM).model_version == flagger.model_version
    again = Flagger.from_files(path, REFERENCES, Thresholds())
    assert again.model_version == flagger.model_version


# The same content in the forms users meet it: judged the same (issue 12, item 1).
FORMS_OF_A_SCAM = {
    "sms": "Ban da du dieu kien nhan tien ho tro tu quy BHTN. Bam vao bhtn-nhantien.top de "
    "xac nhan truoc 17h hom nay, qua han se khong duoc chap nhan.",
    "with diacritics": "Bạn đã đủ điều kiện nhận tiền hỗ trợ từ quỹ BHTN. Bấm vào "
    "bhtn-nhantien.top để xác nhận trước 17h hôm nay, quá hạn sẽ không được chấp nhận.",
    "capitals": "BAN DA DU DIEU KIEN NHAN TIEN HO TRO TU QUY BHTN. BAM VAO BHTN-NHANTIEN.TOP "
    "DE XAC NHAN TRUOC 17H HOM NAY, QUA HAN SE KHONG DUOC CHAP NHAN.",
    "disguised": "B4n da du d!eu k!en nh4n t!en h0 tr0 tu quy B/H/T/N. Bam vao "
    "bhtn-nhantien[.]top de xac nhan truoc 17h hom nay, qua han se kh0ng duoc chap nhan.",
}
FORMS_OF_COVERAGE = {
    "full": ORDINARY,
    "title and lead": ArticleText(
        title=ORDINARY.title, text=ORDINARY.text.split(". ")[0] + ".", outlet_kind="provincial"
    ),
    "title": ArticleText(title=ORDINARY.title, text="", outlet_kind="provincial"),
    "without diacritics": ArticleText(
        title=fold(ORDINARY.title), text=fold(ORDINARY.text), outlet_kind="provincial"
    ),
}


def test_a_scam_is_judged_the_same_in_every_typing(flagger: Flagger) -> None:
    results = {
        form: flagger.assess(ArticleText(title="", text=text))
        for form, text in FORMS_OF_A_SCAM.items()
    }
    assert {r.tier for r in results.values()} <= {"review", "urgent"}, results
    assert max(r.risk for r in results.values()) - min(r.risk for r in results.values()) < 0.15


def test_coverage_is_judged_the_same_in_every_form(flagger: Flagger) -> None:
    results = {form: flagger.assess(a) for form, a in FORMS_OF_COVERAGE.items()}
    assert {r.tier for r in results.values()} == {"low"}, results


def test_short_ordinary_texts_are_not_suspicious_for_being_short(flagger: Flagger) -> None:
    for text in ("Chào chị", "ok em", "Mai họp lúc 9h nhé", "Lương hưu tháng này về chưa bác?"):
        assert flagger.assess(ArticleText(title="", text=text)).tier == "low", text


def test_unknown_outlet_is_said_in_the_reasons(flagger: Flagger) -> None:
    article = replace(ORDINARY, outlet_kind=None, outlet_note="Không xác định được nguồn tin")
    notes = [r.text for r in flagger.assess(article).reasons if r.kind == "note"]
    assert "Không xác định được nguồn tin" in notes
