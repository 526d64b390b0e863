"""Province gazetteer: the 34 current provinces, 63 pre-merger units, spellings, attribution."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from vntext.provinces import Attribution, Gazetteer, GazetteerError

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "config" / "provinces.yaml"

CURRENT_34 = [
    "Hà Nội",
    "Hải Phòng",
    "Huế",
    "Đà Nẵng",
    "Hồ Chí Minh",
    "Cần Thơ",
    "Tuyên Quang",
    "Cao Bằng",
    "Lai Châu",
    "Lào Cai",
    "Thái Nguyên",
    "Điện Biên",
    "Lạng Sơn",
    "Sơn La",
    "Phú Thọ",
    "Bắc Ninh",
    "Quảng Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Đồng Nai",
    "Tây Ninh",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
]

# Every pre-2025 unit and where it went (Resolution 202/2025/QH15), independent of the YAML.
OLD_63 = {
    "Hà Nội": "Hà Nội",
    "Hồ Chí Minh": "Hồ Chí Minh",
    "Hải Phòng": "Hải Phòng",
    "Đà Nẵng": "Đà Nẵng",
    "Cần Thơ": "Cần Thơ",
    "Huế": "Huế",
    "Hà Giang": "Tuyên Quang",
    "Tuyên Quang": "Tuyên Quang",
    "Cao Bằng": "Cao Bằng",
    "Bắc Kạn": "Thái Nguyên",
    "Thái Nguyên": "Thái Nguyên",
    "Lào Cai": "Lào Cai",
    "Yên Bái": "Lào Cai",
    "Lai Châu": "Lai Châu",
    "Điện Biên": "Điện Biên",
    "Sơn La": "Sơn La",
    "Lạng Sơn": "Lạng Sơn",
    "Quảng Ninh": "Quảng Ninh",
    "Phú Thọ": "Phú Thọ",
    "Vĩnh Phúc": "Phú Thọ",
    "Hòa Bình": "Phú Thọ",
    "Bắc Ninh": "Bắc Ninh",
    "Bắc Giang": "Bắc Ninh",
    "Hải Dương": "Hải Phòng",
    "Hưng Yên": "Hưng Yên",
    "Thái Bình": "Hưng Yên",
    "Hà Nam": "Ninh Bình",
    "Nam Định": "Ninh Bình",
    "Ninh Bình": "Ninh Bình",
    "Thanh Hóa": "Thanh Hóa",
    "Nghệ An": "Nghệ An",
    "Hà Tĩnh": "Hà Tĩnh",
    "Quảng Bình": "Quảng Trị",
    "Quảng Trị": "Quảng Trị",
    "Quảng Nam": "Đà Nẵng",
    "Quảng Ngãi": "Quảng Ngãi",
    "Kon Tum": "Quảng Ngãi",
    "Gia Lai": "Gia Lai",
    "Bình Định": "Gia Lai",
    "Phú Yên": "Đắk Lắk",
    "Đắk Lắk": "Đắk Lắk",
    "Khánh Hòa": "Khánh Hòa",
    "Ninh Thuận": "Khánh Hòa",
    "Lâm Đồng": "Lâm Đồng",
    "Đắk Nông": "Lâm Đồng",
    "Bình Thuận": "Lâm Đồng",
    "Đồng Nai": "Đồng Nai",
    "Bình Phước": "Đồng Nai",
    "Bình Dương": "Hồ Chí Minh",
    "Bà Rịa - Vũng Tàu": "Hồ Chí Minh",
    "Tây Ninh": "Tây Ninh",
    "Long An": "Tây Ninh",
    "Tiền Giang": "Đồng Tháp",
    "Đồng Tháp": "Đồng Tháp",
    "Bến Tre": "Vĩnh Long",
    "Trà Vinh": "Vĩnh Long",
    "Vĩnh Long": "Vĩnh Long",
    "An Giang": "An Giang",
    "Kiên Giang": "An Giang",
    "Sóc Trăng": "Cần Thơ",
    "Hậu Giang": "Cần Thơ",
    "Bạc Liêu": "Cà Mau",
    "Cà Mau": "Cà Mau",
}

SPELLINGS = [
    ("TP.HCM", "Hồ Chí Minh"),
    ("TP HCM", "Hồ Chí Minh"),
    ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
    ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    ("Sài Gòn", "Hồ Chí Minh"),
    ("TPHCM", "Hồ Chí Minh"),
    ("Thừa Thiên - Huế", "Huế"),
    ("Thừa Thiên Huế", "Huế"),
    ("TT-Huế", "Huế"),
    ("Đắc Lắc", "Đắk Lắk"),
    ("Đắk Lắc", "Đắk Lắk"),
    ("Khánh Hoà", "Khánh Hòa"),
    ("Thanh Hoá", "Thanh Hóa"),
    ("Hoà Bình", "Phú Thọ"),
    ("BR-VT", "Hồ Chí Minh"),
    ("Bà Rịa–Vũng Tàu", "Hồ Chí Minh"),
    ("Bà Rịa-Vũng Tàu", "Hồ Chí Minh"),
    ("Bắc Cạn", "Thái Nguyên"),
    ("Tỉnh Hà Giang", "Tuyên Quang"),
    ("tỉnh Bình Định", "Gia Lai"),
    ("Hà Tây", "Hà Nội"),
    ("Hà Nam Ninh", "Ninh Bình"),
    ("  hà   giang ", "Tuyên Quang"),
    ("Ha Giang", "Tuyên Quang"),
    ("Dak Lak", "Đắk Lắk"),
    ("Đăk Nông", "Lâm Đồng"),
    ("Kontum", "Quảng Ngãi"),
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(CONFIG)


def test_the_34_current_provinces(gazetteer: Gazetteer) -> None:
    assert sorted(gazetteer.provinces) == sorted(CURRENT_34)
    assert len(gazetteer.provinces) == 34


def test_the_63_pre_merger_units_are_listed(gazetteer: Gazetteer) -> None:
    assert gazetteer.pre_2025 == OLD_63


@pytest.mark.parametrize(("old", "new"), sorted(OLD_63.items()))
def test_every_old_province_maps_to_its_current_one(
    gazetteer: Gazetteer, old: str, new: str
) -> None:
    assert gazetteer.current(old) == new
    assert gazetteer.current(unicodedata.normalize("NFD", old)) == new
    assert gazetteer.current("Tỉnh " + old) == new


@pytest.mark.parametrize(("written", "province"), SPELLINGS)
def test_spelling_variants(gazetteer: Gazetteer, written: str, province: str) -> None:
    assert gazetteer.current(written) == province


@pytest.mark.parametrize("name", ["Paris", "", "Thái Bình Dương", "Hồ", "Bình"])
def test_unknown_names(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.current(name) is None


def test_agrees_with_underthesea_address_mapping(gazetteer: Gazetteer) -> None:
    address = pytest.importorskip("underthesea.address")
    data = json.loads(
        (Path(address.__file__).parent / "data" / "mapping.json").read_text(encoding="utf-8")
    )
    old_names, new_names = data["old_province_names"], data["province_names"]
    assert len(data["province_mapping"]) == 63
    for old_key, new_key in data["province_mapping"].items():
        assert gazetteer.current(old_names[old_key]["short"]) == new_names[new_key]["short"], (
            old_key
        )
    assert sorted(v["short"] for v in new_names.values()) == sorted(CURRENT_34)


MENTIONS = [
    # text, expected (province, surface, pre_merger) in order
    ("BHXH tỉnh Hà Giang tổ chức hội nghị", [("Tuyên Quang", "Hà Giang", True)]),
    (
        "Người lao động tại TP.HCM và Bình Dương",
        [("Hồ Chí Minh", "TP.HCM", False), ("Hồ Chí Minh", "Bình Dương", True)],
    ),
    ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", []),
    ("Phó Thủ tướng Nguyễn Hòa Bình chủ trì hội nghị", []),
    ("vì hòa bình và hữu nghị", []),
    ("Đoàn công tác làm việc với tỉnh Hòa Bình", [("Phú Thọ", "Hòa Bình", True)]),
    ("Hiệp định Đối tác xuyên Thái Bình Dương (TPP)", []),
    ("Tỉnh Thái Bình đạt tỷ lệ bao phủ cao", [("Hưng Yên", "Thái Bình", True)]),
    ("nỗ lực bình định vùng biên", []),
    ("Chị Nguyễn Thị Huế, công nhân may", []),
    ("Du khách đến Huế dịp lễ", [("Huế", "Huế", False)]),
    ("tỉnh Hà Nam Ninh cũ", [("Ninh Bình", "Hà Nam Ninh", True)]),
    ("tỉnh Hà Nam, Trung Quốc ghi nhận", []),
    ("Báo Sài Gòn Giải Phóng đưa tin", []),
    (
        "Thanh Hoá và Khánh Hoà",
        [("Thanh Hóa", "Thanh Hóa", False), ("Khánh Hòa", "Khánh Hòa", False)],
    ),
    ("BHXH Bà Rịa - Vũng Tàu", [("Hồ Chí Minh", "Bà Rịa - Vũng Tàu", True)]),
    ("bình an cả năm", []),
    ("CÀ MAU TĂNG NGƯỜI THAM GIA BHXH", [("Cà Mau", "CÀ MAU", False)]),
    # the battle and the streets named after it are not the province; the city is
    ("Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ", []),
    ("Trụ sở tại số 7 Điện Biên Phủ, quận 3, TP.HCM", [("Hồ Chí Minh", "TP.HCM", False)]),
    ("BHXH đường Điện Biên Phủ", []),
    ("Người dân TP Điện Biên Phủ", [("Điện Biên", "Điện Biên Phủ", False)]),
    ("BHXH tỉnh Điện Biên", [("Điện Biên", "Điện Biên", False)]),
]


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_mentions(gazetteer: Gazetteer, text: str, expected: list[tuple[str, str, bool]]) -> None:
    found = gazetteer.mentions(text)
    assert [(m.province, m.surface, m.pre_merger) for m in found] == expected


def test_mentions_in_nfd_text_index_the_normalised_text(gazetteer: Gazetteer) -> None:
    text = unicodedata.normalize("NFD", "Năm nay, BHXH tỉnh Đắk Lắk và tỉnh Phú Yên")
    found = gazetteer.mentions(text)
    assert [(m.province, m.context) for m in found] == [("Đắk Lắk", "tỉnh"), ("Đắk Lắk", "tỉnh")]
    normalised = unicodedata.normalize("NFC", text)
    assert [normalised[m.start : m.end] for m in found] == ["Đắk Lắk", "Phú Yên"]
    assert all(m.administrative for m in found)


LONG_OFF_TOPIC = " ".join(
    ["Hội nghị bàn về cải cách thủ tục hành chính và chuyển đổi số trong cơ quan nhà nước."] * 30
)

ATTRIBUTIONS = [
    # title, body, kind, outlet province, expected province, expected provinces
    (
        "BHXH tỉnh Nghệ An đẩy mạnh phát triển người tham gia",
        "Nội dung.",
        "national",
        None,
        "Nghệ An",
        ("Nghệ An",),
    ),
    (
        "Tăng người tham gia BHXH tự nguyện",
        "BHXH tỉnh Yên Bái cho biết ... " + LONG_OFF_TOPIC,
        "national",
        None,
        "Lào Cai",
        ("Lào Cai",),
    ),
    (
        "Cải cách hành chính",
        LONG_OFF_TOPIC + " Đoàn có chuyến thăm Cà Mau. " + LONG_OFF_TOPIC,
        "national",
        None,
        None,
        (),
    ),
    ("Cải cách hành chính", LONG_OFF_TOPIC, "provincial", "Cần Thơ", "Cần Thơ", ("Cần Thơ",)),
    (
        "Cần Thơ và Sóc Trăng phối hợp thu BHXH",
        "Nội dung.",
        "provincial",
        "Cần Thơ",
        "Cần Thơ",
        ("Cần Thơ",),
    ),
    (
        "Hậu Giang chi trả lương hưu",
        "Nội dung.",
        "provincial",
        "Hậu Giang",
        "Cần Thơ",
        ("Cần Thơ",),
    ),
    (
        "Cần Thơ học tập kinh nghiệm của Đồng Tháp",
        "Nội dung.",
        "provincial",
        "Cần Thơ",
        "Cần Thơ",
        ("Cần Thơ", "Đồng Tháp"),
    ),
    # the lead counts; ties go to the province named first
    (
        "Quyết toán quỹ BHYT",
        "Hà Nội và TP.HCM dẫn đầu. " + LONG_OFF_TOPIC,
        "sector",
        None,
        "Hà Nội",
        ("Hà Nội", "Hồ Chí Minh"),
    ),
    # more mentions weigh more
    (
        "Quyết toán quỹ BHYT",
        "Hà Nội và TP.HCM dẫn đầu. " + LONG_OFF_TOPIC + " Tại TP.HCM, ...",
        "sector",
        None,
        "Hồ Chí Minh",
        ("Hồ Chí Minh", "Hà Nội"),
    ),
    # the lead is the first paragraph: a mention right after it is body, once is not enough ...
    (
        "Quyết toán quỹ BHYT",
        "Quỹ BHYT được cân đối.\n\nTại Nghệ An, số chi tăng.",
        "national",
        None,
        None,
        (),
    ),
    # ... twice is
    (
        "Quyết toán quỹ BHYT",
        "Quỹ BHYT được cân đối.\n\nTại Nghệ An, số chi tăng. Nghệ An sẽ rà soát.",
        "national",
        None,
        "Nghệ An",
        ("Nghệ An",),
    ),
]


@pytest.mark.parametrize(("title", "body", "kind", "home", "province", "provinces"), ATTRIBUTIONS)
def test_attribute(gazetteer: Gazetteer, title, body, kind, home, province, provinces) -> None:
    result = gazetteer.attribute(title, body, kind, home)
    assert isinstance(result, Attribution)
    assert (result.province, result.provinces) == (province, provinces)
    assert result.reason


def test_attribute_rejects_an_unknown_outlet_province(gazetteer: Gazetteer) -> None:
    with pytest.raises(GazetteerError, match="Atlantis"):
        gazetteer.attribute("t", "b", "provincial", "Atlantis")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("provinces: 3", "provinces"),
        ("- just a list", "provinces"),
        ("provinces:\n  - name: A\n  - name: A\n", "hai lần"),
        ("provinces:\n  - name: A\n    aliases: [X]\n  - name: B\n    aliases: [X]\n", "'X'"),
        ("provinces:\n  - aliases: [X]\n", "name"),
        ("provinces: [unclosed", "không phải YAML hợp lệ: dòng 1, cột 21"),
    ],
)
def test_malformed_gazetteer_files(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "provinces.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=problem):
        Gazetteer.load(path)


def test_missing_gazetteer_file(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="không tìm thấy tệp"):
        Gazetteer.load(tmp_path / "nope.yaml")
