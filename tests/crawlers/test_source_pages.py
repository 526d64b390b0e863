"""Every enabled source is proven on a saved real article page, or says why not.

For each enabled source of config/sources.yaml: either at least one saved real page of the outlet
(tests/fixtures/pages, or ../shared when present) gives the checked headline, the byline's date to
the minute and the first body sentence; or config/extraction.yaml marks it ``verified: false``
with a reason. A source marked unverified that does have a passing page fails too: the entry is
stale. Run with ``-s`` for the coverage table by kind.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from benchmarks.saved_pages import SavedPage, saved_pages, shared_present
from crawlers.extract import ExtractionProfile, extract_article
from crawlers.extract.document import clean_text
from pressmon.outlets import OutletResolver
from pressmon.settings import Source, load_sources

REPO = Path(__file__).resolve().parents[2]
SOURCES = load_sources(REPO / "config/sources.yaml").enabled()
FACTS = yaml.safe_load((REPO / "config/extraction.yaml").read_text(encoding="utf-8")) or {}
RESOLVER = OutletResolver(SOURCES)
NOW = datetime(2026, 11, 22, tzinfo=UTC)


def _pages_by_source() -> dict[str, list[SavedPage]]:
    found: dict[str, list[SavedPage]] = {}
    for page in saved_pages():
        source = RESOLVER.resolve(None, page.url).source
        if source is not None:
            found.setdefault(source.id, []).append(page)
    return found


PAGES = _pages_by_source()


def _problems(page: SavedPage, source: Source) -> list[str]:
    art = extract_article(
        page.path.read_bytes(),
        page.url,
        parser=source.parser,
        now=NOW,
        profile=ExtractionProfile.from_mapping(FACTS.get(source.id)),
        outlet=source.name,
    )
    got = art.published_at
    date_ok = (
        got.replace(second=0, microsecond=0) == page.published
        if page.shows_time
        else got.date() == page.published.date()
    )
    problems = []
    if art.title != clean_text(page.title):
        problems.append(f"title {art.title!r} != {page.title!r}")
    if not date_ok:
        problems.append(f"date {got.isoformat()} != {page.published.isoformat()}")
    if clean_text(page.first_sentence) not in art.body:
        problems.append("first body sentence missing")
    return [f"{page.name}: {p}" for p in problems]


@pytest.mark.parametrize("source", SOURCES, ids=[s.id for s in SOURCES])
def test_source_is_proven_on_a_saved_page_or_says_why_not(source: Source) -> None:
    facts = FACTS.get(source.id) or {}
    pages = PAGES.get(source.id, [])
    if pages:
        problems = [p for page in pages for p in _problems(page, source)]
        assert problems == []
        assert facts.get("verified", True), (
            f"{source.id} passes on {[p.name for p in pages]}: drop its 'verified: false' entry"
        )
        return
    if facts.get("verified") is False:
        assert str(facts.get("reason", "")).strip(), f"{source.id}: verified: false needs a reason"
        return
    if not shared_present():
        pytest.skip(f"{source.id} is proven only by pages in ../shared, which is absent")
    pytest.fail(
        f"{source.id} has no saved article page with ground truth and no 'verified: false' "
        "entry with a reason in config/extraction.yaml"
    )


def test_extraction_facts_name_enabled_sources_and_known_keys() -> None:
    ids = {s.id for s in SOURCES}
    for source_id, facts in FACTS.items():
        assert source_id in ids, f"config/extraction.yaml names unknown source {source_id!r}"
        assert set(facts) <= {"verified", "reason", "date_prefer", "timezone_offset_wrong"}
        ExtractionProfile.from_mapping(facts)  # raises on a bad value


def test_coverage_by_kind() -> None:
    proven = Counter(s.kind for s in SOURCES if s.id in PAGES)
    total = Counter(s.kind for s in SOURCES)
    print()
    for kind in ("sector", "national", "provincial"):
        print(f"{kind:<10} {proven[kind]:>3} / {total[kind]:<3} proven on a saved page")
    assert sum(proven.values()) >= 1
