"""Outlets named as people name them resolve to one configured source, or say they did not."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressmon.outlets import OutletResolver, _host
from pressmon.settings import load_sources

SOURCES = Path(__file__).resolve().parents[2] / "config" / "sources.yaml"


@pytest.fixture(scope="module")
def resolver() -> OutletResolver:
    return OutletResolver(load_sources(SOURCES).sources)


@pytest.mark.parametrize(
    ("outlet", "url", "expected", "how"),
    [
        ("vnexpress", None, "vnexpress", "id"),
        ("VnExpress", None, "vnexpress", "name"),
        ("Tuổi Trẻ", None, "tuoitre", "name"),
        ("Tuoi Tre Online", None, "tuoitre", "name"),
        ("Báo Lao Động", None, "laodong", "name"),
        ("Lao Động", None, "laodong", "name"),
        ("dantri.com.vn", None, "dantri", "domain"),
        ("https://www.thanhnien.vn/", None, "thanhnien", "domain"),
        (None, "https://vnexpress.net/bhxh-123.html", "vnexpress", "url"),
        ("", "https://m.tuoitre.vn/a.htm", "tuoitre", "url"),
        ("Báo Không Có", "https://nhandan.vn/x", "nhandan", "url"),
    ],
)
def test_outlet_resolves(
    resolver: OutletResolver, outlet: str | None, url: str | None, expected: str, how: str
) -> None:
    resolution = resolver.resolve(outlet, url)
    assert resolution.source is not None and resolution.source.id == expected
    assert resolution.how == how
    assert resolution.note is None


@pytest.mark.parametrize(
    ("outlet", "url"),
    [(None, None), ("Trang Không Tên", None), (None, "https://bhxh-vn.top/tra-cuu"), ("bao", None)],
)
def test_unknown_outlet_says_so(
    resolver: OutletResolver, outlet: str | None, url: str | None
) -> None:
    resolution = resolver.resolve(outlet, url)
    assert resolution.source is None
    assert resolution.note and "sources.yaml" in resolution.note


def test_a_bracketed_value_that_is_no_host_names_no_outlet() -> None:
    assert _host("tiêu đề\x1b[2J]0;x") is None
