"""Relevance rules: position matters, passing mentions and commercial insurance do not count."""

from __future__ import annotations

import csv
import importlib.util
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from classifier.errors import RelevanceConfigError
from classifier.relevance import TOPIC_IDS, RelevanceModel
from classifier.types import Relevance

REPO = Path(__file__).resolve().parents[2]
TOPICS = REPO / "config" / "topics.yaml"
SHARED = REPO / ".." / "shared"

FILLER = (
    "Buổi sáng, người dân trong phường tập trung dọn vệ sinh đường làng, khơi thông cống rãnh "
    "và trồng thêm cây xanh dọc các tuyến phố chính. "
)
LONG_FILLER = FILLER * 40  # about 1,000 words of text about something else


@pytest.fixture(scope="module")
def model() -> RelevanceModel:
    return RelevanceModel.from_yaml(TOPICS)


# title, body, relevant, topics that must be among the result's topics
CASES = [
    (
        "BHXH tỉnh Nghệ An chi trả lương hưu qua tài khoản cá nhân",
        "Từ tháng này, người hưởng lương hưu được nhận tiền qua tài khoản. " + FILLER,
        True,
        {"luong_huu_chi_tra"},
    ),
    (
        "Hướng dẫn cài đặt ứng dụng VssID",
        "Ứng dụng VssID giúp người tham gia tra cứu quá trình đóng bảo hiểm xã hội, thẻ BHYT. "
        "Cơ quan BHXH hướng dẫn cài đặt ứng dụng và giao dịch điện tử.",
        True,
        {"chuyen_doi_so_vssid"},
    ),
    (
        "Nhiều doanh nghiệp nợ đóng BHXH kéo dài",
        "Tính đến hết tháng 6, số nợ BHXH, BHYT, BHTN trên địa bàn tăng; nhiều đơn vị chậm đóng, "
        "trốn đóng cho người lao động.",
        True,
        {"thu_no_dong"},
    ),
    (
        "Cảnh báo thủ đoạn mạo danh cơ quan BHXH để lừa đảo",
        "Đối tượng gọi điện mạo danh cán bộ bảo hiểm xã hội, yêu cầu chuyển tiền để nhận trợ cấp. "
        "Cơ quan BHXH cảnh báo người dân cảnh giác với lừa đảo.",
        True,
        {"truc_loi_lua_dao"},
    ),
    (
        "Hơn 5.000 người nhận trợ cấp thất nghiệp trong quý I",
        "Trung tâm dịch vụ việc làm cho biết số người hưởng bảo hiểm thất nghiệp tăng.",
        True,
        {"bhtn"},
    ),
    (
        "Phát triển người tham gia BHXH tự nguyện ở nông thôn",
        "Lao động tự do được hỗ trợ mức đóng BHXH tự nguyện theo chuẩn hộ nghèo.",
        True,
        {"bhxh_tu_nguyen"},
    ),
    (
        "Ra quân Tháng vận động BHXH toàn dân",
        "Hội nghị phát động tháng vận động, tuyên truyền, tư vấn trực tiếp về BHXH, BHYT "
        "cho người dân.",
        True,
        {"truyen_thong_chien_dich"},
    ),
    (
        "Học sinh được hỗ trợ mua thẻ bảo hiểm y tế",
        "Ngân sách hỗ trợ 30% mức đóng BHYT học sinh; quỹ BHYT chi trả khi khám chữa bệnh.",
        True,
        {"bhyt"},
    ),
    # a lead mention plus body mentions, no title mention
    (
        "Người lao động ở khu công nghiệp yên tâm làm việc",
        "Công ty đã đóng đủ bảo hiểm xã hội cho 2.000 công nhân. "
        + FILLER
        + "Công đoàn giám sát việc đóng BHXH, BHYT hằng tháng; "
        + "người lao động tra cứu quá trình đóng BHXH. ",
        True,
        set(),
    ),
    # a false claim that sets BHXH against commercial insurance is still about BHXH
    (
        "Rút BHXH một lần ngay kẻo thiệt, chuyển sang bảo hiểm nhân thọ mới lời",
        "Nhiều bài đăng khuyên người lao động rút BHXH một lần để mua bảo hiểm nhân thọ. "
        "Cơ quan BHXH khuyến cáo người lao động cân nhắc vì sẽ mất quyền hưởng lương hưu.",
        True,
        {"luong_huu_chi_tra"},
    ),
    # "BHXH, BHYT" named together is the campaign's subject, not a BHYT story
    (
        "Tuyên truyền chính sách BHXH, BHYT cho hội viên nông dân",
        "Hội Nông dân xã phối hợp tổ chức buổi tuyên truyền, tư vấn chính sách BHXH, BHYT. "
        "Nhiều hội viên được tư vấn trực tiếp và đăng ký tham gia.",
        True,
        {"truyen_thong_chien_dich"},
    ),
    # one passing mention in a long story about something else
    (
        "Bắt đối tượng trộm cắp tài sản tại chợ đêm",
        LONG_FILLER
        + "Trong ví của nạn nhân có thẻ bảo hiểm y tế và một ít tiền mặt. "
        + LONG_FILLER,
        False,
        set(),
    ),
    # a single mention in the lead of an off-topic story is not enough either
    (
        "Trường học công khai các khoản thu đầu năm",
        "Các khoản thu gồm học phí, bảo hiểm y tế và tiền bán trú. " + LONG_FILLER,
        False,
        set(),
    ),
    # commercial insurance, not social insurance
    (
        "Doanh thu bảo hiểm nhân thọ tăng mạnh",
        "Các doanh nghiệp bảo hiểm nhân thọ và đại lý bảo hiểm đẩy mạnh bán hợp đồng bảo hiểm "
        "qua ngân hàng. "
        "Phí bảo hiểm thu được tăng 20%.",
        False,
        set(),
    ),
    (
        "Mua bảo hiểm xe máy ở đâu rẻ",
        "Bảo hiểm xe máy bắt buộc có giá khoảng 60.000 đồng.",
        False,
        set(),
    ),
    ("Thời tiết Hà Nội hôm nay", "Trời nắng, nhiệt độ cao nhất 35 độ. " + FILLER, False, set()),
    ("", "", False, set()),
]


@pytest.mark.parametrize(("title", "body", "relevant", "topics"), CASES)
def test_cases(
    model: RelevanceModel, title: str, body: str, relevant: bool, topics: set[str]
) -> None:
    result = model.assess(title, body)
    assert isinstance(result, Relevance)
    assert result.relevant is relevant, result
    assert 0.0 <= result.score <= 1.0
    assert topics <= set(result.topics), result
    if relevant:
        assert result.reasons
    else:
        assert result.topics == ()


def test_topics_are_ordered_by_evidence_and_named_together_insurances_are_neutral(
    model: RelevanceModel,
) -> None:
    result = model.assess(
        "Tuyên truyền chính sách BHXH, BHYT cho hội viên nông dân",
        "Hội Nông dân xã phối hợp tổ chức buổi tuyên truyền, tư vấn chính sách BHXH, BHYT.",
    )
    assert result.topics[0] == "truyen_thong_chien_dich"
    assert "bhyt" not in result.topics


def test_reasons_name_the_term_and_where_it_matched(model: RelevanceModel) -> None:
    result = model.assess("Bảo hiểm xã hội tăng thu", "BHYT " * 4 + FILLER)
    assert "tiêu đề: bảo hiểm xã hội" in result.reasons
    assert "sapo ×4: BHYT" in result.reasons
    commercial = model.assess("Bảo hiểm nhân thọ và BHXH", "Nội dung.")
    assert "loại trừ, tiêu đề: bảo hiểm nhân thọ" in commercial.reasons


def test_title_outweighs_the_body(model: RelevanceModel) -> None:
    in_title = model.assess("Tăng lương hưu từ tháng 7", LONG_FILLER)
    in_body = model.assess(
        "Tin tổng hợp", LONG_FILLER + "Tăng lương hưu từ tháng 7. " + LONG_FILLER
    )
    assert in_title.relevant and not in_body.relevant
    assert in_title.score > in_body.score


def test_unicode_forms_and_tone_placement_do_not_matter(model: RelevanceModel) -> None:
    title = "Thanh Hoá: BHXH chi trả chế độ thai sản cho lao động nữ"
    body = "Bảo hiểm xã hội tỉnh Thanh Hoá đã giải quyết chế độ thai sản, ốm đau. " + FILLER
    plain = model.assess(title, body)
    for variant in (
        unicodedata.normalize("NFD", title),
        title.upper(),
        title.replace("Hoá", "Hóa"),
    ):
        assert model.assess(variant, unicodedata.normalize("NFD", body)) == plain


def test_deterministic(model: RelevanceModel) -> None:
    args = ("Chuyển đổi số ngành BHXH", "Ứng dụng VssID có 40 triệu người dùng. " + FILLER)
    assert model.assess(*args) == model.assess(*args)


def test_the_config_covers_every_topic_id() -> None:
    data = yaml.safe_load(TOPICS.read_text(encoding="utf-8"))
    assert set(data["topics"]) == set(TOPIC_IDS)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("- a list", r"topics\.yaml: phải là một bảng các trường .*; nhận được một danh sách"),
        ("threshold: [unclosed", r"topics\.yaml: không phải YAML hợp lệ: dòng 1"),
        ("threshold: 0.5\n", r"topics\.yaml: scale: thiếu trường bắt buộc"),
    ],
)
def test_malformed_config_files(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RelevanceConfigError, match=problem):
        RelevanceModel.from_yaml(path)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(RelevanceConfigError, match="không tìm thấy tệp"):
        RelevanceModel.from_yaml(tmp_path / "nope.yaml")


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            lambda d: d["topics"].update({"bao_hiem_xe": {"name": "x", "terms": ["xe"]}}),
            "mã chủ đề không có: bao_hiem_xe",
        ),
        (lambda d: d.update({"threshold": 1.5}), "threshold"),
        (lambda d: d.update({"core": []}), "core"),
        (
            lambda d: d["negative"].append({"term": "quỹ", "weight": 1}),
            "vừa ở context vừa ở negative",
        ),
        (
            lambda d: d["core"].append({"term": "BHXH mới"}),
            r"topics config: core\[\d+\]\.weight: thiếu trường bắt buộc",
        ),
    ],
)
def test_invalid_rules_are_refused(change, problem: str) -> None:
    data = yaml.safe_load(TOPICS.read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(RelevanceConfigError, match=problem):
        RelevanceModel(data)


# --- real pages and real articles in ../shared (read only; skipped elsewhere) -----------------


def _shared(path: str) -> Path:
    target = SHARED / path
    if not target.exists():
        pytest.skip(f"{target} not available (../shared is not part of the repository)")
    return target


@pytest.mark.shared
def test_saved_pages_marked_off_topic_are_not_relevant(model: RelevanceModel) -> None:
    trafilatura = pytest.importorskip("trafilatura")
    truth = _shared("data/research/html_truth.csv")
    checked = 0
    with truth.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["page_type"] != "article":
                continue
            html = (truth.parent.parent / "raw" / "html" / row["file"]).read_text(
                encoding="utf-8", errors="replace"
            )
            body = trafilatura.extract(html, favor_recall=True) or ""
            result = model.assess(row["title"], body)
            assert result.relevant is row["bhxh_bhyt_topic"].startswith("yes"), (
                row["file"],
                result,
            )
            checked += 1
    assert checked >= 5


@pytest.mark.shared
def test_precision_and_recall_floors_on_vietnews(monkeypatch: pytest.MonkeyPatch) -> None:
    _shared("data/raw/vietnews-bhxh/bhxh_articles.jsonl")
    spec = importlib.util.spec_from_file_location(
        "relevance_eval", REPO / "benchmarks" / "relevance_eval.py"
    )
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "relevance_eval", bench)  # dataclasses look their module up
    spec.loader.exec_module(bench)
    result = bench.evaluate(RelevanceModel.from_yaml(TOPICS), bench.load(SHARED))
    # Floors sit a little under the measured figures (benchmarks/relevance_eval.py; held-out
    # P 1.00 / R 0.84, all 180 hand labels P 0.96 / R 0.89 when the rules were frozen).
    held_out, everything = result["hand_held_out"], result["hand_all"]
    assert held_out["precision"] >= 0.9 and held_out["recall"] >= 0.8, held_out
    assert everything["precision"] >= 0.9 and everything["recall"] >= 0.85, everything
    proxy = result["proxy_strong_vs_random"]
    assert proxy["precision"] >= 0.99, proxy  # random articles with no term are never flagged
    flagged, total = map(int, result["passing_mentions_flagged_relevant"].split("/"))
    assert flagged / total <= 0.05, result


def test_agrees_with_the_demo_sites_ground_truth(model: RelevanceModel) -> None:
    """The offline demo's labels: relevance and province exact; the main topic always among the
    topics and almost always first."""
    demo_site = pytest.importorskip("demo.site")
    from vntext.provinces import Gazetteer

    gazetteer = Gazetteer.load(REPO / "config" / "provinces.yaml")
    site = demo_site.build_site()
    primary_right = labelled = 0
    for article in site.articles:
        if article.challenge:
            continue
        outlet = site.outlet(article.outlet)
        text = f"{article.lead}\n\n{article.body}" if article.lead else article.body
        result = model.assess(article.title, text)
        assert result.relevant is article.relevant, (article.path, result)
        if not article.relevant:
            continue
        attribution = gazetteer.attribute(article.title, text, outlet.kind, outlet.province)
        assert attribution.province == article.province, (article.path, attribution)
        if article.topics:
            # weekly counts by topic must include every article under its main topic
            assert article.topics[0] in result.topics, (article.path, result.topics)
            labelled += 1
            primary_right += result.topics[:1] == article.topics[:1]
    assert labelled and primary_right / labelled >= 0.85, (primary_right, labelled)
