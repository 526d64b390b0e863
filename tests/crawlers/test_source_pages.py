"""Every enabled source is proven on a saved real article page, or says why not.

For each enabled source of config/sources.yaml: either at least one saved real page of the outlet
(tests/fixtures/pages, or ../shared when present) gives the checked headline, the byline's date to
the minute and the first body sentence; or its ``extraction`` in config/sources.yaml says
``verified: false`` with a reason. A source marked unverified that does have a passing page fails
too: the mark is stale. Run with ``-s`` for the coverage table by kind.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from benchmarks.saved_pages import SavedPage, saved_pages, shared_present
from crawlers.extract import extract_article
from crawlers.extract.document import clean_text
from pressmon.outlets import OutletResolver
from pressmon.settings import Source, load_sources

REPO = Path(__file__).resolve().parents[2]
SOURCES = load_sources(REPO / "config/sources.yaml").enabled()
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
        profile=source.extraction.profile,
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
    pages = PAGES.get(source.id, [])
    if pages:
        problems = [p for page in pages for p in _problems(page, source)]
        assert problems == []
        assert source.extraction.verified, (
            f"{source.id} passes on {[p.name for p in pages]}: "
            "drop its extraction 'verified: false'"
        )
        return
    if not source.extraction.verified:
        return  # SourceExtraction refuses verified: false without a reason
    if not shared_present():
        pytest.skip(f"{source.id} is proven only by pages in ../shared, which is absent")
    pytest.fail(
        f"{source.id} has no saved article page with ground truth and no extraction "
        "'verified: false' with a reason in config/sources.yaml"
    )


def test_coverage_by_kind() -> None:
    proven = Counter(s.kind for s in SOURCES if s.id in PAGES)
    total = Counter(s.kind for s in SOURCES)
    print()
    for kind in ("sector", "national", "provincial"):
        print(f"{kind:<10} {proven[kind]:>3} / {total[kind]:<3} proven on a saved page")
    assert sum(proven.values()) >= 1
