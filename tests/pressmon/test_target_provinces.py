"""Province names in targets.yaml read as the current province, as the filters read them: a
spelling the archive does not store ("TP.HCM", pre-2025 "Bình Dương") used to count nothing or
lose its figure to the equal split without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressmon.errors import ConfigError
from pressmon.province_targets import province_targets
from pressmon.settings import (
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
    (target,) = with_current_provinces(targets, gazetteer.current, TARGETS_YAML).targets
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
