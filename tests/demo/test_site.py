"""The demo site builds, is deterministic, and holds every case the brief asks for."""

from __future__ import annotations

import itertools
import re
import unicodedata
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from parsel import Selector

from classifier.relevance import TOPIC_IDS
from demo.expected import week_of
from demo.model import DemoSite
from demo.outlets import MODULES
from demo.site import build_site

REPO = Path(__file__).resolve().parents[2]
TOPICS = set(TOPIC_IDS)  # the topic ids the relevance model assigns


def _text(body: bytes) -> str:
    return unicodedata.normalize("NFC", body.decode("utf-8"))


def _stored(site: DemoSite):
    return [a for a in site.articles if not a.challenge]


def test_build_is_deterministic(site: DemoSite) -> None:
    again = build_site()
    assert again.articles == site.articles
    assert {p: pg.body for p, pg in again.pages.items()} == {
        p: pg.body for p, pg in site.pages.items()
    }


def test_size_window_and_outlets(site: DemoSite) -> None:
    stored = _stored(site)
    assert len(stored) >= 64
    weeks = {week_of(a.published_at) for a in stored}
    assert len(weeks) >= 12
    assert max(weeks) - min(weeks) == timedelta(weeks=len(weeks) - 1)  # consecutive weeks
    press = [o for o in site.outlets if o.press]
    assert len(press) >= 4
    assert len({o.structure for o in press}) == len(press)
    kinds = [o.kind for o in press]
    assert kinds.count("sector") >= 1 and kinds.count("national") >= 1
    assert len({o.province for o in press if o.kind == "provincial"}) >= 2


def test_ground_truth_is_consistent(site: DemoSite) -> None:
    paths = [a.path for a in site.articles]
    assert len(paths) == len(set(paths))
    for article in site.articles:
        assert article.published_at.utcoffset() == timedelta(hours=7)
        assert article.path in site.pages
        assert set(article.topics) <= TOPICS
        assert article.expected_flagged == (article.stance == "asserts")
        assert (article.category is not None) == article.expected_flagged
        if article.challenge:
            assert not article.relevant
            continue
        assert 250 <= article.words <= 700, (article.path, article.words)
        assert article.relevant == bool(article.topics)
        for field in (article.title, article.lead, article.body):
            assert unicodedata.is_normalized("NFC", field)
        outlet = site.outlet(article.outlet)
        if outlet.kind == "provincial":
            assert article.province == outlet.province
        elif article.province is not None:
            assert article.province in f"{article.title} {article.lead} {article.body}"
        assert article.path.startswith(outlet.prefix)


def test_provinces_are_current_units(site: DemoSite) -> None:
    gazetteer = REPO / "config" / "provinces.yaml"
    if not gazetteer.exists():
        pytest.skip("config/provinces.yaml not present")
    names = {p["name"] for p in yaml.safe_load(gazetteer.read_text(encoding="utf-8"))["provinces"]}
    assert {o.province for o in site.outlets if o.province} <= names
    assert {a.province for a in site.articles if a.province} <= names


def test_misinformation_cases(site: DemoSite) -> None:
    flagged = [a for a in site.articles if a.expected_flagged]
    debunks = [a for a in site.articles if a.stance == "reports-and-debunks"]
    assert len(flagged) >= 4 and len(debunks) >= 3
    assert all(not site.outlet(a.outlet).press for a in flagged)  # scams live on the non-press site
    assert all(site.outlet(a.outlet).press for a in debunks)
    assert {a.category for a in flagged} >= {"C2", "C3", "C4", "C5"}
    service = next(a for a in flagged if a.category == "C4")
    assert re.search(r"0123\.456\.\d{3}", service.body) and "Phí dịch vụ" in service.body
    assert "http://" in next(a for a in flagged if a.category == "C3").body  # the fake link
    offtopic = [a for a in _stored(site) if not a.relevant]
    assert len(offtopic) >= 4


def test_robustness_cases(site: DemoSite) -> None:
    by_feature = {
        f: [a for a in site.articles if f in a.features]
        for f in ("nfd", "old-tone", "broken-html", "pre-merger", "week-edge")
    }
    nfd = by_feature["nfd"][0]
    raw = site.pages[nfd.path].body.decode("utf-8")
    assert not unicodedata.is_normalized("NFC", raw) and nfd.title in _text(
        site.pages[nfd.path].body
    )
    old = by_feature["old-tone"][0]
    assert "Uỷ ban" in old.title and "hoà" in old.body
    broken = site.pages[by_feature["broken-html"][0].path].body
    assert b"</html>" not in broken and b"</article>" not in broken
    assert any("Bến Tre" in a.title or "Trà Vinh" in a.title for a in by_feature["pre-merger"])
    edges = by_feature["week-edge"]
    assert any(a.published_at.weekday() == 0 and a.published_at.hour < 7 for a in edges)
    assert any(a.published_at.weekday() == 6 and a.published_at.hour >= 20 for a in edges)
    challenge = [a for a in site.articles if a.challenge]
    assert len(challenge) == 1 and b"document.cookie" in site.pages[challenge[0].path].body


def test_syndicated_pair(site: DemoSite) -> None:
    copies = [a for a in site.articles if a.syndicated_of]
    assert len(copies) == 1
    copy = copies[0]
    original = next(a for a in site.articles if a.path == copy.syndicated_of)
    assert (copy.title, copy.lead, copy.body) == (original.title, original.lead, original.body)
    assert copy.outlet != original.outlet and copy.topics == original.topics
    assert site.pages[copy.path].body != site.pages[original.path].body


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def test_distinct_articles_are_distinct_stories(site: DemoSite) -> None:
    """Template reuse must not make two different articles look syndicated (3-shingle Jaccard)."""
    stored = _stored(site)
    shingles = {a.path: _shingles(f"{a.title} {a.lead} {a.body}") for a in stored}
    for a, b in itertools.combinations(stored, 2):
        if b.syndicated_of == a.path or a.syndicated_of == b.path:
            continue
        union = shingles[a.path] | shingles[b.path]
        assert len(shingles[a.path] & shingles[b.path]) / len(union) < 0.4, (a.path, b.path)


def test_article_pages_carry_their_text(site: DemoSite) -> None:
    for article in _stored(site):
        text = _text(site.pages[article.path].body)
        html = Selector(text=text)
        assert html.css("title::text").get(), article.path
        assert article.title in text
        visible = " ".join(html.xpath("//body//text()").getall())
        for paragraph in article.body.split("\n\n"):
            assert paragraph in visible, article.path


def test_feeds_and_sitemaps_are_xml(site: DemoSite) -> None:
    xml_pages = [p for p, page in site.pages.items() if "xml" in page.content_type]
    assert len(xml_pages) >= 2 * len(MODULES)
    for path in xml_pages:
        body = site.pages[path].body.removeprefix(b"\xef\xbb\xbf").lstrip()
        ET.fromstring(body)
    boms = [p for p in xml_pages if site.pages[p].body.startswith(b"\xef\xbb\xbf")]
    assert len(boms) == 1
    assert any(b"<feed" in site.pages[p].body[:200] for p in xml_pages)  # one Atom feed
    assert any(b"sitemap-news" in site.pages[p].body[:300] for p in xml_pages)  # one news sitemap


def test_html_pages_parse(site: DemoSite) -> None:
    for path, page in site.pages.items():
        if page.content_type.startswith("text/html"):
            assert Selector(text=page.body.decode("utf-8")).xpath("//body"), path
