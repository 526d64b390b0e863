"""Extraction accuracy per field on every saved real page with ground truth, beside baselines.

    .venv/bin/python benchmarks/extract_accuracy.py           # table + per-page misses
    .venv/bin/python benchmarks/extract_accuracy.py --json

Pages: benchmarks/saved_pages.py (tests/fixtures/pages and ../shared, read where they are). In the
same run, on the same bytes: ``extract_article`` (with the configured source's parser and habits,
as the crawler runs it), ``trafilatura.bare_extraction`` (title, date, text; dates through htmldate
with times kept) and ``htmldate.find_date`` (date only, original date, extensive search).

Also, as "habit variants": real pages with their metadata altered as some outlets write it (a
wrong +08:00 offset, also on a Monday just after midnight; a draft time in datePublished), with
the same ground truth as the page shows; the tests build the same variants.

Fields: title equal to the headline as shown (NFC, whitespace collapsed); date equal to the byline
to the minute (to the day when the byline shows no time; a baseline giving only a day counts as a
miss on a timed byline); body containing the checked first sentence; body free of boilerplate (the
page's own captions, asides, header, footer, navigation and related boxes, plus furniture wording).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import htmldate
import trafilatura
from lxml import html
from trafilatura.settings import Document

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.saved_pages import REPO, SavedPage, saved_pages  # noqa: E402
from crawlers.extract import extract_article  # noqa: E402
from crawlers.extract.dates import VN_TZ  # noqa: E402
from crawlers.extract.document import clean_text  # noqa: E402
from crawlers.extract.profile import DEFAULT_PROFILE  # noqa: E402
from pressmon.outlets import OutletResolver  # noqa: E402
from pressmon.settings import load_sources  # noqa: E402

NOW = datetime(2026, 11, 22, tzinfo=UTC)
FIELDS = ("title", "date", "first_sentence", "clean_body")
MARKERS = (
    "Tin liên quan",
    "TIN LIÊN QUAN",
    "Xem thêm:",
    "Đọc tiếp",
    "Đọc thêm:",
    "Chia sẻ bài",
    "Bình luận (",
    "/GP-",
    "Giấy phép hoạt động",
    "Theo dõi Báo",
    "Google News",
    "Copy link",
    "Tin mới nhất",
    "QUẢNG CÁO",
)
FURNITURE = (
    "//figcaption",
    "//aside",
    "//header",
    "//footer",
    "//nav",
    "//*[contains(@class, 'related') or contains(@class, 'relation')]",
    "//*[contains(@class, 'media-caption')]",
)
MIN_FURNITURE_CHARS = 25


# (page name, replacements, shown date if the replacements change it); see test_date_habits.py.
HABITS = (
    (
        "meth04__vnexpress_article.html",
        (("2026-03-07T00:05:00+07:00", "2026-03-07T00:05:00+08:00"),),
        None,
    ),
    (
        "meth04__vnexpress_article.html",
        (
            ("Thứ bảy, 7/3/2026, 00:05 (GMT+7)", "Thứ hai, 9/3/2026, 00:05 (GMT+7)"),
            ("2026-03-07T00:05:00+07:00", "2026-03-09T00:05:00+08:00"),
        ),
        datetime(2026, 3, 9, 0, 5, tzinfo=VN_TZ),
    ),
    (
        "meth04__tuoitre_article.html",
        (
            (
                '"datePublished": "2026-03-07T08:01:00+07:00"',
                '"datePublished": "2026-03-07T07:23:40+07:00"',
            ),
        ),
        None,
    ),
)


def habit_variants(pages: list[SavedPage]) -> list[tuple[SavedPage, bytes]]:
    """Altered copies (in memory) of the shared pages the habits are built on."""
    by_name = {p.path.name: p for p in pages}
    variants = []
    for i, (name, replacements, shown) in enumerate(HABITS, 1):
        page = by_name.get(name)
        if page is None:
            continue
        text = page.path.read_text(encoding="utf-8")
        for old, new in replacements:
            text = text.replace(old, new)
        altered = replace(page, published=shown or page.published, origin=f"habit {i}")
        variants.append((altered, text.encode("utf-8")))
    return variants


@dataclass(frozen=True)
class Reading:
    """What one extractor returned for one page (None: it has no such field)."""

    title: str | None
    published: datetime | None
    minute: bool  # the extractor gave a time of day
    body: str | None


def _furniture(raw: bytes) -> set[str]:
    tree = html.document_fromstring(raw)
    found = set()
    for xpath in FURNITURE:
        for node in tree.xpath(xpath):
            for chunk in node.itertext():
                chunk = clean_text(chunk)
                if len(chunk) >= MIN_FURNITURE_CHARS:
                    found.add(chunk)
    return found


def _ours(resolver: OutletResolver) -> Callable[[SavedPage, bytes], Reading]:
    def run(page: SavedPage, raw: bytes) -> Reading:
        source = resolver.resolve(None, page.url).source
        art = extract_article(
            raw,
            page.url,
            parser=source.parser if source else "generic",
            now=NOW,
            profile=source.extraction.profile if source else DEFAULT_PROFILE,
        )
        return Reading(art.title, art.published_at, art.date_precision == "minute", art.body)

    return run


def _parse_baseline_date(text: str | None) -> tuple[datetime | None, bool]:
    if not text:
        return None, False
    value = datetime.fromisoformat(text)
    minute = "T" in text and not text.split("T")[1].startswith("00:00:00")
    value = value.replace(tzinfo=VN_TZ) if value.tzinfo is None else value.astimezone(VN_TZ)
    return value, minute


_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def _trafilatura(page: SavedPage, raw: bytes) -> Reading:
    doc = trafilatura.bare_extraction(
        raw,
        url=page.url,
        with_metadata=True,
        date_extraction_params={
            "outputformat": _DATE_FORMAT,
            "original_date": True,
            "extensive_search": True,
        },
    )
    if not isinstance(doc, Document):  # None when nothing was found
        return Reading(None, None, False, None)
    published, minute = _parse_baseline_date(doc.date)
    return Reading(clean_text(doc.title or ""), published, minute, clean_text(doc.text or ""))


def _htmldate(page: SavedPage, raw: bytes) -> Reading:
    found = htmldate.find_date(
        raw, url=page.url, outputformat=_DATE_FORMAT, original_date=True, extensive_search=True
    )
    published, minute = _parse_baseline_date(found)
    return Reading(None, published, minute, None)


def score(page: SavedPage, reading: Reading, furniture: set[str]) -> dict[str, bool | None]:
    """True/False per field; None when the extractor does not produce the field."""
    got = reading.published
    if got is None:
        date_ok = False
    elif page.shows_time:
        date_ok = reading.minute and got.replace(second=0, microsecond=0) == page.published
    else:
        date_ok = got.date() == page.published.date()
    body = None if reading.body is None else clean_text(reading.body)
    leaks = [m for m in MARKERS if m in body] + [t for t in furniture if t in body] if body else []
    return {
        "title": None if reading.title is None else reading.title == clean_text(page.title),
        "date": date_ok,
        "first_sentence": None if body is None else clean_text(page.first_sentence) in body,
        "clean_body": None if body is None else bool(body) and not leaks,
    }


def run() -> dict[str, Any]:
    resolver = OutletResolver(load_sources(REPO / "config/sources.yaml").sources)
    extractors = {
        "extract_article": _ours(resolver),
        "trafilatura": _trafilatura,
        "htmldate": _htmldate,
    }
    pages = saved_pages()
    sets = {
        "saved pages": [(p, p.path.read_bytes()) for p in pages],
        "habit variants": habit_variants(pages),
    }
    per_page = []
    accuracy: dict[str, dict[str, dict[str, tuple[int, int]]]] = {}
    for label, items in sets.items():
        totals = {name: {f: [0, 0] for f in FIELDS} for name in extractors}
        for page, raw in items:
            furniture = _furniture(raw)
            row: dict[str, object] = {"page": page.name, "origin": page.origin}
            for name, extractor in extractors.items():
                scores = score(page, extractor(page, raw), furniture)
                row[name] = scores
                for field, ok in scores.items():
                    if ok is not None:
                        totals[name][field][0] += int(ok)
                        totals[name][field][1] += 1
            per_page.append(row)
        accuracy[label] = {
            name: {f: (ok, n) for f, (ok, n) in fields.items() if n}
            for name, fields in totals.items()
        }
    return {
        "pages": len(pages),
        "origins": {o: sum(p.origin == o for p in pages) for o in ("fixture", "shared")},
        "variants": len(sets["habit variants"]),
        "accuracy": accuracy,
        "per_page": per_page,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    result = run()
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    origins = result["origins"]
    print(
        f"{result['pages']} saved real pages ({origins['fixture']} in tests/fixtures, "
        f"{origins['shared']} in ../shared)"
    )
    header = ["pages", "extractor", "title", "date (minute)", "first sentence", "no boilerplate"]
    print(" | ".join(header))
    for label, by_extractor in result["accuracy"].items():
        for name, fields in by_extractor.items():
            cells = [f"{fields[f][0]}/{fields[f][1]}" if f in fields else "–" for f in FIELDS]
            print(" | ".join([label, name, *cells]))
    print("\nmisses:")
    for row in result["per_page"]:
        for name in ("extract_article", "trafilatura", "htmldate"):
            missed = [f for f, ok in row[name].items() if ok is False]
            if missed:
                page = f"{row['page']} [{row['origin']}]"
                print(f"  {page:<68} {name:<16} {', '.join(missed)}")


if __name__ == "__main__":
    main()
