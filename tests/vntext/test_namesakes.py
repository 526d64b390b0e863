"""Province names inside people's and streets' names are not places (vntext.namesakes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vntext.namesakes import Namesakes
from vntext.provinces import Gazetteer

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "config" / "provinces.yaml"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(CONFIG)


# Sentences written for these tests; each names its province once (or not at all).
PLACES = [
    # text, the current province it counts for
    ("BHXH tỉnh Hà Nam (cũ) đã hợp nhất", "Ninh Bình"),
    ("BHXH Thái Bình tổ chức đối thoại", "Hưng Yên"),
    ("Người lao động tại Phú Yên được chi trả", "Đắk Lắk"),
    ("Thanh Hóa tăng người tham gia BHYT", "Thanh Hóa"),
    ("Thanh Hoá tăng người tham gia BHYT", "Thanh Hóa"),
    ("người dân Hà Giang nhận thẻ BHYT", "Tuyên Quang"),
    ("Năm nay, Nghệ An thu vượt kế hoạch", "Nghệ An"),
    ("Ông cho biết Hà Nam sẽ rà soát", "Ninh Bình"),  # a title, but not before the name
    ("TP Hồ Chí Minh chi trả lương hưu", "Hồ Chí Minh"),
    ("tỉnh Minh Hải cũ", "Cà Mau"),
    ("đại biểu Quốc hội Đoàn TP HCM", "Hồ Chí Minh"),
    # group nouns, not one person: plural, classifier, compound
    ("các em Hà Giang được tặng thẻ BHYT", "Tuyên Quang"),
    ("trẻ em Hà Giang dưới 6 tuổi", "Tuyên Quang"),
    ("chị em Thái Bình tham gia BHXH tự nguyện", "Hưng Yên"),
    ("thầy cô Phú Yên nhận lương", "Đắk Lắk"),
    ("trên đường phố Hà Nội", "Hà Nội"),
    ("những con phố Hà Nội", "Hà Nội"),
    ("thị xã Phú Thọ", "Phú Thọ"),
    ("Sở Nông nghiệp và Phát triển nông thôn An Giang", "An Giang"),
    # a place before its province: division, school, company
    ("quận Hoàng Mai Hà Nội", "Hà Nội"),
    ("huyện Cô Tô Quảng Ninh", "Quảng Ninh"),
    ("Trường THPT chuyên Lê Hồng Phong Nam Định", "Ninh Bình"),
    ("Công ty TNHH MTV Nguyễn Kim Bình Dương nợ thuế", "Hồ Chí Minh"),
    ("Công ty CP đường Bình Định nợ lương", "Gia Lai"),
    ("Công ty CP Đường Quảng Ngãi", "Quảng Ngãi"),  # Đường, capitalised: sugar
    ("Thủ Đức TP.HCM", "Hồ Chí Minh"),
    # facilities named after a province are in it; numbered units belong to it
    ("tầng 11 chung cư Hà Nội", "Hà Nội"),
    ("sân bay Đà Nẵng đón khách", "Đà Nẵng"),
    ("yêu cầu Cần Thơ báo cáo", "Cần Thơ"),
    ("đội CSGT số 3 Hà Nội", "Hà Nội"),
    # a province right after another is a list, not a name ("Cao" is also a surname)
    ("Cao Bằng Lạng Sơn", "Lạng Sơn"),
    ("Anh trai tôi về Hà Nam", "Ninh Bình"),  # "về" is a place word
    ("Đại sứ quán Anh Hà Nội", "Hà Nội"),  # Anh (the UK) inside a sentence
]

NAMESAKES = [
    # text, "person" | "street"
    ("anh Nguyễn Hà Nam cho biết", "person"),
    ("ông Lê Văn Thái Bình, giám đốc", "person"),
    ("ông Phú Yên cho biết", "person"),
    ("Ông Nguyễn Hà Nam phát biểu", "person"),
    ("Bộ trưởng Nguyễn Thái Bình giải trình", "person"),
    ("bà Trần Nguyễn Minh Hải, giảng viên", "person"),
    ("Hoàng Minh Hải, sinh viên", "person"),
    ("cháu Lò Khánh Hòa (4 tuổi)", "person"),
    ("Lò Văn Hà Giang, dân tộc Thái", "person"),
    ("anh Tư Hà Nam", "person"),
    ("ThS Trần Hà Nam", "person"),
    ("PGS.TS Nguyễn Thái Bình", "person"),
    ("TS. Đỗ Hà Nam", "person"),
    ("Đ/c Hà Nam phát biểu", "person"),
    ("cô giáo Hà Giang", "person"),
    ("ÔNG NGUYỄN HÀ NAM NHẬN GIẢI", "person"),
    ("Phó Thủ tướng Lê Thanh Hóa", "person"),
    ("đường Hà Giang, quận 10", "street"),
    ("phố Lạng Sơn", "street"),
    ("số nhà 5 ngõ Thái Bình", "street"),
    ("hẻm Phú Yên", "street"),
    ("phường Thái Bình, quận 1", "street"),
    ("xã Minh Hải, huyện Văn Lâm", "street"),
    ("Xa lộ Hà Nội, quận 2", "street"),
    ("tại số 12 Hà Giang, quận 10", "street"),
    ("(số 12A Hà Giang, quận 10)", "street"),
    ("đường Nguyễn Thái Bình, quận 1", "person"),  # a street named after a person
    ("Trường THPT Nguyễn Thái Bình, quận Tân Bình", "person"),
]


@pytest.mark.parametrize(("text", "province"), PLACES)
def test_place_mentions_still_count(gazetteer: Gazetteer, text: str, province: str) -> None:
    assert province in [m.province for m in gazetteer.mentions(text)]


@pytest.mark.parametrize(("text", "kind"), NAMESAKES)
def test_names_of_people_and_streets_are_not_places(
    gazetteer: Gazetteer, text: str, kind: str
) -> None:
    assert gazetteer.mentions(text) == []
    without = Gazetteer(gazetteer.provinces, gazetteer.pre_2025, gazetteer._names.values())
    found = without.mentions(text)
    assert len(found) == 1  # the name matches; the rule is what drops it
    mention = found[0]
    assert gazetteer.namesakes.kind(text, mention.start, mention.end) == kind


def test_attribution_ignores_a_person_named_after_a_province(gazetteer: Gazetteer) -> None:
    body = "Ông Nguyễn Thái Bình, chánh văn phòng bộ, cho biết quy định mới có hiệu lực."
    result = gazetteer.attribute("Tăng lương hưu từ tháng 7", body, "national", None)
    assert (result.province, result.provinces) == (None, ())
    body = "BHXH tỉnh Thái Bình cho biết ông Nguyễn Hà Nam đã được chi trả."
    result = gazetteer.attribute("Chi trả chế độ", body, "national", None)
    assert result.provinces == ("Hưng Yên",)


def test_no_word_lists_no_namesakes() -> None:
    empty = Namesakes()
    assert not empty
    assert empty.kind("ông Phú Yên", 4, 11) is None


def test_the_lists_are_read_from_the_gazetteer_file(tmp_path: Path) -> None:
    path = tmp_path / "provinces.yaml"
    path.write_text(
        "namesakes:\n  titles: [ông]\nprovinces:\n  - name: Phú Yên\n", encoding="utf-8"
    )
    assert Gazetteer.load(path).mentions("ông Phú Yên") == []
    path.write_text("namesakes:\nprovinces:\n  - name: Phú Yên\n", encoding="utf-8")
    assert len(Gazetteer.load(path).mentions("ông Phú Yên")) == 1


def test_on_the_real_bhxh_articles_only_false_attributions_go() -> None:
    """The 1,277 VietNews BHXH articles (../shared, read at run time): the rule changes three
    articles, each by removing Hưng Yên, which only a person, Nguyễn Thái Bình, had named
    (checked by reading them); no article gains a province."""
    from benchmarks.province_namesakes import DATASET, SHARED, compare, load

    if not (SHARED / DATASET / "bhxh_articles.jsonl").is_file():
        pytest.skip(f"the VietNews articles are not at {SHARED / DATASET}")
    gazetteer = Gazetteer.load(CONFIG)
    result = compare(load(SHARED), gazetteer)
    assert result["articles"] == 1277
    changes = result["changes"]
    for change in changes:
        assert set(change.after.provinces) < set(change.before.provinces), change.id
    assert {c.id: c.before.provinces for c in changes} == {
        "train/063139": ("Hưng Yên",),
        "train/066666": ("Hưng Yên",),
        "train/092567": ("Hưng Yên",),
    }
    assert sum(result["main"]["before"].values()) - sum(result["main"]["after"].values()) == 3
