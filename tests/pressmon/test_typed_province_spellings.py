"""A province typed the way people write it in English or without spaces ("Hanoi", "Saigon",
"Ho Chi Minh City", "Daklak") is accepted when it names exactly one province once diacritics,
case, spaces, hyphens, dots and a "Tỉnh"/"TP"/"City"/"Province" wrapper are ignored; "Hanoi" was
refused ("gần nhất: Hà Nội"). Partial or unknown names are still refused with suggestions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main
from pressmon.filters import FilterResolver, UnknownFilterValue
from pressmon.province_names import typed_keys
from pressmon.web.accounts import AccountStore
from vntext.normalize import fold
from vntext.provinces import Gazetteer

GAZETTEER = Gazetteer.load(Path(__file__).resolve().parents[2] / "config" / "provinces.yaml")
RESOLVER = FilterResolver.build(GAZETTEER, ())
HCM = "Hồ Chí Minh"

ACCEPTED = [
    ("Hanoi", "Hà Nội"),
    ("HANOI", "Hà Nội"),
    ("Ha-Noi", "Hà Nội"),
    ("Ha.Noi", "Hà Nội"),
    ("Hanoi City", "Hà Nội"),
    ("Danang", "Đà Nẵng"),
    ("Da Nang City", "Đà Nẵng"),
    ("Haiphong", "Hải Phòng"),
    ("Cantho", "Cần Thơ"),
    ("Can Tho City", "Cần Thơ"),
    ("Saigon", HCM),
    ("Hochiminh", HCM),
    ("HoChiMinh City", HCM),
    ("Ho Chi Minh City", HCM),
    ("hồ chí minh city", HCM),
    ("TPHCM", HCM),
    ("TP.HCM", HCM),
    ("TP. Hồ Chí Minh", HCM),
    ("Thành phố Hồ Chí Minh", HCM),
    ("Dak Lak", "Đắk Lắk"),
    ("Daklak", "Đắk Lắk"),
    ("Dak Lak Province", "Đắk Lắk"),
    ("Tỉnh Đắk Lắk", "Đắk Lắk"),
    ("Nghe An Province", "Nghệ An"),
    ("Tinh Nghe An", "Nghệ An"),
    ("Hue City", "Huế"),
    ("Quangninh", "Quảng Ninh"),
    ("Thanhhoa", "Thanh Hóa"),
    ("Thanh Hoá", "Thanh Hóa"),
]
OLD = [
    ("Hatay", "Hà Nội", "Hà Tây → Hà Nội (đơn vị hành chính cũ)"),
    ("Ha Tay Province", "Hà Nội", "Hà Tây → Hà Nội (đơn vị hành chính cũ)"),
    ("Quangbinh", "Quảng Trị", "Quảng Bình → Quảng Trị (sáp nhập 2025)"),
    ("Vinhphuc", "Phú Thọ", "Vĩnh Phúc → Phú Thọ (sáp nhập 2025)"),
    ("Kontum", "Quảng Ngãi", "Kon Tum → Quảng Ngãi (sáp nhập 2025)"),
    ("Vungtau", HCM, "Bà Rịa - Vũng Tàu → Hồ Chí Minh (sáp nhập 2025)"),
    ("Thua Thien-Hue", "Huế", "Thừa Thiên Huế → Huế (đơn vị hành chính cũ)"),
]
REFUSED = [
    ("Ha", None),
    ("Quang", "Quảng Ninh"),
    ("Binh", "Ninh Bình"),
    ("City", None),
    ("Tỉnh", None),
    ("Atlantis", None),
    ("Ha Noi Ha Tay", "Hà Nội"),
    ("Nge An", "Nghệ An"),
    ("Hanoj", "Hà Nội"),
    ("Sài Gòn Giải Phóng", None),  # the newspaper, blocked as a province in article text too
]


@pytest.mark.parametrize(("typed", "province"), ACCEPTED)
def test_a_common_spelling_names_its_province(typed: str, province: str) -> None:
    found = RESOLVER.province(typed)
    assert (found.value, found.note) == (province, None)


@pytest.mark.parametrize(("typed", "province", "note"), OLD)
def test_an_old_units_spelling_is_read_with_its_note(typed: str, province: str, note: str) -> None:
    found = RESOLVER.province(typed)
    assert (found.value, found.note) == (province, note)


@pytest.mark.parametrize(("typed", "suggested"), REFUSED)
def test_a_partial_or_unknown_name_is_refused_with_suggestions(typed, suggested) -> None:
    with pytest.raises(UnknownFilterValue) as refused:
        RESOLVER.province(typed)
    if suggested:
        assert suggested in refused.value.suggestions


@pytest.mark.parametrize("province", GAZETTEER.provinces)
def test_every_current_province_resolves_to_itself_however_written(province: str) -> None:
    squeezed = re.sub(r"[\s-]+", "", fold(province))  # "Đắk Lắk" → "DakLak"
    for typed in (province, province.upper(), squeezed, squeezed.lower(), f"Tỉnh {squeezed}"):
        found = RESOLVER.province(typed)
        assert (found.value, found.note) == (province, None), typed


def test_no_two_provinces_share_a_spelling_once_spaces_and_wrappers_are_ignored() -> None:
    """Over config/provinces.yaml: an entry added later that collides with another province's
    name, alias or old unit ("Hà Tĩnh" and a "Hatinh" elsewhere) fails here, not in a filter."""
    named: dict[str, set[str]] = {}
    for unit in GAZETTEER.units:
        for spelling in (unit.name, *unit.aliases):
            for typed in typed_keys(spelling):
                named.setdefault(typed, set()).add(unit.province)
    assert {k: p for k, p in named.items() if len(p) > 1} == {}


def test_the_command_line_takes_the_english_spellings(tmp_path: Path) -> None:
    users = ["--data-dir", str(tmp_path), "users"]
    added = CliRunner().invoke(
        main,
        [*users, "add", "lan", "--role", "reviewer", "--province", "Hochiminh", "--password-stdin"],
        input="một mật khẩu đủ dài 2026\n",
    )
    assert added.exit_code == 0, added.output
    store = AccountStore(tmp_path / "pressmon-state.db")
    assert (account := store.get("lan")) is not None and account.province == HCM
    moved = CliRunner().invoke(main, [*users, "set-province", "lan", "Ha Tay Province"])
    assert moved.exit_code == 0, moved.output
    assert "Lưu ý: Hà Tây → Hà Nội (đơn vị hành chính cũ)" in moved.stderr
    assert (account := store.get("lan")) is not None and account.province == "Hà Nội"
