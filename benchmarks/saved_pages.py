"""Every saved real article page with checked ground truth: ../shared's and tests/fixtures/pages.

One loader for the accuracy benchmark and the per-source test, so both count the same pages.
Pages in ../shared are read there at run time (never copied); when ../shared is absent only the
repository's own fixtures are returned.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the checkout; a git worktree elsewhere names it in PRESSMON_SHARED_DIR.
SHARED = Path(os.environ.get("PRESSMON_SHARED_DIR") or REPO / "../shared")
SHARED_TRUTH = SHARED / "data/research/html_truth.csv"
SHARED_PAGES = SHARED / "data/raw/html"
FIXTURES = REPO / "tests/fixtures/pages"
FIXTURE_TRUTH = FIXTURES / "truth.csv"


@dataclass(frozen=True)
class SavedPage:
    """One real page and what a reader sees on it."""

    path: Path
    url: str
    title: str  # the headline as shown
    published: datetime  # the byline's date and time (Vietnam time)
    shows_time: bool  # the byline has a time of day (else compare the day)
    first_sentence: str
    origin: str  # shared | fixture

    @property
    def name(self) -> str:
        return f"{self.path.parent.name}/{self.path.name}"


def _shared() -> list[SavedPage]:
    if not SHARED_TRUTH.exists():
        return []
    with SHARED_TRUTH.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["page_type"] == "article"]
    return [
        SavedPage(
            path=SHARED_PAGES / row["file"],
            url=row["url"],
            title=row["title"],
            published=datetime.fromisoformat(row["pub_date_iso"]),
            shows_time=":" in row["pub_date_displayed"],
            first_sentence=row["body_first_sentence"],
            origin="shared",
        )
        for row in rows
    ]


def _fixtures() -> list[SavedPage]:
    with FIXTURE_TRUTH.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        SavedPage(
            path=FIXTURES / row["file"],
            url=row["url"],
            title=row["title"],
            published=datetime.fromisoformat(row["published"]),
            shows_time=True,
            first_sentence=row["first_sentence"],
            origin="fixture",
        )
        for row in rows
    ]


def saved_pages() -> list[SavedPage]:
    """Fixtures in the repository first, then ../shared's pages when it is present."""
    return _fixtures() + _shared()


def shared_present() -> bool:
    return SHARED_TRUTH.exists()
