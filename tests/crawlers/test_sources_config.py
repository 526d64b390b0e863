"""config/sources.yaml: valid, complete (every current province covered), consistent."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from crawlers.sources import Source
from pressmon.settings import load_sources
from vntext.provinces import Gazetteer

REPO = Path(__file__).resolve().parents[2]
SOURCES = load_sources(REPO / "config" / "sources.yaml")
GAZETTEER = Gazetteer.load(REPO / "config" / "provinces.yaml")
# Read the raw YAML too, so a source added there is parametrised even if it fails validation later.
RAW_IDS = [
    entry["id"]
    for entry in yaml.safe_load((REPO / "config" / "sources.yaml").read_text(encoding="utf-8"))
]


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _on_outlet(host: str, source: Source) -> bool:
    return any(host == d or host.endswith("." + d) for d in (source.domain, *source.aliases))


def test_every_raw_entry_is_a_validated_source() -> None:
    assert RAW_IDS == [s.id for s in SOURCES.sources]


def test_kinds_are_covered() -> None:
    enabled = SOURCES.enabled()
    assert sum(s.kind == "national" for s in enabled) >= 15
    assert sum(s.kind == "sector" for s in enabled) == 2
    assert {s.domain for s in enabled if s.kind == "sector"} == {
        "baohiemxahoi.gov.vn",
        "tapchibaohiemxahoi.gov.vn",
    }
    assert SOURCES.by_id("baohiemxahoi").parser == "baohiemxahoi"


@pytest.mark.parametrize("province", GAZETTEER.provinces)
def test_every_current_province_has_an_enabled_provincial_paper(province: str) -> None:
    papers = [s for s in SOURCES.enabled() if s.kind == "provincial" and s.province == province]
    assert papers, f"no enabled provincial source for {province}"


def test_domains_and_aliases_are_unique() -> None:
    seen: dict[str, str] = {}
    for source in SOURCES.sources:
        for domain in (source.domain, *source.aliases):
            assert domain not in seen, f"{domain} claimed by {seen.get(domain)} and {source.id}"
            seen[domain] = source.id


@pytest.mark.parametrize("source_id", RAW_IDS)
def test_source_config(source_id: str) -> None:
    source = SOURCES.by_id(source_id)
    assert re.fullmatch(r"[a-z0-9_]+", source.id)
    assert source.name.strip()
    for domain in (source.domain, *source.aliases):
        assert re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", domain), domain
        assert not domain.startswith("www."), domain
    if source.kind == "provincial":
        assert source.province in GAZETTEER.provinces, "province must be a current (post-2025) name"
    else:
        assert source.province is None
    patterns = [source.article_pattern, *(listing.article_pattern for listing in source.listings)]
    for pattern in filter(None, patterns):
        re.compile(pattern)
    urls = [*source.feeds, *source.sitemaps, *(listing.url for listing in source.listings)]
    for url in urls:
        assert urlsplit(url).scheme == "https", url
        assert _on_outlet(_host(url), source), f"{url} is not on {source.domain} or an alias"
    assert source.enabled is False or urls, "an enabled source needs a feed, a sitemap or a listing"
    if source.verified:
        assert source.notes, "a verified source says what verified it"
    for listing in source.listings:
        article_pattern = listing.article_pattern or source.article_pattern
        if article_pattern:
            assert not re.search(article_pattern, listing.url), (
                "a listing page must not look like an article"
            )


@pytest.mark.parametrize(
    ("source_id", "article", "listing"),
    [
        (
            "baohiemxahoi",
            "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-y-te.aspx?CateID=169&ItemID=123",
            "https://baohiemxahoi.gov.vn/tintuc/Pages/hoat-dong-bhxh-viet-nam.aspx?CateID=136&date=&Page=2",
        ),
        (
            "vnexpress",
            "https://vnexpress.net/tang-luong-huu-tu-thang-7-4954454.html",
            "https://vnexpress.net/kinh-doanh-p2",
        ),
        (
            "tuoitre",
            "https://tuoitre.vn/bhxh-mot-lan-20260307075519174.htm",
            "https://tuoitre.vn/kinh-doanh.htm",
        ),
        (
            "dantri",
            "https://dantri.com.vn/lao-dong/bhyt-hoc-sinh-20260307080054340.htm",
            "https://dantri.com.vn/kinh-doanh/trang-2.htm",
        ),
        (
            "baocantho",
            "https://baocantho.com.vn/chi-tra-luong-huu-a196670.html",
            "https://baocantho.com.vn/thoi-su/",
        ),
        (
            "hanoimoi",
            "https://hanoimoi.vn/bao-hiem-xa-hoi-tu-nguyen-712345.html",
            "https://hanoimoi.vn/bhxh-event1234.html",
        ),
        (
            "baobacninhtv",
            "https://baobacninhtv.vn/tang-thu-bhxh-postid412345.bbg",
            "https://baobacninhtv.vn/xa-hoi",
        ),
    ],
)
def test_article_patterns_tell_articles_from_listings(
    source_id: str, article: str, listing: str
) -> None:
    pattern = re.compile(SOURCES.by_id(source_id).article_pattern or "")
    assert pattern.search(article)
    assert pattern.search(article + "?utm_source=rss&utm_medium=feed"), "feed links carry tracking"
    assert not pattern.search(listing)


def test_pre_merger_papers_are_aliases_of_the_merged_province() -> None:
    by_domain = {d: s for s in SOURCES.sources for d in (s.domain, *s.aliases)}
    for legacy, province in [
        ("baohagiang.vn", "Tuyên Quang"),
        ("baobinhduong.vn", "Hồ Chí Minh"),
        ("baoquangnam.vn", "Đà Nẵng"),
        ("baophuyen.vn", "Đắk Lắk"),
        ("baobaclieu.vn", "Cà Mau"),
        ("baolongan.vn", "Tây Ninh"),
    ]:
        assert by_domain[legacy].province == province
