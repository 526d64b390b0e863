"""The demo year's 60 outlets: 3 sector, 20 national, one paper for each of the 34 provinces and
3 non-press sites. Five of them are the crawled demo site's outlets (same ids), so the crawled
and the ingested articles of an outlet land under one name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from demo.model import Kind
from demo.outlets import MODULES

_CRAWLED_NAMES = {module.OUTLET.id: module.OUTLET.name for module in MODULES}

# config/provinces.yaml's 34 names in its order; tests/demo/test_year.py checks they match.
PROVINCES: tuple[str, ...] = (
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
)
CITIES = frozenset(PROVINCES[:6])  # centrally-run: "thành phố", not "tỉnh"
CRAWLED_PAPERS = {"Vĩnh Long": "bao_tinh_a", "Nghệ An": "bao_tinh_b"}  # the demo site's two


@dataclass(frozen=True)
class YearOutlet:
    id: str
    name: str
    kind: Kind
    province: str | None = None
    crawled: bool = False  # also on the crawled demo site (its source is already configured)

    @property
    def domain(self) -> str:
        return f"{self.id.replace('_', '-')}.demo-nam.invalid"


def province_label(province: str) -> str:
    """ "thành phố Hà Nội" / "tỉnh Nghệ An"."""
    return f"{'thành phố' if province in CITIES else 'tỉnh'} {province}"


_SECTOR = (
    YearOutlet("bhxh_demo", _CRAWLED_NAMES["bhxh_demo"], "sector", crawled=True),
    YearOutlet("tap_chi_bhxh_demo", "Tạp chí Bảo hiểm xã hội (demo)", "sector"),
    YearOutlet("truyen_hinh_bhxh_demo", "Bản tin truyền hình BHXH (demo)", "sector"),
)
_NATIONAL_NAMES = (
    "Kinh tế và Đời sống",
    "Pháp luật Ngày nay",
    "Lao động Việt",
    "Sức khỏe Cộng đồng",
    "Thanh niên Việt",
    "Phụ nữ Việt",
    "Nông thôn Mới",
    "Doanh nghiệp Việt",
    "Tài chính Việt",
    "Công thương Việt",
    "Giáo dục Việt",
    "Văn hóa Việt",
    "Đại đoàn kết",
    "Dân sinh",
    "Tin tức Việt",
    "Phát thanh Quốc gia",
    "Truyền hình Quốc gia",
    "Thông tấn Việt",
    "Người cao tuổi",
)
_NATIONAL = (
    YearOutlet("bao_quoc_gia", _CRAWLED_NAMES["bao_quoc_gia"], "national", crawled=True),
    *(
        YearOutlet(f"bao_qg_{n:02d}", f"Báo {name} (demo)", "national")
        for n, name in enumerate(_NATIONAL_NAMES, start=1)
    ),
)
_PROVINCIAL = tuple(
    YearOutlet(CRAWLED_PAPERS[p], _CRAWLED_NAMES[CRAWLED_PAPERS[p]], "provincial", p, crawled=True)
    if p in CRAWLED_PAPERS
    else YearOutlet(f"bao_tinh_{n:02d}", f"Báo {p} (demo)", "provincial", p)
    for n, p in enumerate(PROVINCES, start=1)
)
_OTHER = (
    YearOutlet("dien_dan_bhxh", _CRAWLED_NAMES["dien_dan_bhxh"], "other", crawled=True),
    YearOutlet("nhom_hoi_dap_bhxh", "Nhóm mạng xã hội Hỏi đáp BHXH (demo)", "other"),
    YearOutlet("trang_ho_tro_bhxh", "Trang \u201cHỗ trợ BHXH nhanh\u201d (demo)", "other"),
)
YEAR_OUTLETS: tuple[YearOutlet, ...] = (*_SECTOR, *_NATIONAL, *_PROVINCIAL, *_OTHER)


def year_sources() -> list[dict[str, Any]]:
    """Source dicts for the outlets that exist only in the demo year: disabled (nothing to
    crawl), so ingested lines naming them find their kind and province."""
    return [
        {
            "id": o.id,
            "name": o.name,
            "kind": o.kind,
            "province": o.province,
            "domain": o.domain,
            "enabled": False,
            "notes": "Demo year outlet: its articles arrive through `pressmon ingest`.",
        }
        for o in YEAR_OUTLETS
        if not o.crawled
    ]
