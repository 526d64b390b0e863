"""Province names in targets.yaml read as the current province, as the filters read them: a
spelling the archive does not store ("TP.HCM", pre-2025 "Bình Dương") used to count nothing or
lose its figure to the equal split without a word; "Hanoi" or "Saigon", which the filters take,
were refused there, and an old unit's name ("Hà Tây") was read without a word."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from pressmon.errors import ConfigError
from pressmon.filters import FilterResolver
from pressmon.province_targets import province_targets
from pressmon.settings import (
    Settings,
    Target,
    Targets,
    load_settings,
    load_targets,
    with_current_provinces,
)
from pressmon.wiring import gazetteer_from, targets_from
from vntext.provinces import Gazetteer

TARGETS_YAML = Path("targets.yaml")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return gazetteer_from(load_settings())


def _resolved(gazetteer: Gazetteer, **fields) -> Target:
    targets = Targets(targets=(Target(id="local", name="Địa phương", count=15000, **fields),))
    province = FilterResolver.build(gazetteer, ()).province
    (target,) = with_current_provinces(targets, province, TARGETS_YAML).targets
    return target


@pytest.mark.parametrize(
    ("written", "current"),
    [
        ({"Hồ Chí Minh": 1500}, {"Hồ Chí Minh": 1500}),
        ({"TP.HCM": 1500}, {"Hồ Chí Minh": 1500}),
        ({"Bình Dương": 300}, {"Hồ Chí Minh": 300}),  # merged into it on 2025-07-01
        ({"ha noi": 1200, "Quảng Bình": 200}, {"Hà Nội": 1200, "Quảng Trị": 200}),
        ({"Thanh Hoá": 400}, {"Thanh Hóa": 400}),  # the old tone placement
    ],
)
def test_province_targets_are_read_as_current_provinces(
    gazetteer: Gazetteer, written: dict[str, int], current: dict[str, int]
) -> None:
    target = _resolved(gazetteer, province_targets=written)
    assert target.province_targets == current
    split = province_targets(15000, gazetteer.provinces, target.province_targets, {})
    assert {p: split[p] for p in current} == current and sum(split.values()) == 15000


@pytest.mark.parametrize(
    ("written", "current"),
    [
        (("TP.HCM", "Bình Dương"), ("Hồ Chí Minh",)),
        (("Ha Giang", "Nghệ An"), ("Tuyên Quang", "Nghệ An")),
    ],
)
def test_target_provinces_are_read_as_current_provinces(
    gazetteer: Gazetteer, written: tuple[str, ...], current: tuple[str, ...]
) -> None:
    assert _resolved(gazetteer, provinces=written).provinces == current


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"province_targets": {"Hà Nộii": 100}}, "không có tỉnh, thành phố nào tên 'Hà Nộii'"),
        ({"provinces": ("Paris",)}, "targets[0] (local).provinces"),
        (
            {"province_targets": {"Hồ Chí Minh": 1500, "Bình Dương": 300}},
            "Hồ Chí Minh được ghi hai lần",
        ),
    ],
)
def test_unknown_or_repeated_provinces_are_refused(
    gazetteer: Gazetteer, fields: dict, problem: str
) -> None:
    with pytest.raises(ConfigError, match="targets.yaml") as raised:
        _resolved(gazetteer, **fields)
    assert problem in str(raised.value)


def test_the_shipped_targets_read_unchanged() -> None:
    settings = load_settings()
    assert targets_from(settings) == load_targets(settings.targets_file)


def _with_targets(tmp_path: Path, target: str) -> Settings:
    """The shipped settings reading a targets.yaml of one target, `target` its YAML fields."""
    path = tmp_path / "targets.yaml"
    path.write_text(
        f"targets:\n  - id: local\n    name: Địa phương\n    count: 15000\n    {target}\n",
        encoding="utf-8",
    )
    return load_settings().model_copy(update={"targets_file": path})


@pytest.mark.parametrize(
    ("target", "current"),
    [
        ("province_targets: {Hanoi: 1200, Saigon: 1500}", {"Hà Nội": 1200, "Hồ Chí Minh": 1500}),
        (
            "province_targets: {Ho Chi Minh City: 1500, Tỉnh Nghệ An: 400, Daklak: 300}",
            {"Hồ Chí Minh": 1500, "Nghệ An": 400, "Đắk Lắk": 300},
        ),
        ("provinces: [Hanoi, Saigon, Nghe An Province]", ("Hà Nội", "Hồ Chí Minh", "Nghệ An")),
        ("provinces: [Hanoi, Hà Tây]", ("Hà Nội",)),  # one province: a filter, counted once
    ],
)
def test_targets_take_the_spellings_the_filters_take(
    tmp_path: Path, target: str, current: dict[str, int] | tuple[str, ...]
) -> None:
    (read,) = targets_from(_with_targets(tmp_path, target)).targets
    assert (read.province_targets if isinstance(current, dict) else read.provinces) == current


def test_an_old_units_name_is_read_as_its_province_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = _with_targets(tmp_path, "province_targets: {Hà Tây: 100, Quảng Bình: 200}")
    with caplog.at_level(logging.WARNING):
        (read,) = targets_from(settings).targets
    assert read.province_targets == {"Hà Nội": 100, "Quảng Trị": 200}
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        "Lưu ý: targets.yaml: targets[0] (local).province_targets «Hà Tây»: "
        "Hà Tây → Hà Nội (đơn vị hành chính cũ)",
        "Lưu ý: targets.yaml: targets[0] (local).province_targets «Quảng Bình»: "
        "Quảng Bình → Quảng Trị (sáp nhập 2025)",
    ]


def test_a_current_name_brings_no_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        targets_from(_with_targets(tmp_path, "provinces: [Hanoi, TP.HCM]"))
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        (
            "provinces: [Ha Nol]",
            "targets.yaml: targets[0] (local).provinces: không có tỉnh, thành phố nào tên "
            "'Ha Nol'; gần nhất: Hà Nội",
        ),
        (
            "province_targets: {Quang: 100}",  # Quảng Ninh, Quảng Ngãi, Quảng Trị…: none of them
            "targets.yaml: targets[0] (local).province_targets: không có tỉnh, thành phố nào tên "
            "'Quang'; gần nhất: Quảng",
        ),
        (
            "province_targets: {Hanoi: 1200, Hà Tây: 100}",
            "targets.yaml: targets[0] (local).province_targets: Hà Nội được ghi hai lần "
            "(tên cũ hoặc cách viết khác của cùng một tỉnh: 'Hanoi' và 'Hà Tây')",
        ),
    ],
)
def test_unknown_names_and_two_figures_for_one_province_are_refused(
    tmp_path: Path, target: str, problem: str
) -> None:
    with pytest.raises(ConfigError) as raised:
        targets_from(_with_targets(tmp_path, target))
    assert problem in str(raised.value)
